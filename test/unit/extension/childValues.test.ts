// The elements of values that adapters without a wrapper list as children
// (lldb, gdb, Java, C#): their names, their printed numbers, the width their
// type names, and the refusals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrayTypeProbe,
  decodeChildren,
  elementChildren,
  elementIndex,
  elementNumber,
  isFloat32Type,
  typeElements,
  type ChildVariable,
} from '../../../src/extension/live/childValues';

const child = (name: string, value: string, variablesReference = 0): ChildVariable => ({
  name,
  value,
  variablesReference,
});

describe('element children', () => {
  it('names elements as debuggers do, and nothing else', () => {
    expect(['[0]', '[12]', '3', ' [4] '].map(elementIndex)).toEqual([0, 12, 3, 4]);
    for (const other of ['length', '[[Prototype]]', '[raw]', '*heap', '[1', '2]', 'x', '', '[-1]', '[1.5]'])
      expect(elementIndex(other), other).toBeUndefined();
  });

  it('reads every double printed with 17 significant digits, and every float with 9, back exactly', () => {
    fc.assert(
      // JavaScript prints -0 as 0 (a debugger prints -0, read below).
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
        (x) => {
          expect(elementNumber(x.toPrecision(17))).toBe(x);
          expect(elementNumber(String(x))).toBe(x);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.float({ noNaN: true, noDefaultInfinity: true }).map((f) => f + 0),
        (f) => {
          expect(Math.fround(elementNumber(f.toPrecision(9))!)).toBe(Math.fround(f));
        },
      ),
    );
  });

  it("takes C's suffixes and the spellings of infinities, NaN and booleans; refuses chars, pointers and structs", () => {
    expect(['1.5f', '-2e-3', '.5', '7L', '+3'].map(elementNumber)).toEqual([1.5, -0.002, 0.5, 7, 3]);
    expect(elementNumber('-0')).toBe(-0);
    expect(['inf', '-inf', '+Inf', 'Infinity', '-Infinity', 'true', 'false'].map(elementNumber)).toEqual([
      Infinity,
      -Infinity,
      Infinity,
      Infinity,
      -Infinity,
      1,
      0,
    ]);
    expect(elementNumber('nan')).toBeNaN();
    expect(elementNumber('-nan')).toBeNaN();
    for (const bad of [
      "'n'",
      '0x00005555555592a0',
      '{x=1, y=2}',
      'double[3] @ 0x7ffe',
      '',
      '1,5',
      '1.5.2',
      'e5',
      'constructor',
      '__proto__',
    ])
      expect(elementNumber(bad), bad).toBeUndefined();
  });

  it('knows float32 element types and fixed dimensions', () => {
    for (const t of [
      'float[3]',
      'float[2][3]',
      'const float[4]',
      'std::vector<float, std::allocator<float> >',
      'float[]',
      'Single[]',
    ])
      expect(isFloat32Type(t), t).toBe(true);
    for (const t of ['double[3]', 'int[2]', 'double *', 'floating[3]', 'std::vector<double>', undefined])
      expect(isFloat32Type(t), String(t)).toBe(false);
    expect([typeElements('double[3]'), typeElements('float[2][3]'), typeElements('std::vector<double>')]).toEqual([
      3,
      6,
      undefined,
    ]);
  });

  it('sees fixed-size arrays of numbers in a type, as a probe would; not pointers, strings or structs', () => {
    expect(arrayTypeProbe('double[3]')).toEqual({ kind: 'double[3]', shape: [3], elements: 3 });
    expect(arrayTypeProbe('float[2][3]')).toEqual({ kind: 'float[2][3]', shape: [2, 3], elements: 6 });
    expect(arrayTypeProbe('int[2][3][4]')).toEqual({ kind: 'int[2][3][4]', shape: [6, 4], elements: 24 });
    for (const t of ['unsigned long[4]', 'const int[2]', 'uint8_t[16]', 'long double[2]', 'unsigned[3]'])
      expect(arrayTypeProbe(t)?.elements, t).toBeGreaterThan(0);
    for (const t of [
      'double *',
      'char[12]',
      'const char *',
      'point[2]',
      'struct point[2]',
      'double[0]',
      'double',
      undefined,
    ])
      expect(arrayTypeProbe(t), String(t)).toBeUndefined();
  });

  it('puts elements in index order, leaves other children out, and refuses a listing with a gap', () => {
    const listed = elementChildren([child('[1]', '0.5'), child('length', '2'), child('[0]', '0.25')]);
    expect(Array.isArray(listed) && listed.map((c) => c.name)).toEqual(['[0]', '[1]']);
    expect(elementChildren([child('[0]', '1'), child('[2]', '2')])).toEqual({
      error: 'its children list its elements from [0] with [2] at place 1: not all of them',
    });
    // A listing cut short is refused, never read as the whole value: a `more` child, or fewer than the debugger said.
    const first100 = Array.from({ length: 100 }, (_, i) => child(String(i).padStart(4, '0'), '0.5'));
    expect(elementChildren([...first100, child('more', '...', 11), child('len()', '2000')])).toEqual({
      error: 'its children list 100 of its elements and "more" for the rest: not all of them',
    });
    expect(elementChildren(first100, 2000)).toEqual({
      error: 'its children list 100 of its 2000 elements: not all of them',
    });
    expect(Array.isArray(elementChildren(first100, 100))).toBe(true);
    expect(elementChildren([child('*heap', '0')])).toEqual({
      error: 'its children in the debugger are not elements [0], [1], …',
      notElements: true,
    });
  });

  it('decodes a list and rows, and says which element is not a number or which rows differ', () => {
    const row = (values: string[]) => values.map((v, i) => child(`[${i}]`, v));
    const decoded = decodeChildren(row(['0.25', '0.6', '0.15']), undefined, 'double[3]');
    expect(decoded.ok && Array.from(decoded.value.data)).toEqual([0.25, 0.6, 0.15]);
    const rows = decodeChildren(row(['r', 'r']), [row(['1', '2']), row(['3', '4'])], 'int[2][2]');
    expect(rows.ok && [rows.value.shape, Array.from(rows.value.data)]).toEqual([
      [2, 2],
      [1, 2, 3, 4],
    ]);
    expect(decodeChildren(row(['0.5', "'n'"]), undefined, 'char[2]')).toEqual({
      ok: false,
      error: `[1] is "'n'", not a number`,
    });
    expect(decodeChildren(row(['r', 'r']), [row(['1', '2']), row(['3'])], undefined)).toEqual({
      ok: false,
      error: 'it is ragged: its rows have lengths 1, 2',
    });
    expect(decodeChildren(row(['r', 'r']), [row(['1', '2']), row(['3', 'x'])], undefined)).toEqual({
      ok: false,
      error: '[1][1] is "x", not a number',
    });
  });
});
