// A compute command on a notebook cell (commands/cellProgram.ts) with the real
// finder: the cell's source and printed outputs, and its partners in other cells.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../src/parse';
import { cellFind, cellProgram, cellSpans } from '../../../src/extension/commands/cellProgram';
import { chooseArrays } from '../../../src/extension/commands/chooseArrays';

const STDOUT = 'application/vnd.code.notebook.stdout';
const item = (mime: string, text: string) => ({ mime, text: () => text });

function choose(
  cells: string[],
  own: number,
  items: { mime: string; text: () => string }[],
  selection?: { start: number; end: number },
) {
  const program = cellProgram(
    cells,
    cells.map((_, i) => i + 2),
    own,
    items,
  );
  const find = cellFind(program, findArrays(program.text, 'python'));
  const choice = chooseArrays(
    find,
    { selections: cellSpans(program, find, selection), cursor: 0, lineOf: () => 0 },
    'crossEntropy',
  );
  return { program, find, choice };
}

const cells = ['y_true = [0, 1, 0]', 'y_pred = np.array([0.2, 0.7, 0.1])', 'loss = log_loss(y_true, y_pred)'];

describe('compute on a notebook cell', () => {
  it("pairs the cell's prediction with its target in another cell", () => {
    const { find, choice } = choose(cells, 1, []);
    expect(choice.type).toBe('pair');
    if (choice.type !== 'pair') return;
    expect(find.arrays[choice.target]!.name).toBe('y_true');
    expect(find.arrays[choice.prediction]!.name).toBe('y_pred');
  });

  it("reads the cell's printed outputs, named by its print() calls", () => {
    const { program, find, choice } = choose([...cells, 'print(t)\nprint(q)'], 3, [
      item(STDOUT, 'tensor([1., 0.])\ntensor([0.9000, 0.1000], grad_fn=<SoftmaxBackward0>)\n'),
    ]);
    expect(program.outputs).toBeDefined();
    expect(program.text.slice(program.outputs!.start)).toBe('t = [1, 0]\nq = [0.9, 0.1]\n');
    expect(choice.type).toBe('pair');
    if (choice.type !== 'pair') return;
    expect([find.arrays[choice.target]!.name, find.arrays[choice.prediction]!.name]).toEqual(['t', 'q']);
  });

  it("keeps to the user's selection inside the cell", () => {
    const text = 'p = [0.5, 0.5]\nq = [0.9, 0.1]';
    const { program, find } = choose(['y = [1, 0]', text], 1, []);
    const spans = cellSpans(program, find, { start: 0, end: text.indexOf('\n') });
    expect(spans).toEqual([{ start: program.parts.starts[1]!, end: program.parts.starts[1]! + text.indexOf('\n') }]);
  });

  it('never reads an array across two cells or into the outputs', () => {
    const { find } = choose(['p = [0.5,', '0.5]'], 0, [item('text/plain', '[0.2, 0.8]')]);
    expect(find.arrays.map((a) => a.values)).toEqual([[0.2, 0.8]]);
  });
});
