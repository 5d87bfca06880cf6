// The document model cache seen from VS Code: TextDocument in, model out.
// Large documents are read by the finder off the extension host's thread when
// an off-thread finder is given (the Node host); providers `await ready()` so
// typing never waits for a whole-document parse.
import type * as vscode from 'vscode';
import { DocumentModelCache, type DocumentModel, type Engine, type FindResult } from '../model';
import type { FeatureSettings } from '../../config';

/**
 * Reads a document's arrays elsewhere (a worker thread). Rejects when it cannot,
 * or with `superseded: true` when a newer version of the same document (`key`) replaced the request.
 */
export type OffThreadFind = (text: string, languageId: string, key: string) => Promise<FindResult>;

/** Below this many characters the finder is quicker than the round trip to a worker (about 2 ms of parsing). */
export const OFF_THREAD_MIN_CHARS = 256 * 1024;

export class FeatureModels {
  private readonly cache: DocumentModelCache;
  private readonly pending = new WeakMap<DocumentModel, Promise<DocumentModel>>();

  constructor(engine: Engine, private readonly settings: () => FeatureSettings, capacity = 16, private readonly offThread?: OffThreadFind) {
    this.cache = new DocumentModelCache(engine, capacity);
  }

  /** The model of this version; reading its arrays (on first use) happens on this thread. */
  get(doc: vscode.TextDocument): DocumentModel {
    return this.cache.get(
      { uri: doc.uri.toString(), version: doc.version, languageId: doc.languageId, getText: () => doc.getText() },
      this.settings().model,
    );
  }

  /** The model with its arrays read, off the thread for large documents when possible. */
  ready(doc: vscode.TextDocument): Promise<DocumentModel> {
    const model = this.get(doc);
    const size = model.text.length;
    if (model.hasResult || !this.offThread || size < OFF_THREAD_MIN_CHARS || size > model.settings.maxDocumentChars) {
      return Promise.resolve(model);
    }
    let waiting = this.pending.get(model);
    if (!waiting) {
      waiting = this.offThread(model.text, model.languageId, model.uri).then(
        (found) => { model.provideResult(found); return model; },
        (e: unknown) => {
          // An outdated version shows nothing (VS Code asks again for the new one);
          // if the worker is gone, the model reads on this thread when asked.
          if ((e as { superseded?: boolean }).superseded) model.provideResult({ arrays: [], pairs: [], issues: [] });
          return model;
        },
      );
      this.pending.set(model, waiting);
    }
    return waiting;
  }

  forget(doc: vscode.TextDocument): void { this.cache.forget(doc.uri.toString()); }
  clear(): void { this.cache.clear(); }
}
