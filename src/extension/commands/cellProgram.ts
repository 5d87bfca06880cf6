// What a compute command reads when run on a notebook cell: the notebook's code
// cells joined (so a name in the cell finds its partner in another cell), then
// the cell's printed output values as `name = [...]` lines (as the cell status
// bar reads them), and which spans of that text the command works on. Pure.
import { readCellOutputs } from '../features/content';
import { joinCells, withinCells, type FindResult, type JoinedCells } from '../features/model';
import type { OffsetSpan } from './types';

export interface CellProgram {
  /** The code cells joined, then the cell's output lines. */
  text: string;
  /** The cells' places in `text`, the output lines as one more part (so no array is read across parts). */
  parts: JoinedCells;
  /** Index of the cell among the code cells. */
  own: number;
  /** The output lines' span in `text`; undefined when the cell printed no values. */
  outputs: OffsetSpan | undefined;
}

/** `cells`: the code cells' texts in order; `numbers`: their places in the notebook; `items`: the cell's output items. */
export function cellProgram(
  cells: readonly string[],
  numbers: readonly number[],
  own: number,
  items: readonly { mime: string; text: () => string }[],
): CellProgram {
  const joined = joinCells(cells, numbers);
  const read = readCellOutputs(cells[own] ?? '', items);
  const lines = read ? read.text.slice(read.outputStart) : '';
  const start = joined.text.length;
  const parts: JoinedCells = {
    text: joined.text + lines,
    starts: [...joined.starts, start],
    ends: [...joined.ends, start + lines.length],
    labels: [...joined.labels, `output of ${joined.labels[own] ?? 'the cell'}`],
  };
  return { text: parts.text, parts, own, outputs: lines ? { start, end: start + lines.length } : undefined };
}

/** The finder's result on the program, keeping arrays that lie in one cell or in the outputs. */
export function cellFind(program: CellProgram, found: FindResult): FindResult {
  return withinCells(program.parts, found);
}

/**
 * The spans a command on the cell works on: the user's selection in the cell
 * when there is one (offsets in the cell's text); else the whole cell, its
 * outputs, and the partners the finder pairs with them in other cells.
 */
export function cellSpans(program: CellProgram, find: FindResult, selection?: OffsetSpan): OffsetSpan[] {
  const base = program.parts.starts[program.own]!;
  if (selection && selection.end > selection.start)
    return [{ start: base + selection.start, end: base + selection.end }];
  const spans: OffsetSpan[] = [{ start: base, end: program.parts.ends[program.own]! }];
  if (program.outputs) spans.push(program.outputs);
  const inside = (i: number) => {
    const a = find.arrays[i]!;
    return spans.some((s) => a.start < s.end && s.start < a.end);
  };
  const partners: OffsetSpan[] = [];
  for (const p of find.pairs) {
    const other =
      inside(p.target) && !inside(p.prediction)
        ? p.prediction
        : inside(p.prediction) && !inside(p.target)
          ? p.target
          : -1;
    if (other >= 0) partners.push({ start: find.arrays[other]!.start, end: find.arrays[other]!.end });
  }
  return [...spans, ...partners];
}
