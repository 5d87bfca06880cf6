import { describe, expect, it } from 'vitest';
import type { Derived } from '../../../webview/model/derive';
import { dataTables, toCsv, toMarkdown } from '../../../webview/model/exportData';

// A hand-built derived record: a 2-row batch, row 0 shown.
const derived = {
  rows: {
    targets: [
      [0, 1],
      [1, 0],
    ],
    predictions: [
      [0.25, 0.75],
      [0.5, 0.5],
    ],
    predictionKind: 'probabilities',
    classes: 2,
  },
  classes: 2,
  rawTarget: [0, 1],
  target: [0, 1],
  logits: [Math.log(0.25), Math.log(0.75)],
  probabilities: [0.25, 0.75],
  entropy: 0,
  crossEntropy: -Math.log(0.75),
  kl: -Math.log(0.75),
  contributions: [0, -Math.log(0.75)],
  gradient: [0.25, -0.25],
  gradientSum: 0,
  trueClassProbability: 0.75,
  shiftEffect: 0,
  rowLosses: [
    { row: 1, loss: Math.log(2) },
    { row: 0, loss: -Math.log(0.75) },
  ],
  warnings: [],
} satisfies Derived;

describe('copy data as CSV and Markdown', () => {
  const tables = dataTables(derived, 1, 0);

  it('has the per-class table and, for a batch, the per-row losses worst first', () => {
    expect(tables).toHaveLength(2);
    expect(tables[0]!.header).toEqual(['class', 'target p', 'logit z', 'softmax q', '-p log q', 'gradient q - p']);
    expect(tables[0]!.rows[1]).toEqual([
      1,
      '1',
      String(Number(Math.log(0.75).toPrecision(12))),
      '0.75',
      '0.287682072452',
      '-0.25',
    ]);
    expect(tables[1]!.rows.map((r) => r[0])).toEqual([1, 0]);
  });

  it('writes CSV with one line per class and quotes cells that need it', () => {
    const csv = toCsv(tables);
    const lines = csv.split('\n');
    expect(lines[0]).toMatch(/^"# Current row \(T = 1, label smoothing = 0\): H\(p,q\) = 0\.287682072452 nats/); // the title has commas: quoted
    expect(lines[1]).toBe('class,target p,logit z,softmax q,-p log q,gradient q - p');
    expect(lines[2]).toBe('0,0,-1.38629436112,0.25,0,0.25');
    expect(csv).toContain(
      '\n\n"# Per-row cross-entropy (nats), worst first"\nrow,cross-entropy\n1,0.69314718056\n0,0.287682072452\n',
    );
  });

  it('writes GFM tables with a right-aligned separator row', () => {
    const md = toMarkdown(tables);
    expect(md).toContain(
      '| class | target p | logit z | softmax q | -p log q | gradient q - p |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n| 0 | 0 | -1.38629436112 | 0.25 | 0 | 0.25 |',
    );
    expect(md).toContain('| row | cross-entropy |');
  });

  it('leaves out the batch table for a single row', () => {
    const single = {
      ...derived,
      rows: { ...derived.rows, predictions: [[0.25, 0.75]], targets: [[0, 1]] },
      rowLosses: [{ row: 0, loss: 0.28 }],
    };
    expect(dataTables(single, 2, 0.1)).toHaveLength(1);
    expect(dataTables(single, 2, 0.1)[0]!.title).toContain('T = 2, label smoothing = 0.1');
  });
});
