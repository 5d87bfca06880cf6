// The breakdown, rendered: one read-only webview panel per breakdown URI, in
// the editor area beside the code. The page has no scripts (its only action is
// a `command:` link allowed for the copy command alone) and takes its colours
// from the theme's --vscode-* variables (media/breakdown.css).
import * as vscode from 'vscode';
import { PANELS } from '../ids';
import { breakdownPage } from './breakdownHtml';

export const BREAKDOWN_VIEW_TYPE = PANELS.breakdown;

export class BreakdownPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private lastActive: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly copyCommand: string,
  ) {}

  /** Shows `markdown` rendered in the panel of `uri`, opening it beside the editor or refreshing it. */
  show(uri: vscode.Uri, title: string, markdown: string): vscode.WebviewPanel {
    const key = uri.toString();
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    let panel = this.panels.get(key);
    if (panel) {
      panel.reveal(undefined, true);
    } else {
      panel = vscode.window.createWebviewPanel(
        BREAKDOWN_VIEW_TYPE,
        `Breakdown ${title}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: false,
          enableCommandUris: [this.copyCommand],
          localResourceRoots: [media],
        },
      );
      const opened = panel;
      this.panels.set(key, opened);
      opened.onDidChangeViewState(() => {
        if (opened.active) this.lastActive = key;
      });
      opened.onDidDispose(() => {
        if (this.panels.get(key) === opened) this.panels.delete(key);
      });
    }
    this.lastActive = key;
    panel.webview.html = breakdownPage({
      cspSource: panel.webview.cspSource,
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'breakdown.css')).toString(),
      title,
      markdown,
      copyCommandUri: `command:${this.copyCommand}?${encodeURIComponent(JSON.stringify([key]))}`,
    });
    return panel;
  }

  /** The URI of the breakdown the user looked at last (the active panel, or the last one shown). */
  get current(): string | undefined {
    for (const [key, panel] of this.panels) if (panel.active) return key;
    return this.lastActive && this.panels.has(this.lastActive) ? this.lastActive : undefined;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
