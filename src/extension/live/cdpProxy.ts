// The parts of a large value from VS Code's JavaScript debugger read over
// its CDP proxy (`extension.js-debug.requestCDPProxy`, a WebSocket on this
// machine that forwards the Chrome DevTools Protocol to the paused target):
// each answer comes from the program to this extension host in one hop,
// where an `evaluate` answer is re-encoded by js-debug as a DAP message, read
// back by VS Code's adapter stream and relayed to the workbench. Only in the
// Node extension host (a WebSocket to 127.0.0.1); everything else keeps the
// DAP path, and so does any part the proxy fails on, so its errors are the
// adapter's words.
import * as vscode from 'vscode';
import WebSocket from 'ws';
import type { PausedFrame } from './evaluator';
import { cdpCallFrame, type CdpCallFrame, type DapStackFrame } from './cdpCallFrame';

/** An expression evaluated in the paused frame: its string value, or undefined where the DAP path must answer. */
export interface PartChannel {
  evaluate(expression: string): Promise<string | undefined>;
  dispose(): void;
}

interface CdpAnswer {
  id?: number;
  method?: string;
  params?: { callFrames?: CdpCallFrame[] };
  result?: { result?: { type?: string; value?: unknown }; exceptionDetails?: unknown };
  error?: { message?: string };
}

/** How long the proxy may take to be found, connected and to say where the program is paused. */
const OPEN_TIMEOUT_MS = 5_000;

/** The largest message accepted: a part's payload is 1.4 MB of base64 (transfer.ts's PART_BYTES). */
const MAX_MESSAGE_BYTES = 2 ** 26;

/** Channels to js-debug's CDP proxy, one per read of a value in parts. */
export class CdpProxyParts {
  /** Whether this extension host can reach the proxy (a Node host: a WebSocket to 127.0.0.1). */
  static readonly available = typeof process !== 'undefined' && !!process.versions?.node;

  /** Expressions the proxy answered (tests read how many). */
  answered = 0;

  /** A channel to the CDP proxy of the frame's session, on its paused call frame; undefined where there is none. */
  readonly open = async (frame: PausedFrame, log?: (line: string) => void): Promise<PartChannel | undefined> => {
    const channel = await openChannel(frame, log);
    if (!channel) return undefined;
    return {
      evaluate: async (expression) => {
        const value = await channel.evaluate(expression);
        if (value !== undefined) this.answered++;
        return value;
      },
      dispose: () => channel.dispose(),
    };
  };
}

async function openChannel(frame: PausedFrame, log?: (line: string) => void): Promise<PartChannel | undefined> {
  if (!CdpProxyParts.available || frame.threadId === undefined) return undefined;
  let socket: WebSocket | undefined;
  // The frame's place in the stack is asked for meanwhile (each is a round trip through the workbench).
  const stack = Promise.resolve(
    frame.session.customRequest('stackTrace', { threadId: frame.threadId, startFrame: 0 }) as Thenable<{
      stackFrames?: DapStackFrame[];
    }>,
  );
  stack.catch(() => undefined);
  try {
    const address = await vscode.commands.executeCommand<{ host?: string; port?: number; path?: string } | undefined>(
      'extension.js-debug.requestCDPProxy',
      frame.session.id,
    );
    if (!address?.host || !address.port) return undefined;
    socket = new WebSocket(`ws://${address.host}:${address.port}${address.path ?? ''}`, {
      // js-debug's server offers per-message deflate; compressing each part costs more than it saves on a local socket.
      perMessageDeflate: false,
      maxPayload: MAX_MESSAGE_BYTES,
      handshakeTimeout: OPEN_TIMEOUT_MS,
    });
    const channel = new CdpChannel(socket);
    await channel.opened;
    // Enabling the Debugger domain replays the pause the target is in, with its call frames.
    const enabled = await withTimeout(channel.send('Debugger.enable', {}), OPEN_TIMEOUT_MS);
    const paused = channel.paused;
    if (!enabled || enabled.error || !paused) return channel.closed();
    const callFrame = cdpCallFrame((await stack)?.stackFrames ?? [], frame.frameId, paused);
    if (!callFrame) return channel.closed();
    log?.(`reading parts over js-debug's CDP proxy (call frame ${callFrame.functionName || '<anonymous>'})`);
    return channel.on(callFrame.callFrameId);
  } catch {
    socket?.terminate();
    return undefined;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** CDP requests over the proxy's WebSocket, matched to their answers by id. */
class CdpChannel {
  readonly opened: Promise<void>;
  /** The call frames of the replayed `Debugger.paused`. */
  paused: CdpCallFrame[] | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, (a: CdpAnswer | undefined) => void>();

  constructor(private readonly socket: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.on('error', () => undefined);
    socket.on('message', (data) => {
      let a: CdpAnswer;
      try {
        a = JSON.parse(data.toString()) as CdpAnswer;
      } catch {
        return;
      }
      if (a.method === 'Debugger.paused') this.paused = a.params?.callFrames;
      else if (a.id !== undefined) {
        this.waiting.get(a.id)?.(a);
        this.waiting.delete(a.id);
      }
    });
    // A closed proxy (the session ended) leaves its requests to the DAP path.
    socket.on('close', () => {
      for (const done of this.waiting.values()) done(undefined);
      this.waiting.clear();
    });
  }

  send(method: string, params: object): Promise<CdpAnswer | undefined> {
    if (this.socket.readyState !== WebSocket.OPEN) return Promise.resolve(undefined);
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  closed(): undefined {
    this.socket.close();
    return undefined;
  }

  on(callFrameId: string): PartChannel {
    return {
      evaluate: async (expression) => {
        const a = await this.send('Debugger.evaluateOnCallFrame', {
          callFrameId,
          expression,
          returnByValue: true,
          silent: true,
        });
        const value = a?.result?.result?.value;
        return a?.result?.exceptionDetails === undefined && typeof value === 'string' ? value : undefined;
      },
      dispose: () => this.socket.close(),
    };
  }
}
