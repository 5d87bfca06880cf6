// The compute commands (cross-entropy, KL divergence, entropy) and the
// per-element breakdown, registered on the running extension. Each compute
// command returns its plain result to `executeCommand` callers and shows it to
// the user: an information message with Show breakdown / Copy / Open in
// visualizer, a line in the "Entropy Lens" output channel, or an error that
// says what is wrong and where. Nothing here ever edits a document.
import * as vscode from 'vscode';
import type { Config } from '../config';
import { COMMANDS } from '../ids';
import { breakdownMarkdown, breakdownTitle, type BreakdownSubject } from './breakdownMarkdown';
import { BreakdownDocuments, BREAKDOWN_SCHEME } from './breakdownDocuments';
import { BreakdownPanels } from './breakdownPanels';
import { computeInEditor, type ComputeDeps } from './computeInEditor';
import { asCell, computeInCell, focusedCell } from './computeInCell';
import type { Outcome } from './outcome';
import type { PairPayload } from '../../protocol/visualizer';
import { subjectFromPayload } from './payloadSubject';
import type { ComputeKind, ComputeResult, ComputeSettings } from './types';
import { liveRequest, runLive, type LiveRequest } from '../live/liveCommand';
import type { LiveDeps } from '../live/liveCompute';
import type { AdapterAnswers } from '../live/adapterAnswers';

export { BREAKDOWN_SCHEME };
export type { ComputeResult } from './types';

export interface CommandsHost {
  register<T extends vscode.Disposable>(d: T): T;
  /** Where media/breakdown.css is. */
  extensionUri: vscode.Uri;
  config: Config;
  /** Writes a line to the extension's output channel (owned by the caller). */
  log(line: string): void;
  /** Builds a live outcome (large values on the compute worker); on this thread without it. */
  liveOutcome?: LiveDeps['outcome'];
  /** A value of this many values is about to be read (the compute worker starts meanwhile). */
  prepareLiveOutcome?: LiveDeps['prepareOutcome'];
  /** A JavaScript value's parts without the DAP round trip (live/cdpProxy.ts). */
  liveDirectParts?: LiveDeps['directParts'];
  /** A live result's pair was opened in the visualizer (it may follow the debugger's stops). */
  onLiveVisualized?(kind: ComputeKind, request: LiveRequest, payload: PairPayload): void;
  /** Evaluate answers taken from the adapters' messages. */
  adapterAnswers?: AdapterAnswers;
}

/** What showBreakdown returns: the URI of the breakdown's Markdown (shown rendered in a panel), or why not. */
export type BreakdownResult = { ok: true; uri: string; title: string } | { ok: false; error: string };

/** The command that computes each kind. */
const COMPUTE_COMMANDS: Record<ComputeKind, string> = {
  crossEntropy: COMMANDS.computeCrossEntropy,
  klDivergence: COMMANDS.computeKlDivergence,
  entropy: COMMANDS.computeEntropy,
};

const ACTIONS = { breakdown: 'Show breakdown', copy: 'Copy', visualizer: 'Open in visualizer' } as const;

export function registerComputeCommands(host: CommandsHost): void {
  const documents = host.register(new BreakdownDocuments());
  host.register(vscode.workspace.registerTextDocumentContentProvider(BREAKDOWN_SCHEME, documents));
  const panels = host.register(new BreakdownPanels(host.extensionUri, COMMANDS.copyBreakdownAsMarkdown));
  let last: BreakdownSubject | undefined;

  const settings = (): ComputeSettings => ({ unit: host.config.unit, eps: host.config.eps });
  const deps: ComputeDeps = {
    settings,
    limits: () => host.config.limits,
    pickPartner: (items, placeHolder) =>
      vscode.window.showQuickPick(
        items.map((i) => ({ ...i })),
        { placeHolder, matchOnDescription: true, matchOnDetail: true },
      ),
  };
  const liveDeps: LiveDeps = {
    settings,
    maxElements: () => host.config.liveMaxElements,
    log: (line) => log(line),
    pickPartner: deps.pickPartner,
    acceptSlice: (message, action) => vscode.window.showWarningMessage(message, action).then((a) => a === action),
    outcome: host.liveOutcome,
    prepareOutcome: host.prepareLiveOutcome,
    directParts: host.liveDirectParts,
  };
  const log = (line: string) => host.log(line);

  const openBreakdown = async (subject: BreakdownSubject) => {
    const title = breakdownTitle(subject);
    const markdown = breakdownMarkdown(subject);
    const uri = documents.store(title, markdown);
    panels.show(uri, title, markdown);
    return { ok: true as const, uri: uri.toString(), title };
  };

  const act = async (action: string | undefined, outcome: Outcome, kind: ComputeKind, live?: LiveRequest) => {
    if (action === ACTIONS.breakdown && outcome.subject) await openBreakdown(outcome.subject);
    else if (action === ACTIONS.copy && outcome.copy) {
      await vscode.env.clipboard.writeText(outcome.copy);
      vscode.window.setStatusBarMessage('Entropy Lens: result copied as Markdown', 3000);
    } else if (action === ACTIONS.visualizer && outcome.payload) {
      await vscode.commands.executeCommand(COMMANDS.showVisualizer, outcome.payload);
      if (live) host.onLiveVisualized?.(kind, live, outcome.payload);
    }
  };

  // Shows an outcome without waiting for the user: the command's promise
  // resolves with the result at once, the buttons act whenever clicked.
  const present = (kind: ComputeKind, outcome: Outcome, where: string, live?: LiveRequest) => {
    log(`${kind} ${where}: ${outcome.message}`);
    const { result } = outcome;
    if (result.ok) {
      last = outcome.subject;
      const actions: string[] = [ACTIONS.breakdown, ACTIONS.copy];
      if (outcome.payload) actions.push(ACTIONS.visualizer);
      void vscode.window
        .showInformationMessage(outcome.message, ...actions)
        .then((a) => act(a, outcome, kind, live), report);
    } else if (outcome.offer) {
      const { offer, accept } = outcome.offer;
      void vscode.window.showWarningMessage(outcome.message, offer.action).then((a) => {
        if (a === offer.action) present(kind, accept(), where, live);
      }, report);
    } else if (result.code !== 'CANCELLED') {
      void vscode.window.showErrorMessage(outcome.message);
    }
  };

  const report = (e: unknown) => {
    log(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void vscode.window.showErrorMessage(`Entropy Lens: ${e instanceof Error ? e.message : String(e)}`);
  };

  // `arg`: the notebook cell a cell toolbar or context menu item passes (a focused
  // cell is read the same way), or a variable from the Variables or Watch view.
  const compute = async (kind: ComputeKind, arg?: unknown): Promise<ComputeResult> => {
    const given = asCell(arg);
    const editor = vscode.window.activeTextEditor;
    // While a debug session is paused, selected expressions are read from the paused frame.
    const live = given ? undefined : liveRequest(editor, arg, host.adapterAnswers);
    const inCell = given ? { cell: given, editor: undefined } : live ? undefined : focusedCell();
    const where = live
      ? live.where
      : inCell
        ? `${inCell.cell.notebook.uri.toString(true)} cell ${inCell.cell.index + 1}`
        : editor
          ? `${editor.document.uri.toString(true)}:${editor.selection.active.line + 1}`
          : '(no editor)';
    try {
      const outcome = live
        ? await runLive(kind, live, liveDeps)
        : ((inCell && (await computeInCell(inCell.cell, inCell.editor, kind, deps))) ??
          (await computeInEditor(editor, kind, deps)));
      present(kind, outcome, where, live);
      return outcome.result;
    } catch (e) {
      // A bug must not surface as an unhandled command error; the log keeps the stack.
      report(e);
      return { ok: false, kind, code: 'INTERNAL', error: e instanceof Error ? e.message : String(e) };
    }
  };

  for (const kind of ['crossEntropy', 'klDivergence', 'entropy'] as const) {
    host.register(vscode.commands.registerCommand(COMPUTE_COMMANDS[kind], (arg?: unknown) => compute(kind, arg)));
  }

  host.register(
    vscode.commands.registerCommand(COMMANDS.showBreakdown, async (arg?: unknown): Promise<BreakdownResult> => {
      try {
        let subject: BreakdownSubject | undefined = last;
        if (arg !== undefined && arg !== null) {
          const from = subjectFromPayload(arg, settings());
          if (!from.ok) {
            void vscode.window.showErrorMessage(`Entropy Lens: cannot show the breakdown: ${from.error}`);
            return { ok: false, error: from.error };
          }
          subject = from.subject;
        }
        if (!subject) {
          const error =
            'there is no result yet: select a target and a prediction and run "Entropy Lens: Compute cross-entropy", or click a code lens';
          void vscode.window.showInformationMessage(`Entropy Lens: ${error}`);
          return { ok: false, error };
        }
        // The analysis holds both units: the breakdown follows the unit setting as it is now.
        return await openBreakdown({ ...subject, unit: settings().unit });
      } catch (e) {
        report(e);
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );

  // The panel's title-bar button and its in-page link; a URI argument names the breakdown.
  host.register(
    vscode.commands.registerCommand(COMMANDS.copyBreakdownAsMarkdown, async (arg?: unknown): Promise<boolean> => {
      const uri = typeof arg === 'string' ? arg : panels.current;
      const markdown = uri === undefined ? undefined : documents.markdownOf(uri);
      if (markdown === undefined) {
        void vscode.window.showInformationMessage('Entropy Lens: there is no breakdown to copy: show one first.');
        return false;
      }
      await vscode.env.clipboard.writeText(markdown);
      vscode.window.setStatusBarMessage('Entropy Lens: breakdown copied as Markdown', 3000);
      return true;
    }),
  );
}
