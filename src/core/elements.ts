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

/** Whether `values` holds rows (2-D), judged by its first element. */
export function isMatrix<T>(values: readonly T[] | readonly T[][]): values is readonly T[][];
export function isMatrix(values: ArrayLike<unknown>): boolean;
export function isMatrix(values: ArrayLike<unknown>): boolean {
  return values.length > 0 && Array.isArray(elementAt(values, 0));
}

/** The rows of a 1-D or 2-D value list (1-D is one row); the rows themselves, not copies. */
export function rowsOf(values: readonly number[] | readonly number[][]): number[][] {
  return (isMatrix(values) ? values : [values]) as number[][];
}
