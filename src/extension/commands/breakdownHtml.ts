// The breakdown's Markdown as the HTML page of its webview panel. Pure (no
// vscode import), so the rendering and the page's policy are unit-tested.
//
// It renders only what breakdownMarkdown.ts writes — headings, bullet lists,
// paragraphs, pipe tables with alignment, `code` — and escapes everything else,
// so nothing in an array's name or a message can become markup. Each table
// sits in its own horizontally scrolling region: a narrow editor scrolls the
// table instead of wrapping its rows, and numbers never break.

export interface BreakdownPageParts {
  cspSource: string;
  styleUri: string;
  title: string;
  markdown: string;
  /** A `command:` URI that copies this breakdown's Markdown. */
  copyCommandUri: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** No scripts at all; styles only from the extension's media folder. */
export function breakdownCsp(cspSource: string): string {
  return ["default-src 'none'", `style-src ${cspSource}`, `font-src ${cspSource}`].join('; ');
}

/** Escaped text with `code` spans. */
export function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`')
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : escapeHtml(part),
    )
    .join('');
}

/** The cells of a `| a | b |` row; `\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

const isRule = (line: string) => /^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line.trim());

function table(header: string, rule: string, rows: string[], n: number): string {
  const right = cells(rule).map((r) => r.endsWith(':') && !r.startsWith(':'));
  const th = cells(header)
    .map((c, i) => `<th scope="col"${right[i] ? ' class="num"' : ''}>${inline(c)}</th>`)
    .join('');
  const body = rows.map(
    (line) =>
      `<tr>${cells(line)
        .map((c, i) => `<td${right[i] ? ' class="num"' : ''}>${inline(c)}</td>`)
        .join('')}</tr>`,
  );
  // tabindex: a region that scrolls must be reachable with the keyboard.
  return `<div class="table-scroll" role="region" aria-label="Table ${n}" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

export function markdownToHtml(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let tables = 0;
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      i++;
    } else if (line.startsWith('|') && isRule(lines[i + 1] ?? '')) {
      let end = i + 2;
      while (end < lines.length && lines[end]!.startsWith('|')) end++;
      out.push(table(line, lines[i + 1]!, lines.slice(i + 2, end), ++tables));
      i = end;
    } else if (line.startsWith('- ')) {
      const items: string[] = [];
      for (; i < lines.length && lines[i]!.startsWith('- '); i++) items.push(`<li>${inline(lines[i]!.slice(2))}</li>`);
      out.push(`<ul>${items.join('')}</ul>`);
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [line];
      for (i++; i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,6} |- |\|)/.test(lines[i]!); i++)
        para.push(lines[i]!);
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

export function breakdownPage(p: BreakdownPageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(breakdownCsp(p.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(p.styleUri)}">
<title>${escapeHtml(p.title)}</title>
</head>
<body>
<nav class="actions"><a href="${escapeHtml(p.copyCommandUri)}" title="Copy this breakdown as Markdown">Copy as Markdown</a></nav>
<main>
${markdownToHtml(p.markdown)}
</main>
</body>
</html>`;
}
