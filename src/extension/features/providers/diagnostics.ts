// Diagnostics adapter: keeps one DiagnosticCollection in step with open
// documents, debounced per document, off for languages the user excludes and
// for documents above the caps.
import * as vscode from 'vscode';
import { DISPLAY_NAME } from '../../ids';
import {
  DIAGNOSTIC_CODES,
  computeDiagnostics,
  diagnosticDocsUrl,
  diagnosticSteps,
  type DiagnosticCode,
  type DiagnosticItem,
} from '../content';
import type { DocumentModel } from '../model';
import type { FeatureModels, ModelView } from './featureModels';
import type { FeatureSettings } from '../../config';
import { nextTurn } from '../../nextTurn';

export const DIAGNOSTIC_SOURCE = DISPLAY_NAME;

/** A diagnostic's code, whether written as a string or as `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): DiagnosticCode | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return typeof code === 'string' && code in DIAGNOSTIC_CODES ? (code as DiagnosticCode) : undefined;
}
/** Longest stretch diagnostics run before giving the extension host back. */
const SLICE_MS = 15;

/** Diagnostics of a model version, computed once (the code actions ask again). */
const itemsOfModel = new WeakMap<DocumentModel, DiagnosticItem[]>();
export function diagnosticItems(model: DocumentModel): DiagnosticItem[] {
  let items = itemsOfModel.get(model);
  if (!items) {
    items = model.steppedBack ? [] : computeDiagnostics(model);
    itemsOfModel.set(model, items);
  }
  return items;
}

export class EntropyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('entropyLens');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly models: FeatureModels,
    private readonly settings: () => FeatureSettings,
    private readonly delayMs = 250,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      // A notebook cell's arrays pair with its notebook's other cells: an edit in one updates them all.
      vscode.workspace.onDidChangeTextDocument((e) =>
        this.models.siblings(e.document).forEach((d) => this.schedule(d, this.delayMs)),
      ),
      vscode.workspace.onDidOpenNotebookDocument((nb) => nb.getCells().forEach((c) => this.schedule(c.document, 0))),
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.contentChanges.length) e.notebook.getCells().forEach((c) => this.schedule(c.document, this.delayMs));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d);
        this.collection.delete(d.uri);
        this.models.forget(d);
      }),
    );
    this.refreshAll();
  }

  /** Recompute for every open document (settings changed). */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    this.cancel(doc);
    const key = doc.uri.toString();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(doc);
      }, delay),
    );
  }

  private cancel(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  /** Computes in time slices (SLICE_MS each, yielding in between); a newer version cancels the run. */
  async update(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed || !this.settings().enabled('diagnostics', doc.languageId)) {
      this.collection.delete(doc.uri);
      return;
    }
    const view = await this.models.readyView(doc);
    const model = view.model;
    if (doc.isClosed) return;
    let items = itemsOfModel.get(model);
    if (!items) {
      if (model.steppedBack) items = [];
      else {
        const steps = diagnosticSteps(model);
        let slice = performance.now();
        for (;;) {
          const r = steps.next();
          if (r.done) {
            items = r.value;
            break;
          }
          if (performance.now() - slice > SLICE_MS) {
            await nextTurn();
            if (doc.isClosed || !view.current()) return; // superseded by an edit
            slice = performance.now();
          }
        }
      }
      itemsOfModel.set(model, items);
    }
    this.publish(doc, view, items);
  }

  /** The items in this document (in a notebook: this cell's), at the document's own offsets; related places may be in other cells. */
  private publish(doc: vscode.TextDocument, view: ModelView, items: DiagnosticItem[]): void {
    const range = (s: number, e: number) =>
      new vscode.Range(doc.positionAt(s - view.base), doc.positionAt(e - view.base));
    const location = (s: number, e: number) => {
      const a = view.locate(s),
        b = view.locate(e);
      return new vscode.Location(
        a.doc.uri,
        new vscode.Range(a.position.line, a.position.character, b.position.line, b.position.character),
      );
    };
    this.collection.set(
      doc.uri,
      items
        .filter((item) => view.holds(item.start, item.end))
        .map((item) => {
          const severity =
            DIAGNOSTIC_CODES[item.code].severity === 'information'
              ? vscode.DiagnosticSeverity.Information
              : vscode.DiagnosticSeverity.Warning;
          const d = new vscode.Diagnostic(range(item.start, item.end), item.message, severity);
          d.source = DIAGNOSTIC_SOURCE;
          // The code links to its page: what it means, a worked example, how to fix it.
          d.code = { value: item.code, target: vscode.Uri.parse(diagnosticDocsUrl(item.code)) };
          if (item.related) {
            d.relatedInformation = item.related.map(
              (r) => new vscode.DiagnosticRelatedInformation(location(r.start, r.end), r.message),
            );
          }
          return d;
        }),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
  }
}
