// The array finder's contract: what findArrays(text, languageId) returns.
// The editor features, the commands and dist/finder.js all consume these shapes.
import type { ArrayKind } from '../core/classify';

/** 1-D values, or 2-D as rows (a batch). */
export type Values = number[] | number[][];

/**
 * What an array most likely is. The kinds of the core's classify(), plus
 * 'target': a probability distribution that its name or call site marks as the
 * target (soft labels), e.g. `y_true = [0.7, 0.2, 0.1]`.
 */
export type Role = ArrayKind | 'target';

export interface FoundArray {
  /** UTF-16 offset of the literal's first character (the opening bracket; a wrapper call is not included). */
  start: number;
  /** UTF-16 offset one past the literal's last character (the closing bracket). */
  end: number;
  /** The name it is bound to: `y_true = …`, `const q = …`, a JSON key, a keyword argument. */
  name?: string | undefined;
  /** The numbers; non-finite spellings become ±Infinity / NaN and are listed in `issues`. */
  values: Values;
  /** [n] for 1-D, [rows, columns] for 2-D (columns of the first row when ragged). */
  shape: number[];
  role: Role;
  /** One sentence saying why the role was chosen. */
  roleReason?: string | undefined;
  /** Problems found while reading it: ragged rows, capped, non-finite values, … */
  issues: string[];
}

export interface FoundPair {
  /** Index into `arrays`. */
  target: number;
  /** Index into `arrays`. */
  prediction: number;
  /** Why these two were paired, e.g. "arguments of sklearn.metrics.log_loss(y_true, y_pred)". */
  reason: string;
}

/** A document-level note, e.g. that a cap was hit. Never an exception. */
export interface FinderIssue {
  /** Offset in the text the note is about (0 for the whole document). */
  offset: number;
  message: string;
}

export interface FindResult {
  arrays: FoundArray[];
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
