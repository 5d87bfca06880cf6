// What the features show, built as plain data from a document model: hover
// Markdown, lens titles, the status bar summary, diagnostics, the copy text and
// quick-fix edits. Pure (no vscode); the providers turn these into VS Code objects.
export { HOVER_COMMANDS, hoverMarkdown, pairPayload, type HoverOptions } from './hoverContent';
export {
  lensAnchors,
  lensTitle,
  pairLine,
  pairView,
  type LensAnchor,
  type LensItem,
  type PairView,
} from './lensContent';
export { statusSummary, type StatusSummary } from './statusContent';
export {
  computeDiagnostics,
  diagnosticSteps,
  namedLikePrediction,
  type DiagnosticCode,
  type DiagnosticItem,
} from './diagnosticsContent';
export { analysisLatex, analysisMarkdown, type CopyNames } from './copyContent';
export { buildFix, type FixKind, type FixResult, type TextEdit } from './quickFixes';
export { MAX_OUTPUT_CHARS, OUTPUT_MIMES, outputSummary, outputText } from './outputContent';
export { emulateCall, frameworkLine, lossNumber, optionsFromCall, pairFrameworkLine } from './frameworkContent';
