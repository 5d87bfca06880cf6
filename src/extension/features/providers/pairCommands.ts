// The features' own commands. "Copy as Markdown" / "Copy as LaTeX" for a pair
// (the hover links' payload): analyse it with the core and put the figures on
// the clipboard. And the forwarder a hover uses for a pair too long to carry in
// a command link: it reads the values back from the document ranges and hands
// the full pair to the real command (the visualizer, the breakdown).
import * as vscode from 'vscode';
import type { PairPayload } from '../../../protocol/visualizer';
import { COMMANDS } from '../../ids';
import { analysisLatex, analysisMarkdown, pairPayload, type CopyNames } from '../content';
import {
  errorText,
  predictionReading,
  type DocumentModel,
  type AnalyzeOptions,
  type Engine,
  type PredictionKind,
  type Values,
} from '../model';
import { userText } from '../format';
import type { FeatureModels } from './featureModels';
import { notebookCellsByUri } from './notebookCells';

type Pos = { line: number; character: number };

/**
 * The model a payload's source names, with positions read as its ranges were
 * written: a document's own, or for an open notebook the joined code cells'.
 */
async function sourceModel(
  uri: string,
  models: FeatureModels,
): Promise<{
  model: DocumentModel;
  offsetAt(p: Pos): number;
  toRange(s: number, e: number): { start: Pos; end: Pos };
}> {
  const notebook = models.notebookModel(uri, notebookCellsByUri);
  if (notebook) {
    return {
      model: notebook,
      offsetAt: (p) => notebook.offsetOf(p.line, p.character),
      toRange: (s, e) => ({ start: notebook.positionOf(s), end: notebook.positionOf(e) }),
    };
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const pos = (o: number): Pos => {
    const p = doc.positionAt(o);
    return { line: p.line, character: p.character };
  };
  return {
    model: models.get(doc),
    offsetAt: (p) => doc.offsetAt(new vscode.Position(p.line, p.character)),
    toRange: (s, e) => ({ start: pos(s), end: pos(e) }),
  };
}
import type { FeatureSettings } from '../../config';

export type CopyFormat = 'markdown' | 'latex';

export async function copyPair(
  format: CopyFormat,
  payload: PairPayload | undefined,
  engine: Engine,
  models: FeatureModels,
  settings: FeatureSettings,
): Promise<string | undefined> {
  if (!payload || typeof payload !== 'object') {
    void vscode.window.showWarningMessage('Entropy Lens: hover over a paired array and use its "Copy as" link.');
    return undefined;
  }
  let target: Values = payload.target;
  let prediction: Values = payload.prediction;
  let kind: PredictionKind = payload.predictionKind ?? 'auto';
  let names: CopyNames = { target: 'p', prediction: 'q' };
  let fromModel: { model: DocumentModel; pairIndex: number } | undefined;
  const source = payload.source;
  if (source?.targetRange && source.predictionRange) {
    try {
      const { model, offsetAt } = await sourceModel(source.uri, models);
      const at = (r: { start: Pos }) => model.arrayIndexAt(offsetAt(r.start));
      const t = at(source.targetRange),
        q = at(source.predictionRange);
      if (t !== undefined && q !== undefined) {
        const ta = model.arrays[t]!,
          qa = model.arrays[q]!;
        names = { target: ta.name ?? 'p', prediction: qa.name ?? 'q' };
        // The document's own pair: the same figures (and normalisation note) as its hover.
        const pairIndex = model.pairs.findIndex((p) => p.target === t && p.prediction === q);
        if (pairIndex >= 0) fromModel = { model, pairIndex };
        if (target.length === 0 || prediction.length === 0) {
          target = ta.values;
          prediction = qa.values;
          kind = predictionReading(qa.role);
        }
      }
    } catch {
      // The document is gone: fall back to the values in the payload.
    }
  }
  try {
    let analysis;
    const cached = fromModel?.model.pairAnalysis(fromModel.pairIndex);
    if (fromModel && cached?.ok) {
      analysis = cached.value;
      names.note = fromModel.model.pairNote(fromModel.pairIndex);
    } else {
      const options: AnalyzeOptions = { prediction: kind };
      if (settings.model.eps !== undefined) options.eps = settings.model.eps;
      analysis = engine.analyze(target, prediction, options);
    }
    const text =
      format === 'latex'
        ? analysisLatex(analysis, settings.unit, names)
        : analysisMarkdown(analysis, settings.unit, names);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(
      `Entropy Lens: copied ${names.target} → ${names.prediction} as ${format === 'latex' ? 'LaTeX' : 'Markdown'}`,
      3000,
    );
    return text;
  } catch (e) {
    void vscode.window.showErrorMessage(
      `Entropy Lens: cannot compute ${names.target} → ${names.prediction}: ${userText(errorText(e))}`,
    );
    return undefined;
  }
}

/** INTERNAL_COMMANDS.forwardPair: {command, source} → the pair read from the document, passed on to `command`. */
const FORWARDABLE = new Set<string>([
  COMMANDS.showVisualizer,
  COMMANDS.showBreakdown,
  COMMANDS.copyAsMarkdown,
  COMMANDS.copyAsLatex,
]);

export async function forwardPair(arg: unknown, models: FeatureModels): Promise<unknown> {
  const a = arg as { command?: unknown; payload?: PairPayload } | undefined;
  const command = typeof a?.command === 'string' ? a.command : '';
  const payload = a?.payload;
  if (!FORWARDABLE.has(command) || !payload?.source?.targetRange || !payload.source.predictionRange) {
    void vscode.window.showWarningMessage('Entropy Lens: this link no longer points at a pair.');
    return undefined;
  }
  const { model, offsetAt, toRange } = await sourceModel(payload.source.uri, models);
  const at = (r: { start: Pos }) => model.arrayIndexAt(offsetAt(r.start));
  const t = at(payload.source.targetRange),
    q = at(payload.source.predictionRange);
  if (t === undefined || q === undefined) {
    void vscode.window.showWarningMessage('Entropy Lens: the arrays of this pair have changed; hover again.');
    return undefined;
  }
  // The document's own pair: the payload the lens sends (binary losses expanded per element).
  const k = model.pairs.findIndex((p) => p.target === t && p.prediction === q);
  if (k >= 0) {
    return vscode.commands.executeCommand(command, pairPayload(model, k, toRange, true));
  }
  return vscode.commands.executeCommand(command, {
    ...payload,
    target: model.arrays[t]!.values,
    prediction: model.arrays[q]!.values,
  });
}
