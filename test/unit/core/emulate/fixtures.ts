// The framework cases (test/fixtures/framework-cases*.json, SCHEMA.md) and how a result is compared with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { significandBits, type Dtype, type EmulateOptions, type FrameworkId } from '../../../../src/core';

export interface FrameworkCase {
  id: string;
  framework: FrameworkId;
  loss: string;
  args: { prediction: unknown; target: unknown };
  options: EmulateOptions & { dtype: Dtype };
  expect: { value: number | number[] };
  source: string;
}

export interface FixtureFile {
  generator: string;
  counts: Record<string, number>;
  cases: FrameworkCase[];
}

export function loadFixture(name: string): FixtureFile {
  const raw = JSON.parse(readFileSync(join(__dirname, '../../../fixtures', name), 'utf8')) as FixtureFile;
  return decode(raw) as FixtureFile;
}

/** "Infinity", "-Infinity" and "NaN" back to numbers, at any depth. */
function decode(x: unknown): unknown {
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (x === 'NaN') return NaN;
  if (Array.isArray(x)) return x.map(decode);
  if (x !== null && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'generator' ? v : decode(v)]));
  return x;
}

/**
 * A result within its dtype's precision: |got − want| ≤ 2^(4 − bits)·max(|want|, 1),
 * 16 units in the last place of the dtype at the value (or at 1, for values below 1,
 * whose inputs already carry that much absolute error). Same infinities and NaN pass.
 */
export function withinDtype(got: number, want: number, dtype: Dtype): boolean {
  if (Number.isNaN(want) || Number.isNaN(got)) return Number.isNaN(want) && Number.isNaN(got);
  if (!Number.isFinite(want) || !Number.isFinite(got)) return got === want;
  return Math.abs(got - want) <= dtypeTolerance(dtype) * Math.max(Math.abs(want), 1);
}

export function dtypeTolerance(dtype: Dtype): number {
  return 2 ** (4 - significandBits(dtype));
}

/** The error in units of the tolerance's scale: |got − want| / max(|want|, 1) (0 for equal non-finite values). */
export function scaledError(got: number, want: number): number {
  if (!Number.isFinite(want) || !Number.isFinite(got)) return Object.is(got, want) || got === want ? 0 : Infinity;
  return Math.abs(got - want) / Math.max(Math.abs(want), 1);
}
