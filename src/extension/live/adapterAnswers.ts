// Evaluate answers taken as the debug adapter sends them. A debug session's
// messages reach the extension host first; VS Code hands each to the
// trackers, then forwards it to the workbench, which answers the extension's
// customRequest with another copy. For a part of a live value (1.4 MB of
// base64) that round trip is most of the wait in VS Code, and in a remote
// window (code-server, vscode.dev, SSH) it crosses the network twice. A
// tracker sees the request go out (its seq) and the answer come in, so the
// read resolves from the first copy. VS Code copies the message for the
// workbench only after the trackers have seen it, so the tracker also leaves a
// short note in place of a taken answer's result: the copy that goes to the
// workbench and back is a few dozen bytes, not megabytes (where a host copies
// first, the full copy travels and nothing else changes). Sessions started
// before the extension was activated have no tracker: their reads wait for
// customRequest as before.
import type * as vscode from 'vscode';

/** What a read expects: the evaluate arguments it sends, as the adapter receives them. */
export interface EvaluateArguments {
  expression: string;
  frameId: number;
  context: string;
}

export interface EvaluateBody {
  result: string;
  /** The value's type, where the adapter says it (`double[3]`). */
  type?: string;
  variablesReference?: number;
  /** How many indexed children the value has, where the adapter says it. */
  indexedVariables?: number;
}

/** A DAP message as trackers see it (only the fields read here). */
interface DapMessage {
  type?: string;
  seq?: number;
  request_seq?: number;
  command?: string;
  success?: boolean;
  arguments?: Partial<EvaluateArguments>;
  body?: { result?: unknown };
}

interface Waiter {
  resolve(body: EvaluateBody): void;
}

const RELAYED = 'Entropy Lens took this answer from the debug adapter: ';

/** What the workbench's copy of a taken answer says in place of its result. */
export function relayNote(chars: number): string {
  return `${RELAYED}${chars} characters`;
}

/** Whether a result is that note (the answer itself went to the read that asked for it). */
export function isRelayNote(result: unknown): boolean {
  return typeof result === 'string' && result.startsWith(RELAYED);
}

/** Expected answers are matched by frame, context and expression: requests alike get answers alike. */
const keyOf = (a: Partial<EvaluateArguments> | undefined): string =>
  `${a?.frameId}\u0000${a?.context}\u0000${a?.expression}`;

/** One session's requests in flight and the reads waiting for them. */
export class SessionAnswers {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly sent = new Map<number, Waiter>();
  /** Answers delivered from the adapter's message. */
  taken = 0;

  /** A read is about to send `args`; the promise resolves with the answer's body if it succeeds. */
  expect(args: EvaluateArguments): { answer: Promise<EvaluateBody>; dispose(): void } {
    const key = keyOf(args);
    let waiter!: Waiter;
    const answer = new Promise<EvaluateBody>((resolve) => (waiter = { resolve }));
    const queue = this.waiting.get(key) ?? [];
    queue.push(waiter);
    this.waiting.set(key, queue);
    return {
      answer,
      dispose: () => {
        const q = this.waiting.get(key);
        const i = q?.indexOf(waiter) ?? -1;
        if (i >= 0) q!.splice(i, 1);
        if (q?.length === 0) this.waiting.delete(key);
        for (const [seq, w] of this.sent) if (w === waiter) this.sent.delete(seq);
      },
    };
  }

  /** A message on its way to the adapter (the tracker's onWillReceiveMessage). */
  toAdapter(m: DapMessage): void {
    if (m.type !== 'request' || m.command !== 'evaluate' || typeof m.seq !== 'number') return;
    const key = keyOf(m.arguments);
    const queue = this.waiting.get(key);
    if (!queue) return;
    const waiter = queue.shift()!;
    if (queue.length === 0) this.waiting.delete(key);
    this.sent.set(m.seq, waiter);
  }

  /**
   * A message from the adapter (the tracker's onDidSendMessage). A taken
   * answer's result is replaced in the message by relayNote; a failed answer
   * is left to customRequest, which words its error.
   */
  fromAdapter(m: DapMessage): void {
    if (m.type !== 'response' || typeof m.request_seq !== 'number') return;
    const waiter = this.sent.get(m.request_seq);
    if (!waiter) return;
    this.sent.delete(m.request_seq);
    const body = m.body as EvaluateBody | undefined;
    if (m.success && typeof body?.result === 'string') {
      this.taken++;
      waiter.resolve(body);
      // A new body for the message: the read keeps the one it was given.
      m.body = { ...body, result: relayNote(body.result.length) };
    }
  }
}

/** The tracker factory: one SessionAnswers per debug session while it lasts. */
export class AdapterAnswers implements vscode.DebugAdapterTrackerFactory {
  private readonly sessions = new Map<string, SessionAnswers>();
  private takenByEnded = 0;

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    const answers = new SessionAnswers();
    this.sessions.set(session.id, answers);
    const end = () => {
      if (this.sessions.get(session.id) !== answers) return;
      this.takenByEnded += answers.taken;
      this.sessions.delete(session.id);
    };
    return {
      onWillReceiveMessage: (m: DapMessage) => answers.toAdapter(m),
      onDidSendMessage: (m: DapMessage) => answers.fromAdapter(m),
      onExit: end,
      onError: end,
      onWillStopSession: end,
    };
  }

  /** The session's answers, or undefined when it has no tracker (started before activation, or ended). */
  of(session: vscode.DebugSession): SessionAnswers | undefined {
    return this.sessions.get(session.id);
  }

  /** Answers taken from adapters' messages so far (tests, the output channel). */
  get taken(): number {
    let n = this.takenByEnded;
    for (const s of this.sessions.values()) n += s.taken;
    return n;
  }
}
