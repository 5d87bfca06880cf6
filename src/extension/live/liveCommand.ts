// When a compute command works on live values, and how it runs: while a debug
// session is paused, a selection that holds no array literal is read as
// expressions of the paused frame, and a variable of the Variables or Watch
// view (the command's argument there) is read by its evaluate name. Reads
// that take longer than PROGRESS_AFTER_MS show a cancellable progress notification.
import * as vscode from 'vscode';
import { findArrays } from '../../parse';
import { failure, type Outcome, type Placement } from '../commands/outcome';
import type { ComputeKind } from '../commands/types';
import { pausedFrame, type PausedFrame } from './evaluator';
import { computeLive, splitExpressions, type LiveDeps, type SelectedExpression } from './liveCompute';
import type { AdapterAnswers } from './adapterAnswers';

/** Reads shorter than this show no notification (it would flash). */
export const PROGRESS_AFTER_MS = 300;

/** What VS Code passes to a `debug/variables/context` (and watch) menu command. */
interface VariablesContext {
  sessionId?: string;
  variable: { name: string; evaluateName?: string; value?: string };
}

function isVariablesContext(arg: unknown): arg is VariablesContext {
  if (typeof arg !== 'object' || arg === null || !('variable' in arg)) return false;
  const v = (arg as { variable: unknown }).variable;
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';
}

/** What a live code lens passes: the loss call's target and prediction, as written. */
export interface LiveExpressionsArgument {
  liveExpressions: string[];
}

function isLiveExpressions(arg: unknown): arg is LiveExpressionsArgument {
  if (typeof arg !== 'object' || arg === null || !('liveExpressions' in arg)) return false;
  const e = (arg as { liveExpressions: unknown }).liveExpressions;
  return Array.isArray(e) && e.length > 0 && e.length <= 2 && e.every((x) => typeof x === 'string' && x.length > 0);
}

export interface LiveRequest {
  frame: PausedFrame;
  expressions: SelectedExpression[];
  languageId: string | undefined;
  placement: Placement;
  /** Where, for the output channel. */
  where: string;
}

/** The live request of a command, or undefined when the command works on literals. */
export function liveRequest(
  editor: vscode.TextEditor | undefined,
  arg: unknown,
  answers?: AdapterAnswers,
): LiveRequest | undefined {
  const frame = pausedFrame(vscode.debug.activeStackItem, answers);
  if (isVariablesContext(arg)) {
    if (!frame || (arg.sessionId !== undefined && arg.sessionId !== frame.session.id)) return undefined;
    const text = arg.variable.evaluateName ?? arg.variable.name;
    return {
      frame,
      expressions: [{ text, start: 0, end: 0 }],
      languageId: editor?.document.languageId,
      placement: { uri: `debug:${text}`, positionAt: () => ({ line: 0, character: 0 }) },
      where: `debug variable ${text}`,
    };
  }
  if (isLiveExpressions(arg)) {
    if (!frame) return undefined;
    const names = arg.liveExpressions.join(', ');
    return {
      frame,
      expressions: arg.liveExpressions.map((text) => ({ text, start: 0, end: 0 })),
      languageId: editor?.document.languageId,
      placement: {
        uri: editor?.document.uri.toString() ?? `debug:${names}`,
        positionAt: () => ({ line: 0, character: 0 }),
      },
      where: `live lens ${names} (paused in ${frame.session.name})`,
    };
  }
  if (!frame || !editor) return undefined;
  const doc = editor.document;
  const selections = editor.selections.filter((s) => !s.isEmpty);
  if (selections.length === 0) return undefined;
  const texts = selections.map((s) => doc.getText(s));
  // A selection with an array literal in it is the literal path's.
  if (texts.some((t) => findArrays(t, doc.languageId).arrays.length > 0)) return undefined;
  const expressions = selections.flatMap((s, i) => splitExpressions(texts[i]!, doc.offsetAt(s.start)));
  if (expressions.length === 0) return undefined;
  return {
    frame,
    expressions,
    languageId: doc.languageId,
    placement: {
      uri: doc.uri.toString(),
      positionAt: (offset) => {
        const p = doc.positionAt(offset);
        return { line: p.line, character: p.character };
      },
    },
    where: `${doc.uri.toString(true)}:${editor.selection.active.line + 1} (paused in ${frame.session.name})`,
  };
}

/** How long a failed read waits to learn whether its session was ending (the adapter answers before it says so). */
export const SESSION_END_GRACE_MS = 300;
/** How long it waits for the session's end once the adapter refuses even a `threads` request (on a loaded machine the end comes late). */
export const SESSION_GONE_WAIT_MS = 3000;

const after = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));

/**
 * Whether a read failed because its session was ending: its end arrives
 * within the grace, or the adapter refuses a `threads` request too, and then
 * the end arrives within a longer wait (a genuine failure still shows after
 * the grace).
 */
async function sessionEnding(session: vscode.DebugSession, ended: Promise<void>): Promise<boolean> {
  const endedTrue = ended.then(() => true as const);
  const gone = Promise.resolve(session.customRequest('threads')).then(
    () => false,
    () => true,
  );
  const first = await Promise.race([
    endedTrue,
    // An answer means nothing yet (js-debug may still answer while it stops): only a refusal counts.
    gone.then((g) => (g ? ('gone' as const) : new Promise<never>(() => undefined))),
    after(SESSION_END_GRACE_MS),
  ]);
  if (first !== 'gone') return first;
  return Promise.race([endedTrue, after(SESSION_GONE_WAIT_MS)]);
}

/**
 * Runs a live computation, with a cancellable progress notification once it
 * takes a while. A session that ends during the read (the user pressed Stop)
 * cancels it: the reads the adapter cut short are not errors to show.
 */
export async function runLive(kind: ComputeKind, request: LiveRequest, deps: LiveDeps): Promise<Outcome> {
  const source = new vscode.CancellationTokenSource();
  const session = request.frame.session;
  let ended: () => void = () => undefined;
  const sessionEnded = new Promise<void>((resolve) => (ended = resolve));
  const endSub = vscode.debug.onDidTerminateDebugSession((s) => {
    if (s.id !== session.id && s.id !== session.parentSession?.id) return;
    ended();
    source.cancel();
  });
  let done = false;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const names = request.expressions.map((e) => e.text).join(', ');
  const timer = setTimeout(() => {
    if (done) return;
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Entropy Lens: reading ${names} from the debugger…`,
        cancellable: true,
      },
      (_progress, token) => {
        token.onCancellationRequested(() => source.cancel());
        return finished;
      },
    );
  }, PROGRESS_AFTER_MS);
  try {
    const outcome = await computeLive(
      kind,
      request.frame,
      request.expressions,
      request.languageId,
      request.placement,
      deps,
      source.token,
    );
    if (outcome.result.ok || outcome.result.code === 'CANCELLED') return outcome;
    const ending = await sessionEnding(session, sessionEnded);
    return ending ? failure(kind, 'CANCELLED', `${session.name} ended during the read`) : outcome;
  } finally {
    done = true;
    clearTimeout(timer);
    finish();
    endSub.dispose();
    source.dispose();
  }
}
