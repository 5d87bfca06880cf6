// The visualizer's registration: the webview view `entropyLens.visualizer`,
// its editor-area panel, and the commands `entropyLens.showVisualizer` (reveal
// the visualizer, optionally with a {target, prediction, …} pair) and
// `entropyLens.openVisualizerInEditor` (the same in an editor tab). Both
// webviews show the one shared pair.
import * as vscode from 'vscode';
import { COMMANDS, INTERNAL_COMMANDS } from '../ids';
import { SharedPair, type Log } from './connection';
import { VisualizerEditorPanel } from './editorPanel';
import { pairFromCommandArgument } from './pairArgument';
import { VIEW_ID, VisualizerViewProvider } from './provider';

export const SHOW_COMMAND = COMMANDS.showVisualizer;
export const OPEN_IN_EDITOR_COMMAND = COMMANDS.openVisualizerInEditor;
export { VIEW_ID };

export interface VisualizerHost {
  extensionUri: vscode.Uri;
  subscriptions: { dispose(): unknown }[];
}

export interface Visualizer {
  view: VisualizerViewProvider;
  panel: VisualizerEditorPanel;
  shared: SharedPair;
}

const consoleLog: Log = (level, message) => console[level === 'info' ? 'log' : level](`[entropy-lens] ${message}`);

export function registerVisualizer(ctx: VisualizerHost, log: Log = consoleLog): Visualizer {
  const shared = new SharedPair();
  const view = new VisualizerViewProvider(ctx.extensionUri, shared, log);
  const panel = new VisualizerEditorPanel(ctx.extensionUri, shared, log);

  /** Takes a command's optional pair argument into the shared state; a malformed one is refused with a message. */
  const accept = (command: string, arg: unknown): void => {
    if (arg === undefined || arg === null) return;
    const pair = pairFromCommandArgument(arg);
    if (pair.ok) {
      shared.set(pair.value);
      return;
    }
    log('warn', `${command}: ${pair.error}`);
    void vscode.window.showErrorMessage(`Entropy Lens: cannot show this pair in the visualizer — ${pair.error}.`);
  };

  ctx.subscriptions.push(
    view,
    panel,
    vscode.window.registerWebviewViewProvider(VIEW_ID, view),
    vscode.commands.registerCommand(SHOW_COMMAND, async (arg?: unknown) => {
      accept(SHOW_COMMAND, arg);
      // Once the user has the visualizer in an editor tab, pairs go there rather than to the side bar.
      if (panel.isOpen) panel.open(true);
      else await view.reveal();
    }),
    vscode.commands.registerCommand(OPEN_IN_EDITOR_COMMAND, (arg?: unknown) => {
      accept(OPEN_IN_EDITOR_COMMAND, arg);
      panel.open();
    }),
    // A new pair for whichever visualizer is open, without taking the side bar or focus.
    vscode.commands.registerCommand(INTERNAL_COMMANDS.updateVisualizer, (arg?: unknown) =>
      accept(INTERNAL_COMMANDS.updateVisualizer, arg),
    ),
  );
  return { view, panel, shared };
}
