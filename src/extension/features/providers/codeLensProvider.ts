// Code lens adapter: anchors are cheap and given for the whole document; the
// title (which needs the core's analysis) is computed only when VS Code
// resolves a lens that is on screen.
import * as vscode from 'vscode';
import type { DocumentModel } from '../model';
import { pairPayload, modelAnchors, lensTitle, type LensAnchor } from '../content';
import type { FeatureModels } from './featureModels';
import type { PairPayload, RangeDto } from '../../../protocol/visualizer';
import { COMMANDS } from '../../ids';
import type { FeatureSettings } from '../../config';
import { isMatrix } from '../../../core/elements';

class AnchorLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly model: DocumentModel,
    readonly anchor: LensAnchor,
    readonly toRange: (start: number, end: number) => RangeDto,
  ) {
    super(range);
  }
}

export class EntropyCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly models: FeatureModels,
    private readonly settings: () => FeatureSettings,
  ) {}

  /** Called when settings change (unit, enablement): lenses are asked for again. */
  refresh(): void {
    this.changed.fire();
  }
  dispose(): void {
    this.changed.dispose();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.settings().enabled('codeLens', doc.languageId)) return [];
    const view = await this.models.readyView(doc);
    const model = view.model;
    const reason = model.steppedBack;
    if (reason) {
      // One line at the top says why, instead of silently showing nothing.
      return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: reason, command: '' })];
    }
    if (token.isCancellationRequested) return [];
    // In a notebook cell: the anchors of this cell's part of the notebook's text (the notebook's anchors are computed once).
    return modelAnchors(model)
      .filter((anchor) => view.holds(anchor.offset, anchor.offset))
      .map((anchor) => {
        const at = doc.positionAt(anchor.offset - view.base);
        return new AnchorLens(new vscode.Range(at, at), model, anchor, view.dto);
      });
  }

  resolveCodeLens(lens: vscode.CodeLens, token: vscode.CancellationToken): vscode.CodeLens {
    if (!(lens instanceof AnchorLens) || token.isCancellationRequested) return lens;
    const { model, anchor, toRange } = lens;
    const title = lensTitle(model, anchor, this.settings().unit);
    const first = anchor.items[0]!;
    const args =
      first.kind === 'pair'
        ? pairPayload(model, first.pairIndex, toRange, true) // a command argument, not a URI: no size limit
        : singlePayload(model, first.arrayIndex, toRange);
    lens.command = {
      title,
      command: COMMANDS.showBreakdown,
      arguments: [args],
      tooltip: 'Entropy Lens: show the per-element breakdown',
    };
    return lens;
  }
}

/** An unpaired array compared with itself (logits: with the softmax they imply), for the breakdown. */
export function singlePayload(
  model: DocumentModel,
  index: number,
  toRange: (s: number, e: number) => RangeDto,
): PairPayload {
  const a = model.arrays[index]!;
  const range = toRange(a.start, a.end);
  const self = model.selfAnalysis(index);
  const logits = a.role === 'logits' || a.role === 'log-probabilities';
  const implied = self.ok ? (isMatrix(a.values) ? self.value.probabilities : self.value.probabilities[0]!) : a.values;
  return {
    target: logits ? implied : a.values,
    prediction: a.values,
    label: a.name ?? 'array',
    ...(logits ? { predictionKind: 'logits' as const } : {}),
    source: { uri: model.uri, targetRange: range, predictionRange: range },
  };
}
