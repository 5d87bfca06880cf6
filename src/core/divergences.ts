// Entropy, cross-entropy, KL and JS divergence of distributions (1-D) or of
// batches of distributions (2-D, one per row), with test/fixtures/SCHEMA.md's semantics.

import { fusedEntropy, fusedPair } from './fused';
import { crossEntropyRow, entropyRow, jsRow, klRow } from './kernels';
import { sum } from './summation';
import {
  checkBase,
  checkBoolean,
  checkReduction,
  checkSameShape,
  checkValues,
  Problems,
  readOptions,
  toRows,
  type Matrix,
  type NumericInput,
  type Reduction,
  type Rows,
  type Vector,
} from './validate';

export interface DivergenceOptions {
  /** Logarithm base: e (nats, default), 2 (bits), any base > 0 and ≠ 1. */
  base?: number;
  /** Divide each distribution by its sum first (SciPy's `entropy`); default false. */
  normalize?: boolean;
  /** For 2-D input: 'mean' over rows (default), 'sum', or 'none' (one value per row). */
  reduction?: Reduction;
}
export type JsOptions = Omit<DivergenceOptions, 'normalize'>;

const KNOWN = ['base', 'normalize', 'reduction'] as const;
const KNOWN_JS = ['base', 'reduction'] as const;

interface Prepared {
  rows: Rows[];
  lnBase: number;
  reduction: Reduction;
}

/** Validates one or two distributions and the options; normalises (copies) when asked. */
function prepare(
  fn: string,
  names: string[],
  inputs: unknown[],
  options: object | undefined,
  known: readonly string[],
): Prepared {
  const problems = new Problems();
  const o = readOptions(options, known, fn, problems);
  const reduction = checkReduction(o['reduction'], problems);
  const lnBase = checkBase(o['base'], problems);
  const normalize = checkBoolean(o['normalize'], 'normalize', problems);
  const rows = inputs.map((x, k) => toRows(x, names[k]!, problems));
  if (rows.length === 2 && rows[0] && rows[1]) checkSameShape(rows[0], names[0]!, rows[1], names[1]!, problems);
  rows.forEach((r, k) => {
    if (r) checkValues(r, names[k]!, { probability: true, allowAboveOne: normalize, normalized: !normalize }, problems);
  });
  if (normalize && !problems.any) rows.forEach((r, k) => normalizeRows(r!, names[k]!, problems));
  problems.throwIfAny();
  return { rows: rows as Rows[], lnBase, reduction };
}

/** Replaces each row by row / sum(row), in a new array (the input is not modified). */
function normalizeRows(shape: Rows, name: string, problems: Problems): void {
  shape.rows = shape.rows.map((row, r) => {
    const s = sum(row);
    if (!(s > 0) || !Number.isFinite(s)) {
      problems.add('NOT_NORMALIZED', `${shape.twoD ? `${name} row ${r}` : name} sums to ${s}: it cannot be normalised`);
      return row;
    }
    const out = new Float64Array(row.length);
    for (let i = 0; i < row.length; i++) out[i] = row[i]! / s;
    return out;
  });
}

/** Applies the base and the reduction to per-row values. */
function reduce(values: number[], shape: Rows, p: Prepared): number | number[] {
  const scaled = p.lnBase === 1 ? values : values.map((v) => v / p.lnBase);
  if (!shape.twoD) return scaled[0]!;
  if (p.reduction === 'none') return scaled;
  const total = sum(scaled);
  return p.reduction === 'sum' ? total : total / scaled.length;
}

/**
 * entropy(p, {base, normalize, reduction}) -> number | number[]
 *
 * Shannon entropy H(p) = -Σ p_i log p_i, with 0 log 0 = 0.
 *
 * Args:
 *   p: a distribution (C) or a batch of distributions (N × C, one per row).
 *   base: log base (default e: nats; 2: bits). normalize: divide by the sum first.
 *   reduction: for 2-D input 'mean' (default) | 'sum' | 'none' (N values).
 * Throws CoreError (NEGATIVE, OUT_OF_RANGE, NOT_NORMALIZED, …) on invalid input.
 */
export function entropy(p: Vector, options?: DivergenceOptions): number;
export function entropy(p: NumericInput, options?: DivergenceOptions): number | number[];
export function entropy(p: NumericInput, options?: DivergenceOptions): number | number[] {
  const fast = fusedEntropy(p, options);
  if (fast !== undefined) return fast;
  const prep = prepare('entropy', ['p'], [p], options, KNOWN);
  const shape = prep.rows[0]!;
  return reduce(shape.rows.map(entropyRow), shape, prep);
}

/**
 * crossEntropy(p, q, {base, normalize, reduction}) -> number | number[]
 *
 * H(p, q) = -Σ p_i log q_i; +Infinity where p_i > 0 and q_i = 0.
 *
 * Args:
 *   p: target distribution(s), q: predicted distribution(s), same shape (C or N × C).
 *   base, normalize, reduction: as for entropy.
 */
export function crossEntropy(p: Vector, q: Vector, options?: DivergenceOptions): number;
export function crossEntropy(p: NumericInput, q: NumericInput, options?: DivergenceOptions): number | number[];
export function crossEntropy(p: NumericInput, q: NumericInput, options?: DivergenceOptions): number | number[] {
  const fast = fusedPair(p, q, options, false);
  if (fast !== undefined) return fast;
  const prep = prepare('crossEntropy', ['p', 'q'], [p, q], options, KNOWN);
  const [sp, sq] = prep.rows as [Rows, Rows];
  return reduce(
    sp.rows.map((row, r) => crossEntropyRow(row, sq.rows[r]!)),
    sp,
    prep,
  );
}

/**
 * klDivergence(p, q, {base, normalize, reduction}) -> number | number[]
 *
 * KL(p ‖ q) = Σ p_i log(p_i / q_i) (SciPy's rel_entr summed), accurate when
 * p ≈ q; +Infinity where p_i > 0 and q_i = 0. 'mean' on 2-D is PyTorch's batchmean.
 *
 * Args:
 *   p, q: distributions of the same shape (C or N × C).
 *   base, normalize, reduction: as for entropy.
 */
export function klDivergence(p: Vector, q: Vector, options?: DivergenceOptions): number;
export function klDivergence(p: NumericInput, q: NumericInput, options?: DivergenceOptions): number | number[];
export function klDivergence(p: NumericInput, q: NumericInput, options?: DivergenceOptions): number | number[] {
  const fast = fusedPair(p, q, options, true);
  if (fast !== undefined) return fast;
  const prep = prepare('klDivergence', ['p', 'q'], [p, q], options, KNOWN);
  const [sp, sq] = prep.rows as [Rows, Rows];
  return reduce(
    sp.rows.map((row, r) => klRow(row, sq.rows[r]!)),
    sp,
    prep,
  );
}

/**
 * jsDivergence(p, q, {base, reduction}) -> number | number[]
 *
 * Jensen–Shannon divergence ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q)/2.
 * Symmetric, finite, at most log 2.
 *
 * Args:
 *   p, q: distributions of the same shape (C or N × C).
 *   base, reduction: as for entropy (no `normalize`).
 */
export function jsDivergence(p: Vector, q: Vector, options?: JsOptions): number;
export function jsDivergence(p: NumericInput, q: NumericInput, options?: JsOptions): number | number[];
export function jsDivergence(p: NumericInput, q: NumericInput, options?: JsOptions): number | number[] {
  const prep = prepare('jsDivergence', ['p', 'q'], [p, q], options, KNOWN_JS);
  const [sp, sq] = prep.rows as [Rows, Rows];
  return reduce(
    sp.rows.map((row, r) => jsRow(row, sq.rows[r]!)),
    sp,
    prep,
  );
}

export type { Matrix };
