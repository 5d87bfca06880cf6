// Quick fixes for our diagnostics: each is one WorkspaceEdit that replaces only
// the array's own text (so one undo restores it), built by quickFixes.ts.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, codeOf, diagnosticItems } from './diagnostics';
import type { FeatureModels } from './featureModels';
import { buildFix, type FixKind } from '../content';
import type { FeatureSettings } from '../../config';

const TITLES: Record<FixKind, (name: string) => string> = {
  normalize: (n) => `Normalise ${n} so it sums to 1`,
  softmax: (n) => `Apply softmax to ${n} (logits → probabilities)`,
  log: (n) => `Replace ${n} with its log (log-probabilities are valid logits)`,
};

export class EntropyCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(
    private readonly models: FeatureModels,
    private readonly settings: () => FeatureSettings,
  ) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): vscode.CodeAction[] {
    if (!this.settings().enabled('diagnostics', doc.languageId)) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const view = this.models.view(doc);
    const model = view.model;
    if (token.isCancellationRequested) return [];
    // Offsets are the model's: in a notebook cell, the cell's own plus where the cell starts in the joined text.
    const base = view.base;
    const start = base + doc.offsetAt(range.start),
      end = base + doc.offsetAt(range.end);
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const item of diagnosticItems(model)) {
      if (item.end < start || item.start > end || !view.holds(item.start, item.end)) continue;
      const diagnostic = ours.find((d) => codeOf(d) === item.code && base + doc.offsetAt(d.range.start) === item.start);
      if (!diagnostic) continue;
      // Edits of the call's own text ('mean' → 'batchmean', removing eps=): safe whatever the arrays hold.
      for (const fix of item.textFixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(
          doc.uri,
          new vscode.Range(doc.positionAt(fix.start - base), doc.positionAt(fix.end - base)),
          fix.newText,
        );
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (item.arrayIndex === undefined || item.fixes.length === 0) continue;
      const array = model.arrays[item.arrayIndex]!;
      for (const kind of item.fixes) {
        const key = `${item.arrayIndex}:${kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const fix = buildFix(model.text, array, kind);
        if (!fix.ok) continue; // not safe here: offer nothing rather than a wrong edit
        const action = new vscode.CodeAction(TITLES[kind](array.name ?? 'the array'), vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(
          doc.uri,
          new vscode.Range(doc.positionAt(fix.edit.start - base), doc.positionAt(fix.edit.end - base)),
          fix.edit.newText,
        );
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = kind === 'normalize';
        actions.push(action);
      }
    }
    return actions;
  }
}
