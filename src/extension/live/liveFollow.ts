// A live pair opened in the visualizer follows the debugger: at each stop of
// the same session the same expressions are read again in the new frame and
// the visualizer gets the new values, without being revealed or focused.
// Following ends with the session, or once the visualizer shows another pair.
import * as vscode from 'vscode';
import type { PairPayload } from '../../protocol/visualizer';
import type { ComputeKind } from '../commands/types';
import { INTERNAL_COMMANDS } from '../ids';
import { pausedFrame } from './evaluator';
import { computeLive, type LiveDeps } from './liveCompute';
import type { LiveRequest } from './liveCommand';
import type { AdapterAnswers } from './adapterAnswers';

export interface LiveFollowDeps extends Pick<
  LiveDeps,
  'settings' | 'maxElements' | 'log' | 'outcome' | 'prepareOutcome' | 'directParts'
> {
  /** The label of the pair the visualizer shows now, if any. */
  visualizedLabel(): string | undefined;
  /** Evaluate answers taken from the adapters' messages. */
  answers?: AdapterAnswers;
}

interface Followed {
  kind: ComputeKind;
  request: LiveRequest;
  /** The label the visualizer got from here last. */
  label: string;
  stops: number;
}

export class LiveVisualizerFollow implements vscode.Disposable {
  private followed: Followed | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** The read of the latest stop; an older one that finishes late is dropped. */
  private generation = 0;

  constructor(private readonly deps: LiveFollowDeps) {
    this.subscriptions = [
      vscode.debug.onDidChangeActiveStackItem((item) => void this.onStop(item)),
      vscode.debug.onDidTerminateDebugSession((s) => {
        if (this.followed?.request.frame.session.id === s.id) this.followed = undefined;
      }),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }

  /** The live outcome whose pair `payload` was just opened in the visualizer. */
  follow(kind: ComputeKind, request: LiveRequest, payload: PairPayload): void {
    this.followed = { kind, request, label: payload.label ?? '', stops: 0 };
  }

  get following(): boolean {
    return this.followed !== undefined;
  }

  private async onStop(item: vscode.DebugThread | vscode.DebugStackFrame | undefined): Promise<void> {
    const f = this.followed;
    const frame = pausedFrame(item, this.deps.answers);
    if (!f || !frame || frame.session.id !== f.request.frame.session.id) return;
    if (this.deps.visualizedLabel() !== f.label) {
      // The user has put another pair in the visualizer since: that one stays.
      this.followed = undefined;
      return;
    }
    const generation = ++this.generation;
    const names = f.request.expressions.map((e) => e.text).join(', ');
    const outcome = await computeLive(f.kind, frame, f.request.expressions, f.request.languageId, f.request.placement, {
      settings: this.deps.settings,
      maxElements: this.deps.maxElements,
      log: this.deps.log,
      // Nothing interactive at a stop: no partner pick, no slice offer.
      pickPartner: () => Promise.resolve(undefined),
      acceptSlice: () => Promise.resolve(false),
      outcome: this.deps.outcome,
      prepareOutcome: this.deps.prepareOutcome,
      directParts: this.deps.directParts,
    });
    if (generation !== this.generation || this.followed !== f) return;
    if (!outcome.payload) {
      this.deps.log(`visualizer: ${names} at this stop: ${outcome.message} — the pair of the last stop stays`);
      return;
    }
    f.stops++;
    const payload: PairPayload = {
      ...outcome.payload,
      label: `${outcome.payload.label ?? names} · stop ${f.stops + 1}`,
    };
    f.label = payload.label!;
    this.deps.log(`visualizer: ${names} read again at a new stop (${outcome.message})`);
    await vscode.commands.executeCommand(INTERNAL_COMMANDS.updateVisualizer, payload);
  }
}
