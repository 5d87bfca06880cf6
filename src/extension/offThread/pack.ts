// Moves a FindResult between threads cheaply: structured clone copies a JS
// array element by element, which for a million numbers costs the receiving
// thread hundreds of milliseconds. So every array's values travel in one
// Float64Array (transferred, not copied) and are unpacked into plain arrays on
// arrival, one block copy per array or row.
import type { FindResult, FoundArray } from '../../parse/types';
import { isMatrix } from '../../core/elements';
import { nextTurn } from '../nextTurn';

/** A FoundArray whose values are a [start, rows, columns] slice of the shared buffer (rows = -1: 1-D). */
type PackedArray = Omit<FoundArray, 'values'> & { slice: [number, number, number] };

export interface PackedResult {
  arrays: PackedArray[];
  pairs: FindResult['pairs'];
  issues: FindResult['issues'];
  values: Float64Array<ArrayBuffer>;
}

export function packResult(found: FindResult): PackedResult {
  let total = 0;
  for (const a of found.arrays) {
    if (isMatrix(a.values)) for (const row of a.values as number[][]) total += row.length;
    else total += a.values.length;
  }
  const values = new Float64Array(total);
  let at = 0;
  // A plain copy loop: TypedArray.prototype.set from a JS array is several times slower per value.
  const copy = (from: readonly number[]): void => {
    for (let i = 0, n = from.length; i < n; i++) values[at + i] = from[i]!;
    at += from.length;
  };
  const arrays = found.arrays.map(({ values: v, ...rest }): PackedArray => {
    const start = at;
    if (isMatrix(v)) {
      const rows = v as number[][];
      // Rows may be ragged: each row's length goes first, then its values.
      const lengths: number[] = [];
      for (const row of rows) {
        copy(row);
        lengths.push(row.length);
      }
      return { ...rest, slice: [start, rows.length, -2], rowLengths: lengths } as PackedArray & {
        rowLengths: number[];
      };
    }
    copy(v as number[]);
    return { ...rest, slice: [start, -1, v.length] };
  });
  return { arrays, pairs: found.pairs, issues: found.issues, values };
}

/** Unpacks on this thread in slices of about `sliceMs`, yielding in between, so a big result never holds the thread long. */
export async function unpackResult(packed: PackedResult, sliceMs = 8): Promise<FindResult> {
  const { values } = packed;
  // A plain loop into an array of the final length: Array.from(typedArray) goes
  // through the iterator protocol, and push() regrows (and leaves garbage) as it goes.
  const toArray = (from: number, length: number): number[] => {
    const out = new Array<number>(length);
    for (let k = 0; k < length; k++) out[k] = values[from + k]!;
    return out;
  };
  const arrays: FoundArray[] = [];
  let slice = performance.now();
  for (const p of packed.arrays) {
    const {
      slice: [start, rows, length],
      ...rest
    } = p;
    if (rows === -1) arrays.push({ ...rest, values: toArray(start, length) });
    else {
      const { rowLengths, ...plain } = rest as typeof rest & { rowLengths: number[] };
      let at = start;
      arrays.push({
        ...plain,
        values: rowLengths.map((n) => {
          const row = toArray(at, n);
          at += n;
          return row;
        }),
      });
    }
    if (performance.now() - slice > sliceMs) {
      await nextTurn();
      slice = performance.now();
    }
  }
  return { arrays, pairs: packed.pairs, issues: packed.issues };
}
