// The words the user reads first: the one-line result of a compute command
// (information message and output channel), the Markdown line "Copy" puts on
// the clipboard, and the error headline.
import type { Analysis, Measure } from '../../core';
import { fmt } from '../features/format';
import type { ArrayRef, ComputeKind, FailureCode, Unit } from './types';

/** Perplexity reads best with three significant digits (1.43, 12.3, 1.00e+3 stays short). */
export function fmtPerplexity(x: number): string {
  if (!Number.isFinite(x)) return fmt(x);
  if (x >= 1e5) return fmt(x);
  return String(Number(x.toPrecision(3)));
}

const figure = (m: Measure, unit: Unit) => fmt(m[unit]);

/** Names in a message: y_true → y_pred (unnamed arrays: p → q). */
export function pairNames(target: ArrayRef, prediction: ArrayRef): string {
  return `${target.name ?? 'p'} → ${prediction.name ?? 'q'}`;
}

/**
 * "H(p,q) = 0.357 nats · H(p) = 0 · KL(p‖q) = 0.357 · perplexity 1.43 (y_true → y_pred)";
 * the KL command leads with KL. Batches, normalised copies and warnings say so.
 */
export function pairMessage(
  kind: 'crossEntropy' | 'klDivergence',
  a: Analysis,
  unit: Unit,
  target: ArrayRef,
  prediction: ArrayRef,
  normalised: boolean,
  binary = false,
): string {
  const ce = `H(p,q) = ${figure(a.crossEntropy, unit)}`;
  const kl = `KL(p‖q) = ${figure(a.klPQ, unit)}`;
  const h = `H(p) = ${figure(a.entropy, unit)}`;
  const parts =
    kind === 'klDivergence' ? [`${kl} ${unit}`, `KL(q‖p) = ${figure(a.klQP, unit)}`, ce, h] : [`${ce} ${unit}`, h, kl];
  parts.push(`perplexity ${fmtPerplexity(a.perplexity)}`);
  const notes: string[] = [];
  if (binary)
    notes.push(
      `binary cross-entropy per element${a.predictionKind === 'logits' ? `, q = sigmoid of ${prediction.name ?? 'the logits'}` : ''}, mean over ${a.rows} element${a.rows === 1 ? '' : 's'}`,
    );
  else {
    if (a.predictionKind === 'logits') notes.push(`q = softmax of ${prediction.name ?? 'the logits'}`);
    if (a.predictionKind === 'log-probabilities')
      notes.push(`q = exp of ${prediction.name ?? 'the log-probabilities'}`);
    if (a.batched) notes.push(`means over ${a.rows} rows`);
  }
  if (normalised) notes.push('on normalised copies');
  if (a.warnings.length)
    notes.push(`${a.warnings.length} warning${a.warnings.length > 1 ? 's' : ''}: ${a.warnings[0]}`);
  return `${parts.join(' · ')} (${pairNames(target, prediction)})${notes.length ? ` — ${notes.join('; ')}` : ''}`;
}

/** One Markdown line with every pair figure, for the clipboard. */
export function pairMarkdown(
  a: Analysis,
  unit: Unit,
  target: ArrayRef,
  prediction: ArrayRef,
  normalised: boolean,
): string {
  const name = (r: ArrayRef, s: string) => `\`${(r.name ?? s).replace(/`/g, '')}\``;
  const figures = [
    `H(p,q) = ${figure(a.crossEntropy, unit)} ${unit}`,
    `H(p) = ${figure(a.entropy, unit)}`,
    `KL(p‖q) = ${figure(a.klPQ, unit)}`,
    `KL(q‖p) = ${figure(a.klQP, unit)}`,
    `JS = ${figure(a.js, unit)}`,
    `perplexity ${fmtPerplexity(a.perplexity)}`,
  ];
  const notes = [a.batched ? `mean over ${a.rows} rows` : '', normalised ? 'normalised copies' : ''].filter(Boolean);
  return `**${name(target, 'p')} → ${name(prediction, 'q')}**: ${figures.join(', ')}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

export interface EntropyLine {
  ref: ArrayRef;
  kind: string;
  nats: number;
  perplexity: number;
  /** Rows of p, the distributions the entropy is the mean over (undefined for class indices). */
  rows?: number | undefined;
}

const READ_AS: Record<string, string> = {
  logits: 'softmax of logits',
  'log-probabilities': 'exp of log-probabilities',
  counts: 'normalised counts',
  'class-indices': 'label frequencies',
};

function entropyFigure(e: EntropyLine, unit: Unit): string {
  return fmt(unit === 'bits' ? e.nats / Math.LN2 : e.nats);
}

/** Arrays named in one entropy message; the breakdown lists them all. */
const MESSAGE_ARRAYS = 4;

/** "H(y_pred) = 0.802 nats · perplexity 2.23 (softmax of logits)"; several arrays one after another. */
export function entropyMessage(lines: readonly EntropyLine[], unit: Unit): string {
  const shown = lines.slice(0, MESSAGE_ARRAYS).map((e, i) => {
    const how = [READ_AS[e.kind], (e.rows ?? 0) > 1 ? `mean over ${e.rows} rows` : ''].filter(Boolean).join(', ');
    return `H(${e.ref.name ?? (lines.length > 1 ? `array ${i + 1}` : 'p')}) = ${entropyFigure(e, unit)} ${unit} · perplexity ${fmtPerplexity(e.perplexity)}${how ? ` (${how})` : ''}`;
  });
  if (lines.length > MESSAGE_ARRAYS) shown.push(`and ${lines.length - MESSAGE_ARRAYS} more (see the breakdown)`);
  return shown.join(' | ');
}

export function entropyMarkdown(lines: readonly EntropyLine[], unit: Unit): string {
  return lines
    .map(
      (e) =>
        `**H(\`${(e.ref.name ?? 'p').replace(/`/g, '')}\`)** = ${entropyFigure(e, unit)} ${unit} (perplexity ${fmtPerplexity(e.perplexity)})`,
    )
    .join(', ');
}

const WHAT: Record<ComputeKind, string> = {
  crossEntropy: 'the cross-entropy',
  klDivergence: 'the KL divergence',
  entropy: 'the entropy',
};

const HEADLINES: Partial<Record<FailureCode, string>> = {
  LENGTH_MISMATCH: 'lengths differ',
  NEGATIVE: 'a probability is negative',
  NON_FINITE: 'a value is not a finite number',
  OUT_OF_RANGE: 'a value is out of range',
  NOT_NORMALIZED: 'probabilities do not sum to 1',
  EMPTY: 'an array is empty',
};

/**
 * "Entropy Lens: lengths differ: y_true has 4 values, y_pred has 3 (…) — cannot compute the cross-entropy of y_true → y_pred".
 * The problem comes first: a collapsed notification shows only the start.
 */
export function failureMessage(kind: ComputeKind, code: FailureCode, error: string, names?: string): string {
  const headline = HEADLINES[code];
  const of = names ? ` of ${names}` : '';
  return `Entropy Lens: ${headline ? `${headline}: ` : ''}${error} — cannot compute ${WHAT[kind]}${of}`;
}
