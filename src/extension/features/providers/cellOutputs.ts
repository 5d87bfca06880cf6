// The cell status bar of a notebook: for a code cell whose saved outputs hold
// arrays (a printed tensor, array, Series or list), the figures of those values
// with the cell's source
// (content/outputContent.ts); clicking opens the breakdown. Follows re-runs
// (outputs changed) and the settings.
import * as vscode from 'vscode';
import { outputSummary, pairPayload, readCellOutputs, type OutputSummary } from '../content';
import { DocumentModel, type Engine } from '../model';
import type { FeatureSettings } from '../../config';
import { COMMANDS } from '../../ids';
import { singlePayload } from './codeLensProvider';
import type { PairPayload } from '../../../protocol/visualizer';

const decoder = new TextDecoder();

export class EntropyCellOutputs implements vscode.NotebookCellStatusBarItemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCellStatusBarItems = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** Each cell's last items by the fingerprint of its source version and outputs: a re-run re-reads that cell only. */
  private readonly cache = new Map<string, { key: string; items: vscode.NotebookCellStatusBarItem[] }>();

  constructor(
    private readonly engine: Engine,
    private readonly settings: () => FeatureSettings,
  ) {
    this.subscription = vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.cellChanges.some((c) => c.outputs !== undefined)) this.refresh();
    });
  }

  refresh(): void {
    this.cache.clear();
    this.changed.fire();
  }

  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    const settings = this.settings();
    if (
      !settings.statusBar ||
      cell.kind !== vscode.NotebookCellKind.Code ||
      !settings.languages.includes(cell.document.languageId)
    )
      return [];
    const uri = cell.document.uri.toString();
    const key = fingerprint(cell);
    const hit = this.cache.get(uri);
    if (hit?.key === key) return hit.items;
    const items = this.read(cell, settings);
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(uri, { key, items });
    return items;
  }

  private read(cell: vscode.NotebookCell, settings: FeatureSettings): vscode.NotebookCellStatusBarItem[] {
    const outputs = readCellOutputs(
      cell.document.getText(),
      cell.outputs.flatMap((o) => o.items.map((i) => ({ mime: i.mime, text: () => decoder.decode(i.data) }))),
    );
    if (!outputs) return [];
    // Outputs are read as Python values after the cell's source, whatever the cell's language.
    const model = new DocumentModel(
      `${cell.document.uri.toString()}#outputs`,
      0,
      'python',
      outputs.text,
      this.engine,
      settings.model,
    );
    const summary = outputSummary(model, outputs, settings.unit);
    if (!summary) return [];
    const item = new vscode.NotebookCellStatusBarItem(summary.text, vscode.NotebookCellStatusBarAlignment.Right);
    item.tooltip = summary.tooltip;
    const payload = breakdownPayload(model, summary);
    if (payload) item.command = { title: 'Show breakdown', command: COMMANDS.showBreakdown, arguments: [payload] };
    return [item];
  }

  /** The text, tooltip and click command of the item of the cell with this document URI in an open notebook, or undefined. */
  figuresOf(cellUri: string): { text: string; tooltip: string; command?: vscode.Command } | undefined {
    for (const nb of vscode.workspace.notebookDocuments) {
      const cell = nb.getCells().find((c) => c.document.uri.toString() === cellUri);
      if (!cell) continue;
      const item = this.provideCellStatusBarItems(cell)[0];
      if (!item) return undefined;
      return {
        text: item.text,
        tooltip: typeof item.tooltip === 'string' ? item.tooltip : '',
        ...(typeof item.command === 'object' ? { command: item.command } : {}),
      };
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The cell's source version and its output items (MIME, length, FNV-1a of the bytes). */
function fingerprint(cell: vscode.NotebookCell): string {
  const parts = [String(cell.document.version)];
  for (const o of cell.outputs)
    for (const i of o.items) {
      let h = 0x811c9dc5;
      const d = i.data;
      for (let k = 0; k < d.length; k++) h = Math.imul(h ^ d[k]!, 0x01000193);
      parts.push(`${i.mime}:${d.length}:${(h >>> 0).toString(36)}`);
    }
  return parts.join('|');
}

/** What the breakdown shows for an output: the summary's pair or array (no source: outputs cannot be edited). */
function breakdownPayload(model: DocumentModel, summary: OutputSummary): PairPayload | undefined {
  const noRange = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  let payload: PairPayload;
  if (summary.pair !== undefined) payload = pairPayload(model, summary.pair, noRange, true);
  else if (summary.array !== undefined) payload = singlePayload(model, summary.array, noRange);
  else return undefined;
  delete payload.source;
  return payload;
}
