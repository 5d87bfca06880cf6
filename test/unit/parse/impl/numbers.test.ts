// The number reader: every spelling people write, read to exactly what Number() gives.
import { describe, expect, it } from 'vitest';
import { readNumber, readValue } from '../../../../src/parse/numbers';

function read(text: string, suffixes = false): number | undefined {
  const end = readNumber(text, 0, text.length, suffixes);
  if (end !== text.length) return undefined;
  return readValue.value;
}

describe('readNumber', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-3', -3],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['-.25', -0.25],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['2.5e+2', 250],
    ['1_000', 1000],
    ['0.1_5', 0.15],
    ['0x1F', 31],
    ['0b101', 5],
    ['0o17', 15],
    ['1e400', Infinity],
  ])('reads %s as %d', (text, value) => {
    expect(read(text)).toBe(value);
  });

  it('gives the same value as Number() for long and exotic decimals', () => {
    const samples = [
      '0.1',
      '0.30000000000000004',
      '123456789012345678',
      '9007199254740993',
      '1.7976931348623157e308',
      '5e-324',
      '0.000001234567890123456789',
      '3.141592653589793',
      '2.2250738585072014e-308',
      '1e22',
      '1e23',
      '123.456e-20',
    ];
    for (const t of samples) expect(read(t)).toBe(Number(t));
  });

  it('matches Number() on many random decimals (the fast path is exact)', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + Math.floor(rnd() * 17);
      const t = (rnd() * 10 ** Math.floor(rnd() * 8)).toFixed(digits % 12);
      expect(read(t)).toBe(Number(t));
    }
  });

  it('refuses things that are not a clean number', () => {
    for (const t of ['abc', '-', '+', '.', '1abc', '1j', '1..2', '0x', '_1']) {
      const end = readNumber(t, 0, t.length, false);
      expect(end === -1 || end !== t.length).toBe(true);
    }
  });

  it('accepts language suffixes only when asked', () => {
    expect(read('0.5f', true)).toBe(0.5);
    expect(read('1.0F', true)).toBe(1);
    expect(read('2L', true)).toBe(2);
    expect(read('0.25f64', true)).toBe(0.25);
    expect(read('5.f', true)).toBe(5);
    expect(read('0.5f', false)).toBeUndefined();
    expect(read('0.5xyz', true)).toBeUndefined();
  });

  it('stops before a MATLAB continuation and a range', () => {
    expect(readNumber('1...', 0, 4, false)).toBe(1);
    expect(readNumber('1..2', 0, 4, false)).toBe(1);
  });
});

describe('readNumber: Julia Float32 literals', () => {
  it('reads 0.5f0 and 1f-3 only in Julia mode', () => {
    const julia = (t: string) => (readNumber(t, 0, t.length, false, true) === t.length ? readValue.value : undefined);
    expect(julia('0.5f0')).toBe(0.5);
    expect(julia('1f-3')).toBe(0.001);
    expect(julia('2.5f1')).toBe(25);
    expect(read('0.5f0')).toBeUndefined();
  });
});

describe('the dense list path reads exactly what JSON.parse reads', () => {
  it('mixed signs, precisions and exponents', async () => {
    const { findArrays } = await import('../../../../src/parse');
    let seed = 99;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const nums: string[] = [];
    for (let k = 0; k < 30000; k++) {
      const v = (rnd() - 0.4) * 10 ** Math.floor(rnd() * 10 - 5);
      const form = k % 5;
      nums.push(
        form === 0
          ? v.toExponential(6)
          : form === 1
            ? v.toExponential(12).toUpperCase()
            : form === 2
              ? String(v)
              : form === 3
                ? v.toFixed(10)
                : v.toPrecision(3),
      );
    }
    const literal = `[${nums.join(', ')}]`;
    const r = findArrays(`x = ${literal}`, 'python');
    expect(r.arrays[0]!.values).toEqual(JSON.parse(literal));
  });
});
