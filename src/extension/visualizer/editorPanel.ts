// The visualizer in the editor area, where its plots have room: one
// WebviewPanel with the side view's bundle, CSP and protocol, showing the
// same pair. Like the view, it is not kept alive while hidden; it asks for the
// pair again with `ready` when it comes back.
import * as vscode from 'vscode';
import { PANELS } from '../ids';
import { VisualizerConnection, type Log, type SharedPair } from './connection';

export const PANEL_VIEW_TYPE = PANELS.visualizer;

export class VisualizerEditorPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private connection: VisualizerConnection | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly shared: SharedPair,
    private readonly log: Log,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The open panel's link to its webview (read by the integration tests). */
  get webview(): VisualizerConnection | undefined {
    return this.connection;
  }

  /** Opens the panel beside the active editor, or reveals it. */
  open(preserveFocus = false): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      'Loss Visualizer',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      {
        enableScripts: true,
        localResourceRoots: [
          vscode.Uri.joinPath(this.extensionUri, 'dist'),
          vscode.Uri.joinPath(this.extensionUri, 'media'),
        ],
      },
    );
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'visualizer.svg');
    const connection = new VisualizerConnection(panel.webview, this.extensionUri, this.shared, this.log, 'editor');
    const visibility = panel.onDidChangeViewState(() => {
      if (panel.visible) connection.sendPair();
    });
    panel.onDidDispose(() => {
      connection.dispose();
      visibility.dispose();
      if (this.panel === panel) {
        this.panel = undefined;
        this.connection = undefined;
      }
    });
    this.panel = panel;
    this.connection = connection;
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
