// The breakdowns' Markdown, kept by URI (`entropy-lens:`): what the rendered
// panel shows, what *Copy as Markdown* copies, and a read-only virtual document
// for anyone who opens the URI. A content provider works in the Node and the
// web extension host alike and never touches the file system.
import * as vscode from 'vscode';

export const BREAKDOWN_SCHEME = 'entropy-lens';

/** Breakdowns kept for re-reading (a reopened tab); older ones are dropped to bound memory. */
const KEEP = 20;

export class BreakdownDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.contents.get(uri.toString()) ??
      '# Entropy Lens\n\nThis breakdown is no longer kept: run "Entropy Lens: Compute cross-entropy" again.\n'
    );
  }

  /** One URI per title, so computing the same pair again refreshes its tab instead of opening another. */
  uriFor(title: string): vscode.Uri {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
    const name = title.replace(/[\\/:*?"<>|#%\u0000-\u001f]/g, '_').slice(0, 80);
    return vscode.Uri.from({ scheme: BREAKDOWN_SCHEME, path: `/Breakdown ${name}.md` });
  }

  /** Keeps `markdown` as the breakdown titled `title` and returns its URI. */
  store(title: string, markdown: string): vscode.Uri {
    const uri = this.uriFor(title);
    const key = uri.toString();
    this.contents.delete(key);
    this.contents.set(key, markdown);
    while (this.contents.size > KEEP) this.contents.delete(this.contents.keys().next().value!);
    this.changed.fire(uri); // a document opened on it re-reads it
    return uri;
  }

  /** The Markdown kept for `uri`, if it still is. */
  markdownOf(uri: string): string | undefined {
    return this.contents.get(uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
