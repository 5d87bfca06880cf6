// The breakdown as a read-only virtual Markdown document (`entropy-lens:` URIs),
// opened beside the editor. A content provider works in the Node and the web
// extension host alike and never touches the file system.
import * as vscode from 'vscode';

export const BREAKDOWN_SCHEME = 'entropy-lens';

/** Breakdowns kept for re-reading (a reopened tab); older ones are dropped to bound memory. */
const KEEP = 20;

export class BreakdownDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString())
      ?? '# Entropy Lens\n\nThis breakdown is no longer kept: run "Entropy Lens: Compute cross-entropy" again.\n';
  }

  /** One URI per title, so computing the same pair again refreshes its tab instead of opening another. */
  uriFor(title: string): vscode.Uri {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
    const name = title.replace(/[\\/:*?"<>|#%\u0000-\u001f]/g, '_').slice(0, 80);
    return vscode.Uri.from({ scheme: BREAKDOWN_SCHEME, path: `/Breakdown ${name}.md` });
  }

  async show(title: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = this.uriFor(title);
    const key = uri.toString();
    this.contents.delete(key);
    this.contents.set(key, markdown);
    while (this.contents.size > KEEP) this.contents.delete(this.contents.keys().next().value!);
    this.changed.fire(uri); // an open tab re-reads it
    const doc = await vscode.workspace.openTextDocument(uri);
    // An already open breakdown re-reads its content asynchronously after the change event.
    if (doc.getText() !== markdown) await textSettles(doc, markdown);
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return doc;
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}

/** Resolves when `doc` holds `text` (or after a short wait, so a slow refresh never blocks the command). */
function textSettles(doc: vscode.TextDocument, text: string, ms = 3000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { listener.dispose(); clearTimeout(timer); resolve(); };
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && doc.getText() === text) done();
    });
    const timer = setTimeout(done, ms);
    if (doc.getText() === text) done();
  });
}
