// The shapes this feature folder consumes from the array finder (src/parse) and
// the compute core (src/core). They are declared structurally here so the pure
// modules can be built and unit-tested with small fixtures; index.ts hands the
// real finder and core to them, and TypeScript checks the two agree there.

export type Values = number[] | number[][];

export type Role =
  | 'target' | 'one-hot' | 'class-indices' | 'probabilities'
  | 'logits' | 'log-probabilities' | 'unknown';

export interface FoundArray {
  /** UTF-16 offset of the literal's first character. */
  start: number;
  /** UTF-16 offset one past the literal's last character. */
  end: number;
  name?: string | undefined;
  values: Values;
  shape: readonly number[];
  role: Role | string;
  roleReason?: string;
  issues: readonly string[];
}

export interface FoundPair {
  target: number;
  prediction: number;
  reason: string;
}

export interface FindResult {
  arrays: readonly FoundArray[];
  pairs: readonly FoundPair[];
  issues?: readonly unknown[];
}

export type PredictionKind = 'auto' | 'probabilities' | 'logits' | 'log-probabilities';

export interface AnalyzeOptions {
  eps?: number | undefined;
  prediction?: PredictionKind;
  normalize?: boolean;
  ignoreIndex?: number;
  labelSmoothing?: number;
}

export interface Term {
  row: number;
  index: number;
  p: number;
  q: number;
  contribution: number;
  rule?: string | undefined;
  note?: string | undefined;
}

export interface RowFigures {
  row: number;
  entropy: number;
  crossEntropy: number;
  klPQ: number;
}

/** The core's analysis of a target/prediction pair; figures are in nats. */
export interface Analysis {
  rows: number;
  classes: number;
  batched: boolean;
  targetKind: string;
  predictionKind: string;
  entropy: number;
  crossEntropy: number;
  klPQ: number;
  klQP: number;
  js: { nats: number; bits: number };
  perplexity: number;
  terms: readonly Term[];
  grad?: number[][];
  probabilities: number[][];
  perRow: readonly RowFigures[];
  warnings: readonly string[];
}

/** What the features need from the finder and the core, injected so tests can use fakes. */
export interface Engine {
  findArrays(text: string, languageId: string): FindResult;
  analyze(target: Values, prediction: Values, options: AnalyzeOptions): Analysis;
}

export type Unit = 'nats' | 'bits';
