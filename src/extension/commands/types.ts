// The plain shapes the compute commands work with and return. Everything here
// survives JSON (no vscode objects), so `executeCommand` callers — integration
// tests, other extensions, keybindings — get numbers they can check.
import type { RangeDto } from '../../protocol/visualizer';
import type { Role } from '../../parse/types';

import type { Unit } from '../config';

export type { Unit };

/** The three compute commands, by what they lead with. */
export type ComputeKind = 'crossEntropy' | 'klDivergence' | 'entropy';

/** A span of document text as UTF-16 offsets, end exclusive (a selection or an array literal). */
export interface OffsetSpan {
  start: number;
  end: number;
}

/** An array as the result names it: how the user wrote it and where. */
export interface ArrayRef {
  /** The bound name (`y_true`), if any. */
  name: string | undefined;
  /** What messages call it: the name, or "the array on line 3". */
  label: string;
  range: RangeDto;
  role: Role;
  shape: number[];
}

/** The settings a computation depends on. */
export interface ComputeSettings {
  unit: Unit;
  /** Clip predictions to [eps, 1 − eps]; undefined = off. */
  eps: number | undefined;
}

/** Figures of a target/prediction pair, in `unit`. */
export interface PairResult {
  ok: true;
  kind: 'crossEntropy' | 'klDivergence';
  unit: Unit;
  target: ArrayRef;
  prediction: ArrayRef;
  entropy: number;
  crossEntropy: number;
  klPQ: number;
  klQP: number;
  js: number;
  perplexity: number;
  /** Batch figures are means over rows. */
  rows: number;
  classes: number;
  batched: boolean;
  /** Computed on copies divided by their sums (the user accepted the offer). */
  normalised: boolean;
  /** A binary loss (BCE): each element is a two-class problem; figures are means over elements. */
  binary: boolean;
  warnings: string[];
  /** The line shown to the user. */
  message: string;
}

/** The entropy of one array (logits: of their softmax), in `unit`. */
export interface ArrayEntropy {
  array: ArrayRef;
  /** How it was read (the core's classify kind). */
  kind: string;
  entropy: number;
  perplexity: number;
}

export interface EntropyResult {
  ok: true;
  kind: 'entropy';
  unit: Unit;
  /** The entropy of the first array (the only one, usually). */
  entropy: number;
  perplexity: number;
  arrays: ArrayEntropy[];
  message: string;
}

export type FailureCode =
  | 'NO_EDITOR'
  | 'NO_ARRAYS'
  | 'ONE_ARRAY'
  | 'CANCELLED'
  | 'NOT_COMPUTABLE'
  | 'EMPTY'
  | 'LENGTH_MISMATCH'
  | 'NON_FINITE'
  | 'NEGATIVE'
  | 'OUT_OF_RANGE'
  | 'NOT_NORMALIZED'
  | 'INVALID_OPTION'
  | 'INTERNAL';

export interface FailureResult {
  ok: false;
  kind: ComputeKind;
  code: FailureCode;
  /** What is wrong and where, in words for the user. */
  error: string;
}

export type ComputeResult = PairResult | EntropyResult | FailureResult;
