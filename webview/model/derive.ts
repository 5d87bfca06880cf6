// Everything the views draw, derived from the state: softmax with temperature,
// the smoothed target, the loss split H(p, q) = H(p) + KL(p‖q), per-class
// contributions and the gradient q − y. Pure, so it is unit-tested.
import type { ViewState } from './state';
import { pairRows, type PairRows } from './rows';
import { analyzeRow, rowCrossEntropies, softmaxOf } from './coreBridge';

export interface RowLoss {
  row: number;
  loss: number;
}

export interface Derived {
  rows: PairRows;
  classes: number;
  rawTarget: number[];
  /** The target after label smoothing: (1 − ε)·y + ε/K. */
  target: number[];
  logits: number[];
  probabilities: number[];
  entropy: number;
  crossEntropy: number;
  kl: number;
  /** −y_i log q_i; sums to the cross-entropy. */
  contributions: number[];
  /** ∂H(p, q)/∂(z/T) = q − y; sums to zero. */
  gradient: number[];
  gradientSum: number;
  /** exp(−H(p, q)): for a one-hot target exactly the probability of the true class. */
  trueClassProbability: number;
  /** Largest change in q caused by the accumulated "shift all logits" (0 up to rounding). */
  shiftEffect: number;
  /** Per-row losses of the received batch, worst first (one entry for a single pair). */
  rowLosses: RowLoss[];
  warnings: string[];
}

export function smooth(target: number[], epsilon: number): number[] {
  const k = target.length;
  return target.map((y) => (1 - epsilon) * y + epsilon / k);
}

const rowLossCache = new WeakMap<PairRows, RowLoss[]>();

/** Cross-entropy of every received row, worst first (cached per pair). */
export function rowLosses(rows: PairRows): RowLoss[] {
  const cached = rowLossCache.get(rows);
  if (cached) return cached;
  const qs = rows.predictionKind === 'logits' ? rows.predictions.map(softmaxOf) : rows.predictions;
  const losses = rowCrossEntropies(rows.targets, qs);
  const out = losses.map((loss, row) => ({ row, loss }));
  out.sort((a, b) =>
    b.loss === a.loss ? a.row - b.row : Number.isNaN(a.loss) ? -1 : Number.isNaN(b.loss) ? 1 : b.loss - a.loss,
  );
  rowLossCache.set(rows, out);
  return out;
}

/** The batch's row losses; a batch the core refuses still shows its current row, with the reason. */
function batchLosses(rows: PairRows, warnings: string[]): RowLoss[] {
  try {
    return rowLosses(rows);
  } catch (e) {
    warnings.push(`Per-row losses unavailable: ${(e as Error).message}`);
    return [];
  }
}

const rowsCache = new Map<string, PairRows>();
function rowsFor(state: ViewState): PairRows {
  let rows = rowsCache.get(state.pairKey);
  if (!rows) {
    rows = pairRows(state.pair);
    rowsCache.clear(); // one pair at a time
    rowsCache.set(state.pairKey, rows);
  }
  return rows;
}

export function derive(state: ViewState): Derived {
  const rows = rowsFor(state);
  const rawTarget = rows.targets[state.row] ?? rows.targets[0]!;
  const target = smooth(rawTarget, state.labelSmoothing);
  const scaled = state.logits.map((z) => z / state.temperature);
  const probabilities = softmaxOf(scaled);
  const unshifted = softmaxOf(state.logits.map((z) => (z - state.shift) / state.temperature));
  const shiftEffect = probabilities.reduce((m, q, i) => Math.max(m, Math.abs(q - unshifted[i]!)), 0);
  const a = analyzeRow(target, probabilities);
  const warnings: string[] = [];
  const contributions = target.map((y, i) => (y === 0 ? 0 : -y * Math.log(probabilities[i]!)));
  const gradient = probabilities.map((q, i) => q - target[i]!);
  return {
    rows,
    classes: rows.classes,
    rawTarget,
    target,
    logits: state.logits,
    probabilities,
    entropy: a.entropy,
    crossEntropy: a.crossEntropy,
    kl: a.kl,
    contributions,
    gradient,
    gradientSum: gradient.reduce((s, g) => s + g, 0),
    trueClassProbability: Math.exp(-a.crossEntropy),
    shiftEffect,
    rowLosses: rows.predictions.length > 1 ? batchLosses(rows, warnings) : [{ row: 0, loss: a.crossEntropy }],
    warnings,
  };
}
