// What the features read from the extension's settings, in one plain shape.
// index.ts fills it from the shell's typed config; the adapters never read
// VS Code settings themselves.
import type { ModelSettings } from './documentModel';
import type { Unit } from './shapes';

export type AutomaticFeature = 'hover' | 'codeLens' | 'diagnostics';

export interface FeatureSettings {
  unit: Unit;
  /** Language ids that get automatic features at all. */
  languages: readonly string[];
  enabled(feature: AutomaticFeature, languageId: string): boolean;
  statusBar: boolean;
  model: ModelSettings;
}

/** Command ids the features link to; the shell owns the compute commands. */
export const COMMANDS = {
  showBreakdown: 'entropyLens.showBreakdown',
  showVisualizer: 'entropyLens.showVisualizer',
  copyAsMarkdown: 'entropyLens.copyAsMarkdown',
  copyAsLatex: 'entropyLens.copyAsLatex',
  computeCrossEntropy: 'entropyLens.computeCrossEntropy',
} as const;
