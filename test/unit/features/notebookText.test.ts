// A notebook read as one program: the joined text, the map back to cells, and
// the real finder's arrays and pairs across cells (model/notebookText.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAt, cellOfRange, joinCells, withinCells } from '../../../src/extension/features/model/notebookText';
import { createEngine, DocumentModel, DEFAULT_MODEL_SETTINGS } from '../../../src/extension/features/model';
import { lensAnchors, lensTitle } from '../../../src/extension/features/content';

const engine = createEngine();

function notebookModel(cells: string[], numbers?: number[]): DocumentModel {
  const joined = joinCells(cells, numbers);
  return new DocumentModel('nb', 1, 'python', joined.text, engine, DEFAULT_MODEL_SETTINGS, joined);
}

// Cell texts built from pieces that open and close brackets, numbers and names, so boundaries fall anywhere.
const piece = fc.constantFrom(
  'y_true = ',
  'y_pred = ',
  '[',
  ']',
  '[0.2, 0.7, 0.1]',
  '[0, 1, 0]',
  '0.5',
  ', ',
  '\n',
  'log_loss(y_true, y_pred)',
  'np.array(',
  ')',
  '# ',
  '"',
  '[[0.1, 0.9],',
  ' [0.8, 0.2]]',
);
const cellText = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
  fc.string({ maxLength: 20 }),
);
const cellsArb = fc.array(cellText, { minLength: 1, maxLength: 6 });

describe('joinCells', () => {
  it('maps every offset of every cell back to that cell and its own character', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const joined = joinCells(cells);
        cells.forEach((cell, i) => {
          expect(joined.text.slice(joined.starts[i], joined.ends[i])).toBe(cell);
          for (let o = 0; o <= cell.length; o++) expect(cellAt(joined, joined.starts[i]! + o)).toBe(i);
        });
      }),
    );
  });

  it('names cells by their place in the notebook', () => {
    expect(joinCells(['a', 'b']).labels).toEqual(['cell 1', 'cell 2']);
    expect(joinCells(['a', 'b'], [2, 4]).labels).toEqual(['cell 2', 'cell 4']);
  });
});

describe('the finder on a notebook', () => {
  it('every array maps back to exactly the cell text it came from, and none spans two cells', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const joined = joinCells(cells);
        const model = notebookModel(cells);
        for (const a of model.arrays) {
          const cell = cellOfRange(joined, a.start, a.end);
          expect(cell).toBeDefined();
          const local = a.start - joined.starts[cell!]!;
          expect(cells[cell!]!.slice(local, local + a.end - a.start)).toBe(joined.text.slice(a.start, a.end));
        }
        for (const p of model.pairs) {
          expect(model.arrays[p.target]).toBeDefined();
          expect(model.arrays[p.prediction]).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('drops an array an unclosed bracket would carry into the next cell, and its pairs', () => {
    const joined = joinCells(['x = [0.2, 0.3,', '0.5]\ny = [1, 0]']);
    const arrays = [
      {
        start: 4,
        end: joined.starts[1]! + 4,
        values: [0.2, 0.3, 0.5],
        shape: [3],
        role: 'probabilities' as const,
        issues: [],
      },
      {
        start: joined.text.indexOf('[1, 0]'),
        end: joined.text.indexOf('[1, 0]') + 6,
        values: [1, 0],
        shape: [2],
        role: 'one-hot' as const,
        issues: [],
      },
    ];
    const out = withinCells(joined, { arrays, pairs: [{ target: 1, prediction: 0, reason: 'test' }], issues: [] });
    expect(out.arrays.map((a) => a.values)).toEqual([[1, 0]]);
    expect(out.pairs).toEqual([]);
  });

  it('pairs y_true in one cell with y_pred in another, and log_loss in a third sees both', () => {
    const cells = [
      'import numpy as np\ny_true = [0, 1, 0]',
      'y_pred = np.array([0.2, 0.7, 0.1])',
      'loss = log_loss(y_true, y_pred)',
    ];
    const model = notebookModel(cells, [1, 3, 4]);
    expect(model.pairs).toHaveLength(1);
    const pair = model.pairs[0]!;
    expect(model.arrays[pair.target]!.name).toBe('y_true');
    expect(model.arrays[pair.prediction]!.name).toBe('y_pred');
    expect(pair.reason).toMatch(/log_loss/);
    const anchors = lensAnchors(model, (o) => model.lineOf(o));
    const title = lensTitle(
      model,
      anchors.find((a) => a.items[0]!.kind === 'pair')!,
      'nats',
    );
    expect(title).toBe(
      `H(p,q) = ${(-Math.log(0.7)).toFixed(3)} nats · KL = ${(-Math.log(0.7)).toFixed(3)} · H(p) = 0 · target y_true in cell 1`,
    );
  });

  it('says nothing of cells when the pair is in one cell', () => {
    const model = notebookModel(['y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\nlog_loss(y_true, y_pred)']);
    const anchors = lensAnchors(model, (o) => model.lineOf(o));
    expect(
      lensTitle(
        model,
        anchors.find((a) => a.items[0]!.kind === 'pair')!,
        'nats',
      ),
    ).not.toMatch(/cell/);
  });
});
