// The WebviewView host of the visualizer (the activity-bar view). The webview
// is not kept alive while hidden (no retainContextWhenHidden): it restores its
// own edits from getState and asks for the pair with `ready`.
import * as vscode from 'vscode';
import { VisualizerConnection, type Log, type SharedPair } from './connection';
import { VIEWS } from '../ids';

export const VIEW_ID = VIEWS.visualizer;

export class VisualizerViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private connection: VisualizerConnection | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly shared: SharedPair,
    private readonly log: Log,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.connection?.dispose();
    this.view = view;
    const connection = new VisualizerConnection(view.webview, this.extensionUri, this.shared, this.log, 'view');
    this.connection = connection;
    this.disposables.push(
      connection,
      view.onDidChangeVisibility(() => {
        if (view.visible) connection.sendPair();
      }),
      view.onDidDispose(() => {
        connection.dispose();
        if (this.view === view) {
          this.view = undefined;
          this.connection = undefined;
        }
      }),
    );
  }

  /** Reveals the view (the pair, if any, is already in the shared state). */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    this.connection?.sendPair();
  }

  /** The view's link to its webview, once resolved (read by the integration tests). */
  get webview(): VisualizerConnection | undefined {
    return this.connection;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
