// The WebviewView host of the visualizer. It owns the last pair shown and sends
// it whenever the webview (re)loads — the webview is not kept alive while
// hidden (no retainContextWhenHidden), it restores its own edits from
// getState and asks for the pair with `ready`.
import * as vscode from 'vscode';
import { validateWebviewMessage, type HostToWebview, type PairPayload, type WebviewToHost } from '../../protocol/visualizer';
import { VIEWS } from '../ids';
import { copyText, revealRange, saveFigure } from './hostActions';
import { makeNonce, visualizerHtml } from './html';

export const VIEW_ID = VIEWS.visualizer;

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

export class VisualizerViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private pair: PairPayload | undefined;
  /** Documents the webview may ask to reveal: only those whose pairs the host sent. */
  private readonly revealable = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: Log) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    view.webview.html = visualizerHtml({
      cspSource: view.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'visualizer.css')).toString(),
    });
    this.disposables.push(
      view.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      view.onDidChangeVisibility(() => { if (view.visible) this.sendPair(); }),
      view.onDidDispose(() => { if (this.view === view) { this.view = undefined; this.ready = false; } }),
    );
  }

  /** Reveals the view and, if given, shows the pair in it. */
  async show(pair?: PairPayload): Promise<void> {
    if (pair) {
      this.pair = pair;
      if (pair.source) this.revealable.add(pair.source.uri);
    }
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    this.sendPair();
  }

  get isReady(): boolean { return this.ready; }

  private sendPair(): void {
    if (this.pair) this.post({ type: 'showPair', pair: this.pair });
  }

  private post(msg: HostToWebview): void {
    if (this.view && this.ready) void this.view.webview.postMessage(msg);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      this.log('warn', `visualizer: dropped a malformed message from the webview: ${checked.error}`);
      return;
    }
    const msg: WebviewToHost = checked.value;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.sendPair();
        return;
      case 'saveFigure': {
        const r = await saveFigure(msg.format, msg.format === 'svg' ? msg.svg : msg.pngBase64, msg.suggestedName);
        this.post({ type: 'exportResult', format: msg.format, ...r });
        return;
      }
      case 'copyData': {
        const r = await copyText(msg.text, msg.format === 'csv' ? 'CSV' : 'a Markdown table');
        this.post({ type: 'copyResult', format: msg.format, ...r });
        return;
      }
      case 'reveal':
        if (!this.revealable.has(msg.uri)) {
          this.log('warn', `visualizer: refused to reveal ${msg.uri}, which no pair came from`);
          return;
        }
        try {
          await revealRange(vscode.Uri.parse(msg.uri, true), msg.range);
        } catch (e) {
          this.log('error', `visualizer: could not reveal ${msg.uri}: ${(e as Error).message}`);
        }
        return;
      case 'log':
        this.log(msg.level, `visualizer webview: ${msg.message}`);
        return;
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
