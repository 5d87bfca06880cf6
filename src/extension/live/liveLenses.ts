// While a debug session is paused, a code lens above each loss call of the
// paused function: what the call is about to return with the frame's values
// (`live F.cross_entropy → 0.417 (PyTorch, float32) · H(p,q) = 0.417 nats …`).
// Lenses are listed at once; each reads its two arguments only when VS Code
// resolves it (it is on screen), once per stop. Clicking runs Compute
// cross-entropy on the same two expressions (figures, breakdown, copy, visualizer).
import * as vscode from 'vscode';
import type { ComputeSettings } from '../commands/types';
import { COMMANDS } from '../ids';
import { pausedFrame, type LiveRead, type PausedFrame } from './evaluator';
import { readTogether } from './readTogether';
import { liveCalls, type LiveCall } from './liveCalls';
import { liveCallFigures } from './liveCallFigures';
import type { LiveExpressionsArgument } from './liveCommand';
import type { AdapterAnswers } from './adapterAnswers';

/** A lens reads at most this many values per argument (a lens must not hold up the editor); above, a click reads them. */
export const LENS_MAX_ELEMENTS = 100_000;
/** Documents longer than this get no live lenses (the scan for calls is linear, but a lens row per call is not useful there). */
const MAX_TEXT = 2_000_000;

export interface LiveLensDeps {
  enabled(languageId: string): boolean;
  settings(): ComputeSettings;
  maxElements(): number;
  log(line: string): void;
  /** Evaluate answers taken from the adapters' messages. */
  answers?: AdapterAnswers;
}

class LiveLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly live: LiveCall,
    readonly frame: PausedFrame,
    readonly doc: vscode.TextDocument,
    readonly stop: number,
  ) {
    super(range);
  }
}

interface StackFrame {
  id: number;
  line: number;
  source?: { path?: string };
}

/** Where the frame is paused: its file and 0-based line (a `stackTrace` request). */
async function frameLocation(
  frame: PausedFrame,
  threadId: number,
): Promise<{ path: string; line: number } | undefined> {
  try {
    const r = (await frame.session.customRequest('stackTrace', { threadId, startFrame: 0, levels: 64 })) as {
      stackFrames?: StackFrame[];
    };
    const f = r.stackFrames?.find((s) => s.id === frame.frameId);
    return f?.source?.path ? { path: f.source.path, line: f.line - 1 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the adapter's source path is the document. Through a remote
 * workbench (code-server, vscode.dev) the path comes back as a URI
 * (`vscode-remote://host/tmp/program.py`).
 */
function isDocument(path: string, doc: vscode.Uri): boolean {
  const asPath = /^[a-zA-Z][\w+.-]+:\/\//.test(path) ? vscode.Uri.parse(path).path : path;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\/?([a-z]):/i, (_, d: string) => `${d.toLowerCase()}:`);
  return norm(asPath) === norm(doc.fsPath) || norm(asPath) === norm(doc.path);
}

export class LiveLossLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Counts stops: a lens resolved after the next stop reads nothing. */
  private stop = 0;
  private readonly titles = new Map<string, Promise<vscode.Command>>();
  /** Where this stop is paused: asked once per stop, not once per document. */
  private location: { stop: number; at: Promise<{ path: string; line: number } | undefined> } | undefined;

  constructor(private readonly deps: LiveLensDeps) {
    this.subscriptions.push(
      vscode.debug.onDidChangeActiveStackItem(() => this.refresh()),
      vscode.debug.onDidTerminateDebugSession(() => this.refresh()),
    );
  }

  /** A new stop, the end of a session or a settings change: every lens is listed and read again. */
  refresh(): void {
    this.stop++;
    this.titles.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const item = vscode.debug.activeStackItem;
    const frame = pausedFrame(item, this.deps.answers);
    if (!frame || !item || !('threadId' in item) || !this.deps.enabled(doc.languageId)) return [];
    const text = doc.getText();
    if (text.length > MAX_TEXT) return [];
    const stop = this.stop;
    if (this.location?.stop !== stop) this.location = { stop, at: frameLocation(frame, item.threadId) };
    const at = await this.location.at;
    if (!at || token.isCancellationRequested || stop !== this.stop) return [];
    if (!isDocument(at.path, doc.uri)) return [];
    const { calls, skipped } = liveCalls(text, at.line);
    for (const s of skipped)
      this.deps.log(`live lens: ${s.call.callee} at line ${doc.positionAt(s.call.start).line + 1}: ${s.reason}`);
    return calls.map((live) => {
      const p = doc.positionAt(live.lineStart);
      return new LiveLens(new vscode.Range(p, p), live, frame, doc, stop);
    });
  }

  async resolveCodeLens(lens: vscode.CodeLens): Promise<vscode.CodeLens> {
    if (!(lens instanceof LiveLens)) return lens;
    const key = `${lens.stop}:${lens.doc.uri.toString()}:${lens.doc.version}:${lens.live.call.start}`;
    let command = this.titles.get(key);
    if (!command) {
      command = this.command(lens);
      if (lens.stop === this.stop) this.titles.set(key, command);
    }
    lens.command = await command;
    return lens;
  }

  private async command(lens: LiveLens): Promise<vscode.Command> {
    const { live, frame, doc } = lens;
    const click: vscode.Command = {
      title: '',
      command: COMMANDS.computeCrossEntropy,
      arguments: [{ liveExpressions: [live.target, live.prediction] } satisfies LiveExpressionsArgument],
      tooltip: `Entropy Lens: compute the cross-entropy of ${live.target}, ${live.prediction} in the paused frame`,
    };
    if (lens.stop !== this.stop) return { ...click, title: '$(debug-pause) live: the program has moved on' };
    const maxElements = Math.min(LENS_MAX_ELEMENTS, this.deps.maxElements());
    const options = { maxElements, log: this.deps.log };
    const head = `$(debug-pause) live ${live.call.callee}`;
    const failed = (r: Extract<LiveRead, { ok: false }>): vscode.Command => ({
      ...click,
      title:
        r.code === 'TOO_LARGE'
          ? `${head}: \`${r.expression}\` holds ${r.probe?.elements.toLocaleString('en-US') ?? 'too many'} values, more than a lens reads: click to compute`
          : `${head}: ${r.error}`,
    });
    // Both at once, the first to fail stopping the other (a lens reads at most 10^5 values each).
    const reads = await readTogether(frame, [live.target, live.prediction], doc.languageId, options);
    if (!Array.isArray(reads)) return failed(reads);
    const [target, prediction] = reads as [LiveRead, LiveRead];
    if (!target.ok) return failed(target);
    if (!prediction.ok) return failed(prediction);
    const figures = liveCallFigures(live, target.value, prediction.value, this.deps.settings(), {
      uri: doc.uri.toString(),
      text: doc.getText(),
      positionAt: (offset) => {
        const p = doc.positionAt(offset);
        return { line: p.line, character: p.character };
      },
    });
    return { ...click, title: figures.title };
  }
}
