// The breakdown as the rendered page of its panel: what breakdownMarkdown
// writes becomes headings, lists and real tables (no raw `|---|` left), each
// table in its own scrolling region, everything from the user's code escaped,
// and a policy that allows no script at all.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../src/parse';
import { breakdownMarkdown } from '../../../src/extension/commands/breakdownMarkdown';
import { breakdownCsp, breakdownPage, markdownToHtml } from '../../../src/extension/commands/breakdownHtml';
import { pairOutcome } from '../../../src/extension/commands/outcome';
import { positionsOf } from './helpers';
import { analyze, emulate } from '../../../src/core';
import { lossNumber } from '../../../src/extension/features/content/frameworkContent';

function pairDoc(text: string): string {
  const find = findArrays(text, 'python');
  const out = pairOutcome(
    'crossEntropy',
    find,
    find.pairs[0]!,
    { unit: 'nats', eps: undefined },
    { uri: 'untitled:t', text, ...positionsOf(text) },
  );
  if (!out.subject) throw new Error(out.message);
  return breakdownMarkdown(out.subject);
}

/** The HTML parsed by a small DOM-free reader: the rows of table `n` as cell texts. */
function tableRows(html: string, n: number): string[][] {
  const table = html.split('<table>')[n + 1]!.split('</table>')[0]!;
  return table
    .split('<tr>')
    .slice(1)
    .map((tr) => Array.from(tr.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g), (m) => m[1]!));
}

describe('breakdown page', () => {
  const md = pairDoc('y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\n');
  const html = markdownToHtml(md);

  it('renders the Markdown tables as tables, with no raw table syntax left', () => {
    expect(md).toMatch(/\|-{3,}/);
    expect(html).not.toMatch(/\|\s*-{3,}|-{3,}\s*\|/);
    expect(html).not.toContain('| ');
    const figures = tableRows(html, 0);
    expect(figures[0]).toEqual(['', 'nats', 'bits']);
    expect(figures.find((r) => r[0] === 'H(p,q) cross-entropy')).toEqual([
      'H(p,q) cross-entropy',
      '0.356675',
      '0.514573',
    ]);
    // Table 1 is each library's value (below), table 2 the elements.
    const elements = tableRows(html, 2);
    expect(elements[0]).toEqual(['i', 'p', 'q', '−p·log q', 'rule']);
    expect(elements[2]).toEqual(['1', '1', '0.7', '0.356675', '']);
  });

  it('puts every table in a keyboard-reachable scrolling region and marks numeric columns', () => {
    const tables = html.split('<table>').length - 1;
    expect(tables).toBeGreaterThanOrEqual(3);
    expect(
      html.match(/<div class="table-scroll" role="region" aria-label="Table \d+" tabindex="0"><table>/g),
    ).toHaveLength(tables);
    expect(html).toContain('<th scope="col" class="num">nats</th>');
    expect(html).toContain('<td class="num">0.356675</td>');
    expect(html).toContain('<td>H(p,q) cross-entropy</td>');
  });

  it('renders the headings, the list and code spans', () => {
    expect(html).toContain('<h1>Entropy Lens breakdown: y_true → y_pred</h1>');
    expect(html).toContain('<h2>Figures</h2>');
    expect(html).toContain('<li>Target p: <code>y_true</code>, one-hot, 3 values, line 1</li>');
    expect(html).toMatch(/<p>H\(p,q\) = Σ −p·log q\. Terms with p = 0 add nothing\.<\/p>/);
  });

  it('escapes text so no name or message becomes markup', () => {
    const out = markdownToHtml(
      '# a <script>alert(1)</script>\n\n- `<img src=x onerror=y>` & b\n\n| x<y | `c` |\n|:----|----:|\n| a \\| b | <b> |\n',
    );
    expect(out).not.toMatch(/<script|<img|<b>/);
    expect(out).toContain('<h1>a &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(out).toContain('<code>&lt;img src=x onerror=y&gt;</code> &amp; b');
    expect(tableRows(out, 0)).toEqual([
      ['x&lt;y', '<code>c</code>'],
      ['a | b', '&lt;b&gt;'],
    ]);
  });

  it('keeps a line that only looks like a table as a paragraph, and ends', () => {
    expect(markdownToHtml('| not a table\n| either\n')).toBe('<p>| not a table</p>\n<p>| either</p>');
  });

  it('allows no script and loads styles only from the webview origin', () => {
    const csp = breakdownCsp('https://x.vscode-cdn.net');
    expect(csp).toBe("default-src 'none'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net");
    const page = breakdownPage({
      cspSource: 'https://x.vscode-cdn.net',
      styleUri: 'https://x/media/breakdown.css',
      title: 'a → b',
      markdown: md,
      copyCommandUri: 'command:entropyLens.copyBreakdownAsMarkdown?%5B%22u%22%5D',
    });
    expect(page).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    expect(page).toContain(`content="${csp}"`);
    expect(page).toContain('<a href="command:entropyLens.copyBreakdownAsMarkdown?%5B%22u%22%5D"');
    expect(page).toContain('<title>a → b</title>');
  });
});

describe('breakdown page: as each library would compute it', () => {
  const page = (markdown: string) =>
    breakdownPage({
      cspSource: 'https://x.vscode-cdn.net',
      styleUri: 'https://x/media/breakdown.css',
      title: 'p → q',
      markdown,
      copyCommandUri: 'command:entropyLens.copyBreakdownAsMarkdown?%5B%22u%22%5D',
    });

  it('renders the libraries’ table with its values, the numbers right-aligned', () => {
    const html = markdownToHtml(pairDoc('y_true = [1.0, 1.0]\ny_pred = [0.0, 1.0]\n'));
    expect(html).toContain('<h2>As each library would compute it</h2>');
    const rows = tableRows(html, 1);
    expect(rows[0]).toEqual(['library', 'loss', 'value', 'exact', 'dtype', 'why it differs from exact']);
    // torch 1.13's F.binary_cross_entropy returns 50.0 here (the log clamped at −100).
    expect(rows[1]).toEqual([
      'PyTorch',
      '<code>F.binary_cross_entropy</code>',
      '50',
      '+∞',
      'float32',
      'log clamped at −100',
    ]);
    const keras = emulate('keras', 'BinaryCrossentropy', { prediction: [0, 1], target: [1, 1] });
    expect(rows[2]!.slice(0, 3)).toEqual([
      'Keras',
      '<code>keras.losses.BinaryCrossentropy</code>',
      lossNumber(keras.value as number),
    ]);
    expect(html).toContain('<th scope="col" class="num">value</th><th scope="col" class="num">exact</th>');
    expect(html).toContain('<td class="num">50</td><td class="num">+∞</td><td>float32</td>');
  });

  it('escapes the call’s keywords as written', () => {
    const md = pairDoc(
      'import torch.nn.functional as F\nloss = F.cross_entropy(torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]]), torch.tensor([0, 2]), reduction="sum")\n',
    );
    const rows = tableRows(markdownToHtml(md), 1);
    expect(rows[1]!.slice(0, 2)).toEqual([
      'PyTorch (this call)',
      '<code>F.cross_entropy</code> (reduction=&quot;sum&quot;)',
    ]);
  });

  it('lets no text of a row become markup, and keeps the page’s policy', () => {
    const md = breakdownMarkdown({
      type: 'pair',
      analysis: analyze([0, 1], [0.3, 0.7]),
      unit: 'nats',
      label: 'p → q',
      normalised: false,
      libraries: {
        ok: true,
        rows: [
          {
            framework: 'pytorch',
            library: '<b>PyTorch</b>',
            loss: 'F.x`<img src=x onerror=y>',
            keywords: ['w=<script>alert(1)</script>', 'a|b'],
            atCall: true,
            emulated: { error: '<style>body{}</style> & "q"' },
          },
        ],
      },
    });
    const html = page(md);
    // No element, and no attribute inside any tag, comes from the row's text.
    expect(html).not.toMatch(/<script|<img|<b>|<style|<[^>]*\s(style|on\w+)=/i);
    const rows = tableRows(markdownToHtml(md), 1);
    expect(rows[1]).toEqual([
      '&lt;b&gt;PyTorch&lt;/b&gt; (this call)',
      '<code>F.x&lt;img src=x onerror=y&gt;</code> (w=&lt;script&gt;alert(1)&lt;/script&gt;, a|b)',
      '—',
      '—',
      '—',
      'cannot be emulated on these arrays: &lt;style&gt;body{}&lt;/style&gt; &amp; &quot;q&quot;',
    ]);
    expect(html).toContain(`content="${breakdownCsp('https://x.vscode-cdn.net')}"`);
    expect(html.match(/<meta http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
  });
});
