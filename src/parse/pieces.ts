// Finished literals: rows gathered into a 2-D piece, and a piece turned into
// the array the scanner reports (values, shape, its own issues).

import type { ArrayIssue, Values } from './types';
import type { Frame, Piece } from './frame';

/** Non-finite values noted by spelling per array; the rest are counted. */
export const MAX_NOTES = 3;

/** The issueDetails of every array without issues (shared, frozen: most arrays have none). */
const NO_DETAILS: ArrayIssue[] = Object.freeze([]) as unknown as ArrayIssue[];

/** An array as the scanner reports it; roles and pairs are added later. */
export interface ScannedArray {
  start: number;
  end: number;
  name: string | undefined;
  values: Values;
  shape: number[];
  issues: string[];
  issueDetails: ArrayIssue[];
  /** The wrapper call around the literal, e.g. `np.array`, `vec!`. */
  wrapper: string | undefined;
  /** A flat literal given rows by the code around it (shapeArgs.ts): the call or key that gave the shape. */
  shapedBy?: string | undefined;
  /** Values as a REPL prints them (printed.ts), not a literal: its range alone does not read back. */
  printed?: 'r' | 'julia' | 'octave' | 'output' | undefined;
  /** The call it is an argument of, through wrappers (`softmax`, `entropy`); set by readShapes. */
  argumentOf?: string | undefined;
}

/** A literal of literals closing at `end`: its children are the rows. */
export function rowsPiece(f: Frame, kids: Piece[], end: number, maxElements: number): Piece {
  const rows: number[][] = [];
  let count = 0;
  let capped = false;
  let deep = f.deep;
  let notes: string[] | null = null;
  let nonFinite = 0;
  for (let r = 0; r < kids.length; r++) {
    const k = kids[r]!;
    if (k.rows || k.deep) deep = true;
    count += k.count;
    if (k.capped) capped = true;
    if (count > maxElements) capped = true;
    else rows.push(k.values as number[]);
    if (k.notes !== null) {
      for (const note of k.notes) {
        notes ??= [];
        if (notes.length < MAX_NOTES) notes.push(`[${r}]${note}`);
      }
    }
    nonFinite += k.nonFinite;
  }
  return {
    start: f.start,
    end,
    values: rows,
    rows: true,
    count,
    capped,
    notes,
    nonFinite,
    deep,
    wrapper: f.wrapper,
    wrapperStart: f.wrapperStart,
  };
}

/** A MATLAB / Julia matrix `[0.1 0.9; 0.5 0.5]` closing at `end`. */
export function matrixPiece(f: Frame, rows: number[][], end: number): Piece {
  return {
    start: f.start,
    end,
    values: rows,
    rows: true,
    count: f.count,
    capped: f.capped,
    notes: f.notes,
    nonFinite: f.nonFinite,
    deep: false,
    wrapper: f.wrapper,
    wrapperStart: f.wrapperStart,
  };
}

/** The array a finished piece reports: values, shape and its issues (ragged, capped, non-finite). */
export function scannedArray(
  piece: Piece,
  name: string | undefined,
  wrapper: string | undefined,
  maxElements: number,
): ScannedArray {
  const details: ArrayIssue[] = [];
  let values: Values;
  let shape: number[];
  if (piece.rows) {
    const rows = piece.values as number[][];
    values = rows;
    const width = rows.length > 0 ? rows[0]!.length : 0;
    shape = [rows.length, width];
    for (let r = 1; r < rows.length; r++) {
      if (rows[r]!.length !== width) {
        details.push({
          kind: 'ragged',
          row: r,
          message: `ragged: row ${r} has ${rows[r]!.length} values, row 0 has ${width}`,
        });
        break;
      }
    }
  } else {
    values = piece.values as number[];
    shape = [values.length];
  }
  if (piece.capped) {
    details.push({
      kind: 'capped',
      count: maxElements,
      total: piece.count,
      message: `capped: only the first ${maxElements} of ${piece.count} values were read (maxElements)`,
    });
  }
  if (piece.nonFinite > 0) {
    const more = piece.nonFinite > MAX_NOTES ? `, and ${piece.nonFinite - MAX_NOTES} more` : '';
    details.push({
      kind: 'non-finite',
      count: piece.nonFinite,
      message: `non-finite: ${piece.nonFinite} value${piece.nonFinite === 1 ? '' : 's'} (${(piece.notes ?? []).join(', ')}${more})`,
    });
  }
  const issues: string[] = [];
  for (const d of details) issues.push(d.message);
  return {
    start: piece.start,
    end: piece.end,
    name,
    values,
    shape,
    issues,
    issueDetails: details.length === 0 ? NO_DETAILS : details,
    wrapper,
  };
}
