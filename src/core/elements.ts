// Reading elements of a value list that may be 1-D (numbers) or 2-D (rows)
// without changing how V8 stores it.
//
// In optimised code a keyed load such as `values[0]` that has seen both a
// number[] and a number[][] makes V8 move every number[] it reads there later
// to generic elements: each double boxed, 16 B more per value and garbage on
// every read after (the user's arrays, held for the life of a document model).
// `.at(i)` is a builtin call that reads each kind as it is, with no such
// transition (checked in test/unit/features/elementKinds.test.ts).

type AtLike = { at(i: number): unknown };

/** values[i], read so that the list keeps its element kind (see above). */
export function elementAt(values: ArrayLike<unknown>, i: number): unknown {
  const v = values as ArrayLike<unknown> & Partial<AtLike>;
  return typeof v.at === 'function' ? v.at(i) : v[i];
}

/** A row of values: a plain array, or a Float64Array (a program's values, not copied). */
export type ValueRow = readonly number[] | Float64Array;

/** Whether `values` holds rows (2-D), judged by its first element (a row is an array or a typed array). */
export function isMatrix<T>(values: readonly T[] | readonly T[][]): values is readonly T[][];
export function isMatrix(values: ArrayLike<unknown>): boolean;
export function isMatrix(values: ArrayLike<unknown>): boolean {
  if (values.length === 0) return false;
  const first = elementAt(values, 0);
  return Array.isArray(first) || ArrayBuffer.isView(first);
}

/** The values as plain arrays: themselves when they are, else a copy (what JSON, the webview and the emulators take). */
export function plainValues(values: readonly number[] | readonly number[][]): number[] | number[][];
export function plainValues(values: ValueRow | readonly ValueRow[]): number[] | number[][];
export function plainValues(values: ValueRow | readonly ValueRow[]): number[] | number[][] {
  if (!isMatrix(values)) return plainRow(values as ValueRow);
  const rows = values as readonly ValueRow[];
  return rows.every((r) => Array.isArray(r)) ? (rows as number[][]) : rows.map(plainRow);
}

/**
 * A row as a plain array: itself, or a copy by an indexed loop (twice as fast
 * as Array.from's iterator) into an array filled first, so that V8 keeps it
 * packed (a holey array of 10^7 doubles is read several times slower).
 */
function plainRow(row: ValueRow): number[] {
  if (Array.isArray(row)) return row as number[];
  const out = new Array<number>(row.length).fill(0);
  for (let i = 0; i < row.length; i++) out[i] = row[i]!;
  return out;
}

/** The rows of a 1-D or 2-D value list (1-D is one row); the rows themselves, not copies. */
export function rowsOf(values: readonly number[] | readonly number[][]): number[][];
export function rowsOf(values: ValueRow | readonly ValueRow[]): readonly ValueRow[];
export function rowsOf(values: ValueRow | readonly ValueRow[]): readonly ValueRow[] {
  return (isMatrix(values) ? values : [values]) as readonly ValueRow[];
}
