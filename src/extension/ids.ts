// Every name Entropy Lens shares with package.json or with VS Code, spelled
// once: command ids, views, setting names, and what the user sees it called.
// Pure (no vscode), so messages built anywhere can name a setting from here.
// test/unit/extension/ids.test.ts checks it against package.json both ways.

/** The prefix of every command, view and setting; package.json's configuration section. */
export const SECTION = 'entropyLens';

/** The extension as the user sees it named: output channel, diagnostics' source, status bar item. */
export const DISPLAY_NAME = 'Entropy Lens';

/** Commands contributed in package.json. */
export const COMMANDS = {
  computeCrossEntropy: 'entropyLens.computeCrossEntropy',
  computeKlDivergence: 'entropyLens.computeKlDivergence',
  computeEntropy: 'entropyLens.computeEntropy',
  showBreakdown: 'entropyLens.showBreakdown',
  showVisualizer: 'entropyLens.showVisualizer',
  copyAsMarkdown: 'entropyLens.copyAsMarkdown',
  copyAsLatex: 'entropyLens.copyAsLatex',
  copyBreakdownAsMarkdown: 'entropyLens.copyBreakdownAsMarkdown',
  openVisualizerInEditor: 'entropyLens.openVisualizerInEditor',
} as const;

/** The notebook type of .ipynb files in VS Code's notebook editor (its built-in ipynb support). */
export const JUPYTER_NOTEBOOK = 'jupyter-notebook';

/** Commands registered but not contributed: no palette entry, hover links go through them. */
export const INTERNAL_COMMANDS = {
  /** Reads a pair too long for a command link back from the document and hands it to the real command. */
  forwardPair: 'entropyLens.features.forwardPair',
  /** What a notebook cell's status bar shows for its outputs, by the cell's URI (VS Code has no API command that reads cell status bar items). */
  cellOutputFigures: 'entropyLens.features.cellOutputFigures',
  /** Replaces the visualizer's pair without revealing it: a live pair following the debugger's stops. */
  updateVisualizer: 'entropyLens.visualizer.update',
} as const;

/** The activity-bar container (package.json `viewsContainers`) and the views in it. */
export const VIEW_CONTAINER = 'entropyLens';
export const VIEWS = {
  visualizer: 'entropyLens.visualizer',
} as const;

/** The view types of the webview panels in the editor area (VS Code keys panel state by them). */
export const PANELS = {
  visualizer: 'entropyLens.visualizerPanel',
  breakdown: 'entropyLens.breakdown',
} as const;

/** The command VS Code generates for every view, which reveals and focuses it. */
export function focusCommand(view: (typeof VIEWS)[keyof typeof VIEWS]): string {
  return `${view}.focus`;
}

/** The status bar item's id (VS Code keeps the user's hide/show choice under it). */
export const STATUS_BAR_ITEM = 'entropyLens.summary';

/** Settings contributed in package.json, by their full names (what a message tells the user to change). */
export const SETTINGS = {
  unit: 'entropyLens.unit',
  eps: 'entropyLens.eps',
  languages: 'entropyLens.languages',
  hoverEnabled: 'entropyLens.hover.enabled',
  codeLensEnabled: 'entropyLens.codeLens.enabled',
  diagnosticsEnabled: 'entropyLens.diagnostics.enabled',
  statusBarEnabled: 'entropyLens.statusBar.enabled',
  maxDocumentSizeMB: 'entropyLens.limits.maxDocumentSizeMB',
  maxElementsPerArray: 'entropyLens.limits.maxElementsPerArray',
  maxNestingDepth: 'entropyLens.limits.maxNestingDepth',
  maxArraysPerDocument: 'entropyLens.limits.maxArraysPerDocument',
  liveMaxElements: 'entropyLens.live.maxElements',
} as const;

export type Setting = (typeof SETTINGS)[keyof typeof SETTINGS];

/** A setting's key inside SECTION, as `getConfiguration(SECTION).get` takes it: `hover.enabled`. */
export function keyInSection(setting: Setting): string {
  return setting.slice(SECTION.length + 1);
}
