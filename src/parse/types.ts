// The array finder's contract: what findArrays(text, languageId) returns.
// The editor features, the commands and dist/finder.js all consume these shapes.
import type { ArrayKind } from '../core/classify';
import type { LossSignature } from './callSignatures';

export type { LossSignature, PredictionHolds } from './callSignatures';
export { LOSS_SIGNATURES, lossSignature } from './callSignatures';

/** 1-D values, or 2-D as rows (a batch). */
export type Values = number[] | number[][];

/**
 * Values read from a running program: one Float64Array, or rows that are
 * views of one. 10^7 values are not copied into plain arrays to be read.
 */
export type TypedValues = Float64Array | Float64Array[];

/** What the role, pairing and outcome code reads: the finder's values or a program's. */
export type AnyValues = Values | TypedValues;

/**
 * What an array most likely is. The kinds of the core's classify(), plus
 * 'target': a probability distribution that its name or call site marks as the
 * target (soft labels), e.g. `y_true = [0.7, 0.2, 0.1]`.
 */
export type Role = ArrayKind | 'target';

export interface FoundArray<V extends AnyValues = Values> {
  /** UTF-16 offset of the literal's first character (the opening bracket; a wrapper call is not included). */
  start: number;
  /** UTF-16 offset one past the literal's last character (the closing bracket). */
  end: number;
  /** The name it is bound to: `y_true = …`, `const q = …`, a JSON key, a keyword argument. */
  name?: string | undefined;
  /** The numbers; non-finite spellings become ±Infinity / NaN and are listed in `issues`. */
  values: V;
  /** [n] for 1-D, [rows, columns] for 2-D (columns of the first row when ragged). */
  shape: number[];
  role: Role;
  /**
   * Set when a flat literal is reported with a shape the code around it gives
   * (`tf.tensor2d(values, [3, 2])`, `.reshape(2, 3)`, R's `matrix(c(…), nrow = 2)`):
   * the call or key that gave it. Its values are the literal's read by rows of
   * that shape (column by column where the call fills columns first).
   */
  shapedBy?: string | undefined;
  /**
   * Values as a REPL prints them, which no language reads as a literal: R's
   * `[1] 0.1 0.2 0.7`, Julia's `3-element Vector{Float64}:` column, Octave's
   * `p =` block; `output` for a literal in a notebook's or a doctest's printed
   * output. The range covers the values only.
   */
  printed?: 'r' | 'julia' | 'octave' | 'output' | undefined;
  /** One sentence saying why the role was chosen. */
  roleReason?: string | undefined;
  /** Problems found while reading it: ragged rows, capped, non-finite values, … (sentences; see `issueDetails`). */
  issues: string[];
  /** The same problems as data, in the same order as `issues` (always set by findArrays; optional for hand-made arrays). */
  issueDetails?: ArrayIssue[] | undefined;
}

export type ArrayIssueKind = 'ragged' | 'capped' | 'non-finite';

/** A problem of one array, with its figures as numbers. */
export interface ArrayIssue {
  kind: ArrayIssueKind;
  /** The sentence also listed in the array's `issues`. */
  message: string;
  /** ragged: the first row whose length differs from row 0's. */
  row?: number;
  /** capped: values kept (maxElements); non-finite: how many values are non-finite. */
  count?: number;
  /** capped: values in the literal. */
  total?: number;
}

/** Which rule made a pair. */
export type PairRule = 'call' | 'names' | 'neighbours' | 'tuple';

export interface FoundPair {
  /** Index into `arrays`. */
  target: number;
  /** Index into `arrays`. */
  prediction: number;
  /** Why these two were paired, e.g. "arguments of sklearn.metrics.log_loss(y_true, y_pred)". */
  reason: string;
  /** The rule that paired them: a loss call, their names, neighbours in the text, one tuple (always set by findArrays). */
  rule?: PairRule | undefined;
  /** The loss called on them, as written (`F.cross_entropy`, `nn.CrossEntropyLoss()`), when a call paired them. */
  callee?: string | undefined;
  /** That loss's entry in LOSS_SIGNATURES. */
  signature?: LossSignature | undefined;
  /** A binary problem: per-element P(class 1) against 0/1 labels (a binary loss, or 0/1 labels beside values in [0, 1]). */
  binary?: boolean | undefined;
}

export type FinderIssueKind =
  /** maxArrays reached: the rest of the text was not searched (`limit`). */
  | 'max-arrays'
  /** brackets deeper than maxDepth (`limit`): the inside was skipped. */
  | 'max-depth'
  /** a literal nested 3 or more levels deep: not read. */
  | 'too-deep'
  /** a literal with no closing bracket before the end of the text. */
  | 'unclosed'
  /** more issues than are listed (`count` of them not listed). */
  | 'more-issues'
  /** the text was not a string. */
  | 'not-a-string'
  /** the finder itself failed (a bug): what was found before is kept. */
  | 'internal-failure';

/** A document-level note, e.g. that a cap was hit. Never an exception. */
export interface FinderIssue {
  /** Offset in the text the note is about (0 for the whole document). */
  offset: number;
  kind: FinderIssueKind;
  message: string;
  /** max-arrays, max-depth: the limit that was hit. */
  limit?: number;
  /** more-issues: issues not listed. */
  count?: number;
}

export interface FindResult<V extends AnyValues = Values> {
  arrays: FoundArray<V>[];
  pairs: FoundPair[];
  issues: FinderIssue[];
}

/** Caps that keep the finder bounded; each is a setting of the extension. */
export interface FinderLimits {
  /** Values read per array before it is reported as capped. */
  maxElements: number;
  /** Bracket nesting depth followed before the rest is skipped and reported. */
  maxDepth: number;
  /** Arrays reported per document before the rest are skipped and reported. */
  maxArrays: number;
}

export const DEFAULT_LIMITS: Readonly<FinderLimits> = Object.freeze({
  maxElements: 100_000,
  maxDepth: 64,
  maxArrays: 10_000,
});
