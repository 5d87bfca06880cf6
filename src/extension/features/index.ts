// Registers the automatic features (hover, code lens, status bar, diagnostics,
// quick fixes) on one shared, per-version document model cache.
import * as vscode from 'vscode';
import { EntropyCodeActions } from './codeActions';
import { EntropyCodeLensProvider } from './codeLensProvider';
import { EntropyDiagnostics } from './diagnostics';
import { EntropyHoverProvider } from './hoverProvider';
import { FeatureModels, type OffThreadFind } from './models';
import type { FeatureSettings } from '../config';
import type { Engine } from './shapes';
import { EntropyStatusBar } from './statusBar';


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
  const models = new FeatureModels(host.engine, settings, 16, host.offThread);
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

  const diagnostics = host.register(new EntropyDiagnostics(models, settings));
  const statusBar = host.register(new EntropyStatusBar(models, settings));
  host.register(host.onDidChangeSettings(() => {
    models.clear();
    registerProviders();
    lenses.refresh();
    diagnostics.refreshAll();
    statusBar.schedule();
  }));
  return { models, statusBar, diagnostics };
}
