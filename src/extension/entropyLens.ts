// The running extension: owns every disposable it registers (features,
// visualizer, commands) and the typed config they read.
import * as vscode from 'vscode';
import { EntropyLensConfig } from './config';
import { registerComputeCommands } from './commands';
import { Disposable } from './disposable';
import { snapshotFeatureSettings } from './featureSettings';
import { registerHostFeatures, type FeatureSettings, type Features } from './features';
import { copyPair, forwardPair, FORWARD_COMMAND } from './features/commands';
import { createEngine } from './features/engine';
import { COMMANDS } from './features/settings';
import { createOffThreadFinder, type OffThreadFinder } from './offThread/offThreadFinder';
import { registerVisualizer } from './visualizer';

export class EntropyLens extends Disposable {
  readonly config: EntropyLensConfig;
  readonly features: Features;
  /** The finder's worker thread (Node host only). */
  readonly offThreadFinder: OffThreadFinder | undefined;
  private settings: FeatureSettings;

  constructor(extensionUri: vscode.Uri) {
    super();
    // Large documents are read on a worker thread where the host has worker threads (not on vscode.dev).
    const finder = createOffThreadFinder(vscode.Uri.joinPath(extensionUri, 'dist', 'finderWorker.js').fsPath, () => this.config.limits);
    this.config = new EntropyLensConfig(finder !== undefined);
    this.settings = snapshotFeatureSettings(this.config);
    this._register(this.config.onDidChange(() => { this.settings = snapshotFeatureSettings(this.config); }));
    const engine = createEngine(() => this.config.limits);
    const register = <T extends vscode.Disposable>(d: T): T => this._register(d);
    if (finder) register(finder);
    this.offThreadFinder = finder;

    this.features = registerHostFeatures({
      register,
      settings: () => this.settings,
      onDidChangeSettings: (listener) => this.config.onDidChange(listener),
      engine,
      offThread: finder && ((text, languageId, key) => finder.find(text, languageId, key)),
    });

    registerComputeCommands({ register, config: this.config });

    const subscriptions: { dispose(): unknown }[] = [];
    registerVisualizer({ extensionUri, subscriptions });
    subscriptions.forEach((d) => this._register(d));

    const models = this.features.models;
    register(vscode.commands.registerCommand(COMMANDS.copyAsMarkdown, (payload?: unknown) =>
      copyPair('markdown', payload as Parameters<typeof copyPair>[1], engine, models, this.settings)));
    register(vscode.commands.registerCommand(COMMANDS.copyAsLatex, (payload?: unknown) =>
      copyPair('latex', payload as Parameters<typeof copyPair>[1], engine, models, this.settings)));
    register(vscode.commands.registerCommand(FORWARD_COMMAND, (arg?: unknown) => forwardPair(arg, models)));
  }
}
