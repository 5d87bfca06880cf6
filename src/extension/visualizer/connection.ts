// One visualizer webview — the side view's or the editor panel's — wired to
// the pair they share: the same bundle, CSP and message validation for both.
// Every webview is an untrusted page: each message is validated, a malformed
// one is logged and dropped, and it may only reveal documents a pair came from.
import * as vscode from 'vscode';
import {
  validateWebviewMessage,
  type HostToWebview,
  type PairPayload,
  type WebviewToHost,
} from '../../protocol/visualizer';
import { copyText, revealRange, saveFigure } from './hostActions';
import { makeNonce, visualizerHtml, type Place } from './html';

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/** The pair every open visualizer shows, and the webviews showing it. */
export class SharedPair {
  pair: PairPayload | undefined;
  /** Documents a webview may ask to reveal: only those whose pairs the host sent. */
  readonly revealable = new Set<string>();
  readonly connections = new Set<VisualizerConnection>();

  set(pair: PairPayload): void {
    this.pair = pair;
    if (pair.source) this.revealable.add(pair.source.uri);
    for (const c of this.connections) c.sendPair();
  }
}

export class VisualizerConnection implements vscode.Disposable {
  private ready = false;
  /** The pair the webview last accepted from the host (postMessage resolved true). */
  delivered: PairPayload | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    extensionUri: vscode.Uri,
    private readonly shared: SharedPair,
    private readonly log: Log,
    place: Place,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    webview.html = visualizerHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'visualizer.css')).toString(),
      place,
    });
    this.subscription = webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    shared.connections.add(this);
  }

  get isReady(): boolean {
    return this.ready;
  }

  sendPair(): void {
    const pair = this.shared.pair;
    if (pair)
      this.post({ type: 'showPair', pair }, () => {
        this.delivered = pair;
      });
  }

  private post(msg: HostToWebview, onDelivered?: () => void): void {
    if (!this.ready) return;
    this.webview.postMessage(msg).then(
      (ok) => {
        if (ok) onDelivered?.();
      },
      () => {
        /* the webview went away */
      },
    );
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
        if (!this.shared.revealable.has(msg.uri)) {
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
    this.shared.connections.delete(this);
    this.subscription.dispose();
  }
}
