// The document model cache seen from VS Code: TextDocument in, model out.
// Large documents are read by the finder off the extension host's thread when
// an off-thread finder is given (the Node host); providers `await ready()` so
// typing never waits for a whole-document parse.
// A notebook cell is seen through its notebook: one model of the code cells
// joined (model/notebookText.ts), and a view of the part that is this cell.
import type * as vscode from 'vscode';
import {
  cellAt,
  DocumentModelCache,
  joinCells,
  type DocumentModel,
  type Engine,
  type FindResult,
  type JoinedCells,
} from '../model';
import type { FeatureSettings } from '../../config';

/**
 * Reads a document's arrays elsewhere (a worker thread). Rejects when it cannot,
 * or with `superseded: true` when a newer version of the same document (`key`) replaced the request.
 */
export type OffThreadFind = (text: string, languageId: string, key: string) => Promise<FindResult>;

/** Below this many characters the finder is quicker than the round trip to a worker (about 2 ms of parsing). */
export const OFF_THREAD_MIN_CHARS = 256 * 1024;

/** The code cells of the notebook a cell document belongs to (see notebookCells.ts). */
export interface NotebookCells {
  /** The notebook's URI. */
  uri: string;
  /** Changes whenever the notebook or one of these cells changes (notebook version, cell versions). */
  key: string;
  languageId: string;
  /** The code cells in order. */
  cells: readonly vscode.TextDocument[];
  /** Each cell's 1-based place in the notebook, markdown cells counted. */
  numbers: readonly number[];
}

/** The notebook of a cell document, or undefined for a document on its own. */
export type NotebookLookup = (doc: vscode.TextDocument) => NotebookCells | undefined;

type Position = { line: number; character: number };

/** A document's part of a model: the whole model for a file, one cell's part of its notebook's model. */
export interface ModelView {
  model: DocumentModel;
  /** The document's text is [base, limit] of the model's. */
  base: number;
  limit: number;
  /** Whether the document still has the version this model was read from. */
  current(): boolean;
  /** The document (a cell of the same notebook for a notebook) and position of a model offset. */
  locate(offset: number): { doc: vscode.TextDocument; position: Position };
  /** A range of the model's text as a visualizer/copy payload gives it, with `model.uri` (joined cells for a notebook). */
  dto(start: number, end: number): { start: Position; end: Position };
  /** Whether [start, end] of the model's text lies in this document. */
  holds(start: number, end: number): boolean;
}

export class FeatureModels {
  private readonly cache: DocumentModelCache;
  private readonly pending = new WeakMap<DocumentModel, Promise<DocumentModel>>();
  private readonly notebookVersions = new Map<string, { key: string; version: number }>();

  constructor(
    engine: Engine,
    private readonly settings: () => FeatureSettings,
    capacity = 16,
    private readonly offThread?: OffThreadFind,
    private readonly notebookOf: NotebookLookup = () => undefined,
  ) {
    this.cache = new DocumentModelCache(engine, capacity);
  }

  /** The model of this version; reading its arrays (on first use) happens on this thread. For a cell: its notebook's. */
  get(doc: vscode.TextDocument): DocumentModel {
    return this.view(doc).model;
  }

  /** The documents that share this document's model: the code cells of its notebook, or itself. */
  siblings(doc: vscode.TextDocument): readonly vscode.TextDocument[] {
    return this.notebookOf(doc)?.cells ?? [doc];
  }

  /** The model of an open notebook by its URI, with its code cells joined; undefined when none is open. */
  notebookModel(uri: string, lookup: (uri: string) => NotebookCells | undefined): DocumentModel | undefined {
    const nb = lookup(uri);
    return nb ? this.notebookView(nb, nb.cells[0]!).model : undefined;
  }

  view(doc: vscode.TextDocument): ModelView {
    const nb = this.notebookOf(doc);
    if (nb && nb.cells.some((c) => c === doc || c.uri.toString() === doc.uri.toString()))
      return this.notebookView(nb, doc);
    const model = this.cache.get(
      { uri: doc.uri.toString(), version: doc.version, languageId: doc.languageId, getText: () => doc.getText() },
      this.settings().model,
    );
    const position = (o: number): Position => {
      const p = doc.positionAt(o);
      return { line: p.line, character: p.character };
    };
    return {
      model,
      base: 0,
      limit: model.text.length,
      current: () => doc.version === model.version,
      locate: (o) => ({ doc, position: position(o) }),
      dto: (s, e) => ({ start: position(s), end: position(e) }),
      holds: () => true,
    };
  }

  private notebookView(nb: NotebookCells, doc: vscode.TextDocument): ModelView {
    let v = this.notebookVersions.get(nb.uri);
    if (!v || v.key !== nb.key) {
      v = { key: nb.key, version: (v?.version ?? 0) + 1 };
      this.notebookVersions.set(nb.uri, v);
    }
    let joined: JoinedCells | undefined;
    const join = (): JoinedCells =>
      (joined ??= joinCells(
        nb.cells.map((c) => c.getText()),
        nb.numbers,
      ));
    const model = this.cache.get(
      {
        uri: nb.uri,
        version: v.version,
        languageId: nb.languageId,
        getText: () => join().text,
        get cells() {
          return join();
        },
      },
      this.settings().model,
    );
    const cells = model.cells!;
    const uri = doc.uri.toString();
    const own = Math.max(
      0,
      nb.cells.findIndex((c) => c.uri.toString() === uri),
    );
    const base = cells.starts[own]!,
      limit = cells.ends[own]!;
    const version = v.version;
    return {
      model,
      base,
      limit,
      current: () => this.notebookVersions.get(nb.uri)?.version === version && this.notebookOf(doc)?.key === nb.key,
      locate: (o) => {
        const c = cellAt(cells, o) ?? own;
        const p = nb.cells[c]!.positionAt(o - cells.starts[c]!);
        return { doc: nb.cells[c]!, position: { line: p.line, character: p.character } };
      },
      dto: (s, e) => ({ start: model.positionOf(s), end: model.positionOf(e) }),
      holds: (s, e) => s >= base && e <= limit,
    };
  }

  /** The model with its arrays read, off the thread for large documents when possible. */
  ready(doc: vscode.TextDocument): Promise<DocumentModel> {
    return this.readView(this.view(doc)).then((v) => v.model);
  }

  /** The document's view with its model's arrays read (see ready). */
  readyView(doc: vscode.TextDocument): Promise<ModelView> {
    return this.readView(this.view(doc));
  }

  private readView(view: ModelView): Promise<ModelView> {
    const model = view.model;
    const size = model.text.length;
    if (model.hasResult || !this.offThread || size < OFF_THREAD_MIN_CHARS || size > model.settings.maxDocumentChars) {
      return Promise.resolve(view);
    }
    let waiting = this.pending.get(model);
    if (!waiting) {
      waiting = this.offThread(model.text, model.languageId, model.uri).then(
        (found) => {
          model.provideResult(found);
          return model;
        },
        (e: unknown) => {
          // An outdated version shows nothing (VS Code asks again for the new one);
          // if the worker is gone, the model reads on this thread when asked.
          if ((e as { superseded?: boolean }).superseded) model.provideResult({ arrays: [], pairs: [], issues: [] });
          return model;
        },
      );
      this.pending.set(model, waiting);
    }
    return waiting.then(() => view);
  }

  forget(doc: vscode.TextDocument): void {
    this.cache.forget(doc.uri.toString());
  }
  clear(): void {
    this.cache.clear();
  }
}
