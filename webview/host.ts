// The webview's side of the channel: acquireVsCodeApi once, post typed
// messages, validate every message that arrives (drop and log the rest).
import { validateHostMessage, type HostToWebview, type WebviewToHost } from '../src/protocol/visualizer';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export class HostChannel {
  private readonly api: VsCodeApi;

  constructor(onMessage: (msg: HostToWebview) => void) {
    this.api = acquireVsCodeApi();
    window.addEventListener('message', (event: MessageEvent) => {
      const checked = validateHostMessage(event.data);
      if (!checked.ok) {
        console.warn(`[entropy-lens] dropped a malformed message from the host: ${checked.error}`);
        this.post({ type: 'log', level: 'warn', message: `webview dropped a malformed message: ${checked.error}` });
        return;
      }
      onMessage(checked.value);
    });
  }

  post(msg: WebviewToHost): void {
    this.api.postMessage(msg);
  }

  getState(): unknown {
    return this.api.getState();
  }

  setState(state: unknown): void {
    this.api.setState(state);
  }
}
