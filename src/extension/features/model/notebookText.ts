// A notebook read as one program: its code cells joined in order into one text,
// with the map from offsets in that text back to cells. Pure (no vscode); the
// providers turn cells into VS Code's cell documents.
import type { FindResult } from './shapes';

/** Between two cells: a line break, so a statement never runs on into the next cell. */
export const CELL_SEPARATOR = '\n';

export interface JoinedCells {
  /** The cells' texts in order, each followed by CELL_SEPARATOR. */
  text: string;
  /** Start offset of each cell's text in `text`. */
  starts: number[];
  /** One past each cell's last character in `text` (its separator not included). */
  ends: number[];
  /** How each cell is named to the user ("cell 3": its place in the notebook, markdown cells counted). */
  labels: string[];
}

/** `numbers`: each cell's 1-based place in the notebook (default: 1, 2, 3, …). */
export function joinCells(cells: readonly string[], numbers?: readonly number[]): JoinedCells {
  const starts: number[] = [],
    ends: number[] = [];
  let offset = 0;
  for (const cell of cells) {
    starts.push(offset);
    offset += cell.length;
    ends.push(offset);
    offset += CELL_SEPARATOR.length;
  }
  const labels = cells.map((_, i) => `cell ${numbers?.[i] ?? i + 1}`);
  return { text: cells.map((c) => c + CELL_SEPARATOR).join(''), starts, ends, labels };
}

/** Index of the cell whose text holds `offset` (its end inclusive, so a cursor after its last character counts), or undefined for a separator. */
export function cellAt(joined: JoinedCells, offset: number): number | undefined {
  const { starts, ends } = joined;
  let lo = 0,
    hi = starts.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= ends[found]! ? found : undefined;
}

/** The cell holding all of [start, end], or undefined when the range crosses a cell boundary. */
export function cellOfRange(joined: JoinedCells, start: number, end: number): number | undefined {
  const cell = cellAt(joined, start);
  return cell !== undefined && end <= joined.ends[cell]! ? cell : undefined;
}

/**
 * The finder's result on the joined text, keeping only arrays that lie in one
 * cell (an unclosed bracket at the end of a cell must not join two cells'
 * numbers into one array); pairs of dropped arrays go too, the rest renumbered.
 */
export function withinCells(joined: JoinedCells, found: FindResult): FindResult {
  const index = new Map<number, number>();
  const arrays = found.arrays.filter((a, i) => {
    if (cellOfRange(joined, a.start, a.end) === undefined) return false;
    index.set(i, index.size);
    return true;
  });
  if (arrays.length === found.arrays.length) return found;
  const pairs = found.pairs
    .filter((p) => index.has(p.target) && index.has(p.prediction))
    .map((p) => ({ ...p, target: index.get(p.target)!, prediction: index.get(p.prediction)! }));
  return { ...found, arrays, pairs };
}
