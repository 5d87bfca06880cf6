// What the features show, built as plain data from a document model: hover
// Markdown, lens titles, the status bar summary, diagnostics, the copy text and
// quick-fix edits. Pure (no vscode); the providers turn these into VS Code objects.
export { HOVER_COMMANDS, hoverMarkdown, pairPayload, type HoverOptions } from './hoverContent';
export {
  lensAnchors,
  modelAnchors,
  lensTitle,
  pairLine,
  pairView,
  type LensAnchor,
  type LensItem,
  type PairView,
} from './lensContent';
export { statusSummary, type StatusSummary } from './statusContent';
export { computeDiagnostics, diagnosticSteps } from './diagnosticsContent';
export {
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_CODE_IDS,
  diagnosticDocsUrl,
  diagnosticMessage,
  type DiagnosticCode,
  type DiagnosticItem,
  type TextFix,
} from './diagnosticCodes';
export { namedLikePrediction } from './names';
export { analysisLatex, analysisMarkdown, type CopyNames } from './copyContent';
export { buildFix, type FixKind, type FixResult, type TextEdit } from './quickFixes';
export {
  MAX_OUTPUT_CHARS,
  OUTPUT_MIMES,
  describePrinted,
  outputSummary,
  outputText,
  readCellOutputs,
  type CellOutputs,
  type OutputSummary,
} from './outputContent';
export { emulateCall, frameworkLine, lossNumber, optionsFromCall, pairFrameworkLine } from './frameworkContent';
