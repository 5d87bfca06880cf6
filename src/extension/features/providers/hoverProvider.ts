// Hover adapter: finds the array under the pointer in the cached model and
// shows hoverContent's Markdown, trusted only for our own three commands.
import * as vscode from 'vscode';
import { HOVER_COMMANDS, hoverMarkdown } from '../content';
import type { FeatureModels } from './featureModels';
import type { FeatureSettings } from '../../config';

export class EntropyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly models: FeatureModels, private readonly settings: () => FeatureSettings) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = this.settings();
    if (!settings.enabled('hover', doc.languageId)) return undefined;
    const model = await this.models.ready(doc);
    if (model.steppedBack || token.isCancellationRequested) return undefined;
    const index = model.arrayIndexAt(doc.offsetAt(position));
    if (index === undefined || token.isCancellationRequested) return undefined;
    const array = model.arrays[index]!;
    const md = new vscode.MarkdownString(hoverMarkdown(model, index, {
      unit: settings.unit,
      toRange: (s, e) => {
        const a = doc.positionAt(s), b = doc.positionAt(e);
        return { start: { line: a.line, character: a.character }, end: { line: b.line, character: b.character } };
      },
    }), true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(array.start), doc.positionAt(array.end)));
  }
}
