// Hover adapter: finds the array under the pointer in the cached model and
// shows hoverContent's Markdown, trusted only for our own three commands.
import * as vscode from 'vscode';
import { HOVER_COMMANDS, hoverMarkdown } from '../content';
import type { FeatureModels } from './featureModels';
import type { FeatureSettings } from '../../config';

export class EntropyHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly models: FeatureModels,
    private readonly settings: () => FeatureSettings,
  ) {}

  async provideHover(
    doc: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const settings = this.settings();
    if (!settings.enabled('hover', doc.languageId)) return undefined;
    // A notebook cell is read with the notebook's other code cells: offsets are the model's (base + the cell's own).
    const view = await this.models.readyView(doc);
    const model = view.model;
    if (model.steppedBack || token.isCancellationRequested) return undefined;
    const index = model.arrayIndexAt(view.base + doc.offsetAt(position));
    if (index === undefined || token.isCancellationRequested) return undefined;
    const array = model.arrays[index]!;
    if (!view.holds(array.start, array.end)) return undefined;
    const md = new vscode.MarkdownString(hoverMarkdown(model, index, { unit: settings.unit, toRange: view.dto }), true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(
      md,
      new vscode.Range(doc.positionAt(array.start - view.base), doc.positionAt(array.end - view.base)),
    );
  }
}
