// The document model: what the finder found in one document version and the
// core's analyses of it, computed once; which loss each call and pair is
// (from the finder's table); the engine that runs the finder and the core.
// Pure (no vscode): content builders, providers and the commands read it here.
export {
  DocumentModel,
  DocumentModelCache,
  DEFAULT_MODEL_SETTINGS,
  cappedProblem,
  errorText,
  normalisationNote,
  withNames,
  type DocumentLike,
  type ModelSettings,
  type Outcome,
  type PairLink,
} from './documentModel';
export { binaryRows, cappedIssue, isBinaryPair, pairLoss, predictionReading, type BinaryRows } from './pairAnalysis';
export {
  findPredictionArguments,
  predictionArgumentSteps,
  unwrap,
  type PredictionHolds,
  type PredictionArgument,
  type Wrapper,
} from './callSites';
export { createEngine } from './engine';
export { CELL_SEPARATOR, cellAt, cellOfRange, joinCells, withinCells, type JoinedCells } from './notebookText';
export type {
  Analysis,
  AnalyzeOptions,
  Engine,
  FindResult,
  FoundArray,
  FoundPair,
  Measure,
  PredictionKind,
  Role,
  Term,
  Unit,
  Values,
} from './shapes';
export {
  callArguments,
  keywordValue,
  literal,
  type CallArgument,
  type KeywordValue,
} from '../../../parse/keywordValue';
export { outputNames, type OutputNames } from './outputNames';
