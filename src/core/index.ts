// The compute core of Entropy Lens: pure TypeScript (no vscode, DOM or Node API).
export { CoreError, ERROR_CODES, isCoreError, MAX_MESSAGE, type ErrorCode } from './errors';
export { classify, type ArrayKind, type Classification } from './classify';
export {
  entropy,
  crossEntropy,
  klDivergence,
  jsDivergence,
  type DivergenceOptions,
  type JsOptions,
} from './divergences';
export { logSumExp, softmax, logSoftmax } from './softmax';
export { softplus, sigmoid } from './scalar';
export { binaryCrossEntropy, type BinaryCrossEntropyOptions, type LossResult } from './binaryCrossEntropy';
export { categoricalCrossEntropy, type CategoricalCrossEntropyOptions } from './categoricalCrossEntropy';
export {
  evaluate,
  decodeNonFinite,
  FUNCTION_NAMES,
  type EvaluateRequest,
  type EvaluateResult,
  type FunctionName,
} from './evaluate';
export { sum } from './summation';
export { elementAt, isMatrix, rowsOf } from './elements';
export { fastLog } from './log';
export { MAX_ELEMENTS, type Vector, type Matrix, type NumericInput, type Reduction } from './validate';
export { SUM_TOLERANCE } from './tolerance';
export {
  analyze,
  entropyOf,
  RULE_NOTES,
  type AnalyzeOptions,
  type Analysis,
  type Measure,
  type Term,
  type TermRule,
  type RowSummary,
  type EntropySummary,
  type EntropyOfOptions,
} from './analyze';
export {
  emulate,
  emulationForCallee,
  roundTo,
  significandBits,
  DTYPES,
  DTYPE_EPS,
  FRAMEWORKS,
  FRAMEWORK_IDS,
  type CalleeEmulation,
  type Dtype,
  type EmulateArgs,
  type EmulateOptions,
  type EmulateResult,
  type FrameworkEntry,
  type FrameworkId,
  type LossEntry,
} from './emulate';
