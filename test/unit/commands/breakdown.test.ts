// The breakdown document: both units, every element's term and its rule, the
// per-row table of a batch, warnings, the gradient, and caps on huge inputs.
import { describe, expect, it } from 'vitest';
import { analyze, emulate, RULE_NOTES } from '../../../src/core';
import { findArrays } from '../../../src/parse';
import { breakdownMarkdown, breakdownTitle, MAX_TABLE_ROWS } from '../../../src/extension/commands/breakdownMarkdown';
import { entropyOutcome, pairOutcome } from '../../../src/extension/commands/outcome';
import { subjectFromPayload } from '../../../src/extension/commands/payloadSubject';
import { markdownTable, tableNumber } from '../../../src/extension/commands/markdownTable';
import { positionsOf } from './helpers';
import { lossNumber, MAX_EMULATED_VALUES } from '../../../src/extension/features/content/frameworkContent';

function pairDoc(text: string, unit: 'nats' | 'bits' = 'nats', eps?: number): string {
  const find = findArrays(text, 'python');
  const pair = find.pairs[0] ?? { target: 0, prediction: 1, reason: 'test' };
  const out = pairOutcome('crossEntropy', find, pair, { unit, eps }, { uri: 'untitled:t', ...positionsOf(text) });
  if (!out.subject) throw new Error(out.message);
  return breakdownMarkdown(out.subject);
}

/** The cells of the table row that starts with `first`. */
function row(doc: string, first: string): string[] {
  const line = doc.split('\n').find((l) => l.split('|')[1]?.trim() === first);
  if (!line) throw new Error(`no row ${first} in\n${doc}`);
  return line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('breakdown of a pair', () => {
  const doc = pairDoc('y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\n');

  it('titles and describes both arrays with their roles and lines', () => {
    expect(doc.split('\n')[0]).toBe('# Entropy Lens breakdown: y_true → y_pred');
    expect(doc).toContain('- Target p: `y_true`, one-hot, 3 values, line 1');
    expect(doc).toContain('- Prediction q: `y_pred`, probabilities, 3 values, line 2');
  });

  it('gives every figure in nats and bits', () => {
    expect(row(doc, 'H(p,q) cross-entropy')).toEqual([
      'H(p,q) cross-entropy',
      tableNumber(-Math.log(0.7)),
      tableNumber(-Math.log2(0.7)),
    ]);
    expect(row(doc, 'perplexity e^H(p,q)')[1]).toBe(tableNumber(1 / 0.7));
  });

  it('lists each element with p, q and −p·log q', () => {
    expect(row(doc, '1')).toEqual(['1', '1', '0.7', tableNumber(-Math.log(0.7)), '']);
    expect(row(doc, '0')).toEqual(['0', '0', '0.2', '0', '']);
  });

  it('gives the gradient −p/q', () => {
    const grad = doc.slice(doc.indexOf('## Gradient'));
    expect(row(grad, '1')).toEqual(['1', tableNumber(-1 / 0.7)]);
  });

  it('writes element terms and the gradient in bits when the unit is bits', () => {
    const bits = pairDoc('y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\n', 'bits');
    expect(bits).toContain('## Per element (bits)');
    expect(row(bits, '1')[3]).toBe(tableNumber(-Math.log2(0.7)));
  });

  it('names the rule behind a special term and explains it', () => {
    const special = pairDoc('y_true = [0, 1, 0]\ny_pred = [0.3, 0.7, 0.0]\n');
    expect(row(special, '2')).toEqual(['2', '0', '0', '0', 'zero-times-log-zero']);
    expect(special).toContain(`- zero-times-log-zero (1 element): ${RULE_NOTES['zero-times-log-zero']}`);
  });

  it('lists the warnings, in settings words', () => {
    const infinite = pairDoc('y_true = [0, 1, 0]\ny_pred = [0.3, 0.0, 0.7]\n');
    expect(infinite).toMatch(
      /## Warnings\n\n- q\[1\] is 0 where p > 0: the cross-entropy is infinite \(setting entropyLens\.eps/,
    );
  });

  it('has a per-row table for a 2-D batch', () => {
    const batch = pairDoc(
      'labels = [0, 2]\nlogits = [[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]]\nF.cross_entropy(logits, labels)\n',
    );
    const ce = (r: number[], k: number) => Math.log(r.reduce((s, z) => s + Math.exp(z), 0)) - r[k]!;
    const perRow = batch.slice(batch.indexOf('## Per row'), batch.indexOf('## Per element'));
    expect(row(perRow, '1')).toEqual(['1', '0', tableNumber(ce([0.1, 0.2, 3], 2)), tableNumber(ce([0.1, 0.2, 3], 2))]);
    expect(batch).toContain('∂H(p,q)/∂z with respect to the logits z: q − p, divided by the 2 rows of the mean.');
  });

  it('shows at most MAX_TABLE_ROWS elements and says how many were left out', () => {
    const n = MAX_TABLE_ROWS + 500;
    const p = Array.from({ length: n }, () => 1 / n);
    const a = analyze(p, p);
    const doc2 = breakdownMarkdown({ type: 'pair', analysis: a, unit: 'nats', label: 'big', normalised: false });
    expect(doc2).toContain(`… 500 more elements not shown (the first ${MAX_TABLE_ROWS} are).`);
    expect(doc2.split('\n').filter((l) => /^\|\s+\d+ \|/.test(l)).length).toBe(2 * MAX_TABLE_ROWS);
  });

  it('names the special terms past the table of a large pair, whose analysis keeps only the shown terms', () => {
    const n = 4 * MAX_TABLE_ROWS;
    const p = Array.from({ length: n }, (_, i) => (i < n - 2 ? 1 / (n - 2) : 0));
    const q = Array.from({ length: n }, (_, i) => (i < n - 1 ? 1 / (n - 1) : 0));
    const text = `p = [${p.join(', ')}]\nq = [${q.join(', ')}]\n`;
    const find = findArrays(text, 'python');
    const out = pairOutcome(
      'crossEntropy',
      find,
      { target: 0, prediction: 1, reason: 'test' },
      { unit: 'nats', eps: undefined },
      {
        uri: 'untitled:t',
        ...positionsOf(text),
      },
    );
    if (out.subject?.type !== 'pair') throw new Error(out.message);
    expect(out.subject.analysis.terms).toHaveLength(MAX_TABLE_ROWS);
    const doc = breakdownMarkdown(out.subject);
    expect(doc).toContain(`… ${n - MAX_TABLE_ROWS} more elements not shown (the first ${MAX_TABLE_ROWS} are).`);
    expect(doc).toContain('- zero-times-log-zero (1 element)');
  });

  it('shows the first rows of a batch with more rows than the table, counts the rest and averages over all', () => {
    const rows = MAX_TABLE_ROWS + 500;
    const labels = Array.from({ length: rows }, (_, r) => (r % 7 === 0 ? -100 : r % 3));
    const logits = Array.from({ length: rows }, (_, r) => [r % 5, 1, -(r % 2)]);
    const text = `labels = [${labels.join(', ')}]
logits = [${logits.map((l) => `[${l.join(', ')}]`).join(', ')}]
`;
    const out = pairOutcome(
      'crossEntropy',
      findArrays(text, 'python'),
      { target: 0, prediction: 1, reason: 'test' },
      { unit: 'nats', eps: undefined },
      { uri: 'untitled:t', ...positionsOf(text) },
    );
    if (out.subject?.type !== 'pair') throw new Error(out.message);
    const all = analyze(labels, logits, { prediction: 'logits' });
    expect(out.subject.analysis.perRow).toEqual(all.perRow.slice(0, MAX_TABLE_ROWS));
    expect(out.subject.analysis.crossEntropy).toEqual(all.crossEntropy);
    const doc = breakdownMarkdown(out.subject);
    expect(doc).toContain(`… 500 more rows not shown (the first ${MAX_TABLE_ROWS} are).`);
    expect(row(doc, String(MAX_TABLE_ROWS - 1))).toHaveLength(5); // the note column: ignored rows among those shown
    expect(doc).not.toMatch(new RegExp(`^\\|\\s+${MAX_TABLE_ROWS} \\|`, 'm'));
  });
});

describe('breakdown of entropies', () => {
  it('of logits shows each value, its softmax probability and −p·log p', () => {
    const text = 'logits = [0.5, -0.5]\n';
    const q0 = 1 / (1 + Math.exp(-1)),
      q1 = 1 - q0;
    const h = -(q0 * Math.log(q0) + q1 * Math.log(q1));
    const out = entropyOutcome(
      findArrays(text, 'python'),
      [0],
      { unit: 'nats', eps: undefined },
      { uri: 'u', ...positionsOf(text) },
    );
    const doc = breakdownMarkdown(out.subject!);
    expect(breakdownTitle(out.subject!)).toBe('Entropy of logits');
    expect(doc).toContain('- `logits`, logits, 2 values, line 1');
    expect(doc).toContain(`H = ${tableNumber(h)} nats = ${tableNumber(h / Math.LN2)} bits`);
    expect(row(doc, '1')).toEqual(['1', '−0.5', tableNumber(q1), tableNumber(-q1 * Math.log(q1))]);
  });

  it('of a large batch keeps only the rows the table shows, and counts the rest', () => {
    const rows = 3,
      width = 1500;
    const probs = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: width }, (_, i) => (i === r ? 0.5 : 0.5 / (width - 1))),
    );
    const text = `probs = [${probs.map((row) => `[${row.join(', ')}]`).join(', ')}]\n`;
    const out = entropyOutcome(
      findArrays(text, 'python'),
      [0],
      { unit: 'nats', eps: undefined },
      { uri: 'u', ...positionsOf(text) },
    );
    if (out.subject?.type !== 'entropy') throw new Error(out.message);
    const [e] = out.subject.arrays;
    expect([e!.rows, e!.elements]).toEqual([rows, rows * width]);
    expect(e!.probabilities!.map((r) => r.length)).toEqual([width, MAX_TABLE_ROWS - width]);
    const doc = breakdownMarkdown(out.subject);
    expect(doc).toContain(', averaged over rows.');
    expect(doc).toContain(
      `… ${rows * width - MAX_TABLE_ROWS} more elements not shown (the first ${MAX_TABLE_ROWS} are).`,
    );
    // The last row shown is row 1's element MAX_TABLE_ROWS - width - 1.
    const last = MAX_TABLE_ROWS - width - 1;
    const lines = doc.split('\n').filter((l) => /^\|\s+\d+ \|/.test(l));
    expect(lines).toHaveLength(MAX_TABLE_ROWS);
    expect(
      lines
        .at(-1)!
        .split('|')
        .map((c) => c.trim())
        .slice(1, 3),
    ).toEqual(['1', String(last)]);
  });
});

describe('showBreakdown with a payload', () => {
  it('analyses the pair a code lens sends', () => {
    const s = subjectFromPayload(
      { target: [0, 1, 0], prediction: [0.2, 0.7, 0.1], label: 'y_true vs y_pred', source: { uri: 'file:///a.py' } },
      { unit: 'nats', eps: undefined },
    );
    if (!s.ok || s.subject.type !== 'pair') throw new Error(JSON.stringify(s));
    expect(s.subject.analysis.crossEntropy.nats).toBeCloseTo(-Math.log(0.7), 12);
    expect(breakdownTitle(s.subject)).toBe('y_true vs y_pred');
    expect(s.subject.normalised).toBe(false);
  });

  it('analyses a prediction off 1 on its normalised copy, as the lens showed it, and says so', () => {
    const s = subjectFromPayload({ target: [0, 1, 0], prediction: [0.2, 0.3, 0.4] }, { unit: 'nats', eps: undefined });
    if (!s.ok || s.subject.type !== 'pair') throw new Error(JSON.stringify(s));
    expect(s.subject.analysis.crossEntropy.nats).toBeCloseTo(Math.log(3), 12);
    expect(breakdownMarkdown(s.subject)).toContain(
      'Computed on copies divided by their sums; the document is unchanged',
    );
  });

  it('refuses what is not a pair, saying why', () => {
    expect(subjectFromPayload({ target: [0, 1], prediction: 'x' }, { unit: 'nats', eps: undefined })).toEqual({
      ok: false,
      error: expect.stringMatching(/not a target\/prediction pair \(pair\.prediction: expected an array/),
    });
    expect(subjectFromPayload({ target: [0, 1, 0], prediction: [0.5, 0.5] }, { unit: 'nats', eps: undefined })).toEqual(
      { ok: false, error: 'target has 3 values, prediction has 2' },
    );
  });
});

describe('markdownTable', () => {
  it('pads columns, aligns numbers right and escapes pipes', () => {
    expect(
      markdownTable(
        ['a', 'value'],
        ['left', 'right'],
        [
          ['x|y', '1'],
          ['z', '10.5'],
        ],
      ),
    ).toEqual(['| a    | value |', '|:-----|------:|', '| x\\|y |     1 |', '| z    |  10.5 |']);
  });

  it('writes numbers short and exact enough, with − and ∞', () => {
    expect([tableNumber(0), tableNumber(-0.5), tableNumber(1 / 3), tableNumber(1e-9), tableNumber(Infinity)]).toEqual([
      '0',
      '−0.5',
      '0.333333',
      '1e−9',
      '∞',
    ]);
  });
});

describe('showBreakdown with a code lens payload of an unpaired array', () => {
  it("gives the array's entropy breakdown rather than the array against itself", () => {
    const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 19 } };
    const s = subjectFromPayload(
      {
        target: [0.5, 0.25, 0.25],
        prediction: [0.5, 0.25, 0.25],
        label: 'probs',
        source: { uri: 'file:///a.py', targetRange: range, predictionRange: range },
      },
      { unit: 'bits', eps: undefined },
    );
    if (!s.ok) throw new Error(s.error);
    expect(s.subject.type).toBe('entropy');
    const doc = breakdownMarkdown(s.subject);
    expect(breakdownTitle(s.subject)).toBe('Entropy of probs');
    expect(doc).toContain('- `probs`, probabilities, 3 values, line 3');
    expect(doc).toContain(`H = ${tableNumber(1.5 * Math.LN2)} nats = 1.5 bits`);
    expect(row(doc, '0')).toEqual(['0', '0.5', '0.5', '0.5']);
  });
});

/** The breakdown of the finder's first pair, with the document's text for the call's keywords. */
function pairDocWithText(text: string): string {
  const find = findArrays(text, 'python');
  const pair = find.pairs[0] ?? { target: 0, prediction: 1, reason: 'test' };
  const out = pairOutcome(
    'crossEntropy',
    find,
    pair,
    { unit: 'nats', eps: undefined },
    { uri: 'untitled:t', text, ...positionsOf(text) },
  );
  if (!out.subject) throw new Error(out.message);
  return breakdownMarkdown(out.subject);
}

/** The rows (cells) of the "As each library would compute it" table, header first. */
function libraryTable(doc: string): string[][] {
  const at = doc.indexOf('## As each library would compute it');
  if (at < 0) throw new Error(`no library section in\n${doc}`);
  const section = doc.slice(at, doc.indexOf('\n## ', at + 1));
  return section
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-:|]+\|$/.test(l))
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

const value = (r: ReturnType<typeof emulate>) => lossNumber(r.value as number);

describe('breakdown: as each library would compute it', () => {
  // BCE of predictions [0, 1] against labels [1, 1]: exact +∞; torch 1.13
  // (Debian python3-torch) returns 50.0 for F.binary_cross_entropy, and
  // scikit-learn 1.2.1's log_loss 18.021826694558577.
  const bce = { prediction: [0, 1], target: [1, 1] };

  it('a pair with no loss call: one row per library, its value, exact, dtype and the reason', () => {
    const rows = libraryTable(pairDocWithText('y_true = [1.0, 1.0]\ny_pred = [0.0, 1.0]\n'));
    expect(rows[0]).toEqual(['library', 'loss', 'value', 'exact', 'dtype', 'why it differs from exact']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['PyTorch', 'Keras', 'scikit-learn 1.5 and later', 'TF.js', 'Flux']);
    expect(rows[1]).toEqual(['PyTorch', '`F.binary_cross_entropy`', '50', '+∞', 'float32', 'log clamped at −100']);
    const keras = emulate('keras', 'BinaryCrossentropy', bce);
    expect(rows[2]).toEqual([
      'Keras',
      '`keras.losses.BinaryCrossentropy`',
      value(keras),
      '+∞',
      'float32',
      'clipped to [1e-7, 1 − 1e-7]',
    ]);
    // The 1e-7 clip: the label-1 element at 0 costs −ln(1e-7) (in float32), the other 0; mean of the two.
    expect(Number(rows[2]![2])).toBeCloseTo(-Math.log(1e-7) / 2, 4);
    expect(Number(rows[3]![2])).toBeCloseTo(18.021826694558577, 4);
    expect(rows[3]![4]).toBe('float64');
    expect(rows[4]![5]).toBe('epsilon 1e-7 added inside the log');
    expect(rows[5]![2]).toBe(value(emulate('flux', 'binarycrossentropy', bce)));
  });

  it('a pair found at a library call: the call’s row first, one row per library', () => {
    const doc = pairDocWithText(
      'import torch\nimport torch.nn.functional as F\nloss = F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0]))\n',
    );
    const rows = libraryTable(doc).slice(1);
    expect(rows[0]).toEqual([
      'PyTorch (this call)',
      '`F.binary_cross_entropy`',
      '50',
      '+∞',
      'float32',
      'log clamped at −100',
    ]);
    expect(rows.filter((r) => r[0]!.startsWith('PyTorch'))).toHaveLength(1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Keras', 'scikit-learn 1.5 and later', 'TF.js', 'Flux']);
    expect(doc).toContain('The call the pair was found at, with the keywords it passes');
  });

  it('the call’s row uses the keywords it passes; the other libraries their defaults', () => {
    const rows = libraryTable(
      pairDocWithText(
        'import torch.nn.functional as F\nloss = F.cross_entropy(torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]]), torch.tensor([0, 2]), label_smoothing=0.1, reduction="sum")\n',
      ),
    ).slice(1);
    // torch 1.13: 0.6909128189086914 with these keywords, 0.17545640468597412 without.
    expect(rows[0]!.slice(0, 2)).toEqual([
      'PyTorch (this call)',
      '`F.cross_entropy` (label_smoothing=0.1, reduction="sum")',
    ]);
    expect(Number(rows[0]![2])).toBeCloseTo(0.6909128189086914, 5);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['Keras', '`keras.losses.SparseCategoricalCrossentropy` (from_logits=True)'],
      ['optax', '`optax.softmax_cross_entropy_with_integer_labels`'],
    ]);
    for (const r of rows.slice(1)) expect(Number(r[2])).toBeCloseTo(0.17545640468597412, 5);
  });

  it('a call the library refuses says why in its row, and the other libraries still follow', () => {
    const rows = libraryTable(
      pairDocWithText(
        'import keras\nloss = keras.losses.SparseCategoricalCrossentropy()([[0.0, 1.0], [1.0, 0.0]], [[0.2, 0.8], [0.6, 0.4]])\n',
      ),
    ).slice(1);
    expect(rows[0]!.slice(0, 5)).toEqual([
      'Keras (this call)',
      '`keras.losses.SparseCategoricalCrossentropy()`',
      '—',
      '—',
      '—',
    ]);
    expect(rows[0]![5]).toMatch(/^cannot be emulated on these arrays: y_true must be 1-D class indices/);
    const sk = emulate('sklearn', 'log_loss', {
      prediction: [
        [0.2, 0.8],
        [0.6, 0.4],
      ],
      target: [1, 0],
    });
    expect(rows.find((r) => r[0]!.startsWith('scikit-learn'))![2]).toBe(value(sk));
  });

  it('keeps the emulation cap: above MAX_EMULATED_VALUES the section says so and emulates nothing', () => {
    const n = MAX_EMULATED_VALUES / 2 + 1;
    const doc = pairDocWithText(
      `y_true = [${Array.from({ length: n }, (_, i) => i % 2).join(', ')}]\ny_pred = [${Array(n).fill(0.5).join(', ')}]\n`,
    );
    expect(doc).toContain(
      `## As each library would compute it\n\nNot shown: these arrays have ${2 * n} values; libraries are emulated on at most ${MAX_EMULATED_VALUES}.`,
    );
    expect(doc).not.toContain('| PyTorch');
  });

  it('no section when no library’s usual loss takes the pair, nor for a pasted payload', () => {
    const doc = pairDocWithText(
      'p = [0.25, 0.25, 0.5]\nlog_q = [-1.3862943611198906, -1.3862943611198906, -0.6931471805599453]\n',
    );
    expect(doc).toContain('log-probabilities');
    expect(doc).not.toContain('As each library');
    const payload = subjectFromPayload({ target: [0, 1], prediction: [0.3, 0.7] }, { unit: 'nats', eps: undefined });
    if (!payload.ok) throw new Error(payload.error);
    expect(breakdownMarkdown(payload.subject)).not.toContain('As each library');
  });
});
