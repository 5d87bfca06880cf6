// The automatic features (hover, code lens, status bar, diagnostics, quick
// fixes) and their pair commands (copy as Markdown / LaTeX, the hover links'
// forwarder), registered on one shared, per-version document model cache.
// This file is the features' surface for the rest of the extension; inside:
// model/ (document model, engine, call sites; pure), content/ (what is shown,
// as plain data; pure), format/ (how figures and messages are written; pure)
// and providers/ (the VS Code adapters).
import * as vscode from 'vscode';
import type { FeatureSettings } from '../config';
import { COMMANDS, INTERNAL_COMMANDS, JUPYTER_NOTEBOOK } from '../ids';
import type { Engine } from './model';
import { EntropyCodeActions } from './providers/codeActions';
import { EntropyCodeLensProvider } from './providers/codeLensProvider';
import { EntropyDiagnostics } from './providers/diagnostics';
import { FeatureModels, type OffThreadFind } from './providers/featureModels';
import { EntropyHoverProvider } from './providers/hoverProvider';
import { copyPair, forwardPair } from './providers/pairCommands';
import { EntropyStatusBar } from './providers/statusBar';
import { NOTEBOOK_CELL_SCHEME, notebookCellsOf } from './providers/notebookCells';
import { EntropyCellOutputs } from './providers/cellOutputs';

export { createEngine } from './model';
export type { OffThreadFind } from './providers/featureModels';

/** What the features need from the extension: a place to register disposables and the settings. */
export interface FeatureHost {
  register<T extends vscode.Disposable>(disposable: T): T;
  settings(): FeatureSettings;
  onDidChangeSettings(listener: () => void): vscode.Disposable;
  engine: Engine;
  /** Reads large documents off the extension host's thread, where the host can. */
  offThread?: OffThreadFind | undefined;
}

export interface Features {
  models: FeatureModels;
  statusBar: EntropyStatusBar;
  diagnostics: EntropyDiagnostics;
}

export function registerHostFeatures(host: FeatureHost): Features {
  const settings = (): FeatureSettings => host.settings();
  const models = new FeatureModels(host.engine, settings, 16, host.offThread, notebookCellsOf);
  const selector = (): vscode.DocumentSelector => settings().languages.map((language) => ({ language }));

  const hover = new EntropyHoverProvider(models, settings);
  const lenses = host.register(new EntropyCodeLensProvider(models, settings));
  const actions = new EntropyCodeActions(models, settings);
  // Providers are registered for the configured languages; re-registered when that list changes.
  let registrations: vscode.Disposable[] = [];
  let registeredFor = '';
  const registerProviders = (): void => {
    const key = settings().languages.join(',');
    if (key === registeredFor) return;
    registrations.forEach((r) => r.dispose());
    registeredFor = key;
    registrations = [
      vscode.languages.registerHoverProvider(selector(), hover),
      vscode.languages.registerCodeLensProvider(selector(), lenses),
      vscode.languages.registerCodeActionsProvider(selector(), actions, EntropyCodeActions.metadata),
    ];
  };
  registerProviders();
  host.register({ dispose: () => registrations.forEach((r) => r.dispose()) });

  // An edit in one notebook cell can change the pairs (and lens titles) of the others.
  host.register(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme === NOTEBOOK_CELL_SCHEME) lenses.refresh();
    }),
  );
  const diagnostics = host.register(new EntropyDiagnostics(models, settings));
  const cellOutputs = host.register(new EntropyCellOutputs(host.engine, settings));
  host.register(vscode.notebooks.registerNotebookCellStatusBarItemProvider(JUPYTER_NOTEBOOK, cellOutputs));
  const statusBar = host.register(new EntropyStatusBar(models, settings));
  host.register(
    host.onDidChangeSettings(() => {
      models.clear();
      registerProviders();
      lenses.refresh();
      diagnostics.refreshAll();
      statusBar.schedule();
      cellOutputs.refresh();
    }),
  );

  type Payload = Parameters<typeof copyPair>[1];
  host.register(
    vscode.commands.registerCommand(COMMANDS.copyAsMarkdown, (payload?: unknown) =>
      copyPair('markdown', payload as Payload, host.engine, models, settings()),
    ),
  );
  host.register(
    vscode.commands.registerCommand(COMMANDS.copyAsLatex, (payload?: unknown) =>
      copyPair('latex', payload as Payload, host.engine, models, settings()),
    ),
  );
  host.register(
    vscode.commands.registerCommand(INTERNAL_COMMANDS.forwardPair, (arg?: unknown) => forwardPair(arg, models)),
  );
  host.register(
    vscode.commands.registerCommand(INTERNAL_COMMANDS.cellOutputFigures, (uri?: unknown) =>
      cellOutputs.figuresOf(String(uri)),
    ),
  );
  return { models, statusBar, diagnostics };
}
