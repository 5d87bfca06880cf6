// Values that an adapter without a wrapper gives as a summary and children:
// lldb's `double[3] @ 0x7ffe…` with children `[0]: 0.25, [1]: 0.59999999999999998…`,
// Java's `double[3]@1a2b`, C#'s `{double[3]}`, CodeLLDB's `size=3`. The
// elements are the value's indexed children in the debugger's variables
// tree, each printed as a number (lldb and gdb print doubles with 17
// significant digits, floats with 9: exact both ways). Pure: the requests are
// evaluator.ts's.
import { MAX_ELEMENTS } from '../../core';
import type { Decoded, Probe } from './transfer';

/** A child in the debugger's variables tree (the DAP fields read here). */
export interface ChildVariable {
  name: string;
  value: string;
  variablesReference: number;
}

/** The index of an element child, `[3]` (lldb, gdb, Java, C#) or `3` (JavaScript, Python); undefined for others (`length`, `[raw]`, `*p`). */
export function elementIndex(name: string): number | undefined {
  const m = /^\[?(\d{1,9})\]?$/.exec(name.trim());
  if (!m || name.trim().startsWith('[') !== name.trim().endsWith(']')) return undefined;
  return Number(m[1]);
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFlL]?$/;
// A Map, not an object: a child printed `constructor` must not read as Object's.
const SPECIAL = new Map<string, number>([
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
  ['nan', NaN],
  ['-nan', NaN],
  ['+nan', NaN],
  ['nan(0x8000000000000)', NaN],
  ['true', 1],
  ['false', 0],
]);

/** A printed element as a number: decimals and exponents (C's `1.5f` too), inf and nan as debuggers spell them, true/false; undefined for anything else (a char `'n'`, a pointer, a struct). */
export function elementNumber(text: string): number | undefined {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t.replace(/[fFlL]$/, ''));
  return SPECIAL.get(t.toLowerCase());
}

/** Whether the value's type names 4-byte float elements (`float[3]`, `float[2][3]`, `std::vector<float>`, Java's `float[]`, C#'s `Single[]`). */
export function isFloat32Type(type: string | undefined): boolean {
  return (
    type !== undefined &&
    /^(?:const\s+)?(?:float|Single|System\.Single|f32)\b|<\s*float\s*(?:,|>)|\bfloat\s*\[|\[f32\b/.test(type.trim())
  );
}

/** A type's fixed dimensions (`double[3]` [3], `float[2][3]` [2, 3]); none when the type does not say. */
export function typeDimensions(type: string | undefined): number[] {
  return [...(type ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** The elements a type's fixed dimensions hold (`double[3]` 3, `float[2][3]` 6), or undefined when the type does not say. */
export function typeElements(type: string | undefined): number | undefined {
  const dims = typeDimensions(type);
  return dims.length === 0 ? undefined : dims.reduce((a, b) => a * b, 1);
}

/**
 * What a variable's type says of it when it is a fixed-size array of numbers
 * (`double[3]`, `float[2][3]`; more dimensions are rows of the last), as a
 * probe would: for the partner pick of adapters without a wrapper. Not
 * pointers, char arrays (strings) or arrays of structs.
 */
export function arrayTypeProbe(type: string | undefined): Probe | undefined {
  const m =
    /^\s*(?:const\s+)?((?:(?:unsigned|signed|long|short)\s+)*(?:double|float|int|long|short|bool|_Bool|u?int(?:8|16|32|64)_t|size_t)|(?:unsigned|signed|long|short)(?:\s+(?:long|short))*)\s*((?:\[\d+\])+)\s*$/.exec(
      type ?? '',
    );
  if (!m) return undefined;
  const dims = typeDimensions(m[2]);
  const elements = dims.reduce((a, b) => a * b, 1);
  if (elements === 0) return undefined;
  const last = dims[dims.length - 1]!;
  return { kind: type!.trim(), shape: dims.length === 1 ? dims : [elements / last, last], elements };
}

/** A child that stands for elements not listed (debugpy's `more` after its first 100 items, `...`). */
const MORE = /^\s*(more|\.\.\.|…)\s*$/i;

/**
 * The element children of a value, in index order, or why they are not a
 * list of elements. `count`, where the debugger says how many elements there
 * are (`indexedVariables`, a type's dimensions), must match: a listing cut
 * short is refused, never read as the whole value.
 */
export function elementChildren(
  children: readonly ChildVariable[],
  count?: number,
): ChildVariable[] | { error: string; notElements?: true } {
  const elements = children.filter((c) => elementIndex(c.name) !== undefined);
  if (elements.length === 0)
    return { error: 'its children in the debugger are not elements [0], [1], …', notElements: true };
  const more = children.find((c) => elementIndex(c.name) === undefined && (MORE.test(c.name) || MORE.test(c.value)));
  if (more)
    return {
      error: `its children list ${elements.length} of its elements and ${JSON.stringify(more.name)} for the rest: not all of them`,
    };
  if (count !== undefined && elements.length !== count)
    return { error: `its children list ${elements.length} of its ${count} elements: not all of them` };
  elements.sort((a, b) => elementIndex(a.name)! - elementIndex(b.name)!);
  for (let i = 0; i < elements.length; i++)
    if (elementIndex(elements[i]!.name) !== i)
      return {
        error: `its children list its elements from ${elements[0]!.name} with ${elements[i]!.name} at place ${i}: not all of them`,
      };
  return elements;
}

/**
 * The values of a 1-D value (each element a number) or of rows (each element
 * a list of numbers, `rows` their element children in order), as the payload
 * decoder gives them.
 */
export function decodeChildren(
  elements: readonly ChildVariable[],
  rows: readonly (readonly ChildVariable[])[] | undefined,
  type: string | undefined,
): Decoded {
  const f4 = isFloat32Type(type);
  const lengths = new Set(rows?.map((r) => r.length));
  if (lengths.size > 1)
    return { ok: false, error: `it is ragged: its rows have lengths ${[...lengths].sort((a, b) => a - b).join(', ')}` };
  // Each value's child, and where it is for the error (`[1] `, `[0][2] `), row-major.
  const cells = rows
    ? rows.flatMap((r, i) => r.map((c) => [c, `${elements[i]!.name}${c.name} `] as const))
    : elements.map((c) => [c, `${c.name} `] as const);
  const shape = rows ? [rows.length, rows[0]?.length ?? 0] : [elements.length];
  if (cells.length > MAX_ELEMENTS)
    return { ok: false, error: `it holds ${cells.length} values, more than a read can take` };
  const data = new Float64Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const [c, where] = cells[k]!;
    const x = elementNumber(c.value);
    if (x === undefined) return { ok: false, error: `${where}is ${JSON.stringify(c.value)}, not a number` };
    data[k] = f4 ? Math.fround(x) : x;
  }
  return { ok: true, value: { dtype: f4 ? 'f4' : 'f8', shape, data } };
}
