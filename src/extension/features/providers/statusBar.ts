// Status bar adapter: a short summary of the arrays in the selection, updated
// (debounced) as the selection moves; clicking runs "Compute cross-entropy".
import * as vscode from 'vscode';
import type { FeatureModels } from './featureModels';
import { COMMANDS, DISPLAY_NAME, STATUS_BAR_ITEM } from '../../ids';
import type { FeatureSettings } from '../../config';
import { statusSummary } from '../content';

export class EntropyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM, vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly models: FeatureModels,
    private readonly settings: () => FeatureSettings,
    private readonly delayMs = 150,
  ) {
    this.item.name = DISPLAY_NAME;
    this.item.command = COMMANDS.computeCrossEntropy;
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
    );
    this.schedule();
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, this.delayMs);
  }

  /** Exposed for tests: the text currently shown, or undefined when hidden. */
  get shown(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }
  private visible = false;

  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const settings = this.settings();
    if (!editor || !settings.statusBar || !settings.languages.includes(editor.document.languageId)) return this.hide();
    const doc = editor.document;
    const view = await this.models.readyView(doc);
    const model = view.model;
    // The selection may have moved on while a large document was read.
    if (vscode.window.activeTextEditor !== editor || !view.current()) return this.schedule();
    if (model.steppedBack) {
      this.item.text = '$(circle-slash) Entropy Lens';
      this.item.tooltip = model.steppedBack;
      return this.show();
    }
    const summary = statusSummary(
      model,
      editor.selections.map((s) => ({
        start: view.base + doc.offsetAt(s.start),
        end: view.base + doc.offsetAt(s.end),
      })),
      settings.unit,
    );
    if (!summary) return this.hide();
    this.item.text = summary.text;
    this.item.tooltip = summary.tooltip;
    this.show();
  }

  private show(): void {
    this.visible = true;
    this.item.show();
  }
  private hide(): void {
    this.visible = false;
    this.item.hide();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
