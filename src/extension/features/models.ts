// The document model cache seen from VS Code: TextDocument in, model out.
import type * as vscode from 'vscode';
import { DocumentModelCache, type DocumentModel } from './documentModel';
import type { FeatureSettings } from './settings';
import type { Engine } from './shapes';

export class FeatureModels {
  private readonly cache: DocumentModelCache;

  constructor(engine: Engine, private readonly settings: () => FeatureSettings, capacity = 16) {
    this.cache = new DocumentModelCache(engine, capacity);
  }

  get(doc: vscode.TextDocument): DocumentModel {
    return this.cache.get(
      { uri: doc.uri.toString(), version: doc.version, languageId: doc.languageId, getText: () => doc.getText() },
      this.settings().model,
    );
  }

  forget(doc: vscode.TextDocument): void { this.cache.forget(doc.uri.toString()); }
  clear(): void { this.cache.clear(); }
}
