// The visualizer's registration: the webview view provider for
// `entropyLens.visualizer` and the command `entropyLens.showVisualizer`, which
// reveals the view and optionally shows a {target, prediction, …} pair.
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import { pairFromCommandArgument } from './pairArgument';
import { VIEW_ID, VisualizerViewProvider, type Log } from './provider';

export const SHOW_COMMAND = COMMANDS.showVisualizer;
export { VIEW_ID };

export interface VisualizerHost {
  extensionUri: vscode.Uri;
  subscriptions: { dispose(): unknown }[];
}

const consoleLog: Log = (level, message) => console[level === 'info' ? 'log' : level](`[entropy-lens] ${message}`);

export function registerVisualizer(ctx: VisualizerHost, log: Log = consoleLog): VisualizerViewProvider {
  const provider = new VisualizerViewProvider(ctx.extensionUri, log);
  ctx.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(VIEW_ID, provider),
    vscode.commands.registerCommand(SHOW_COMMAND, async (arg?: unknown) => {
      if (arg === undefined || arg === null) return provider.show();
      const pair = pairFromCommandArgument(arg);
      if (!pair.ok) {
        log('warn', `${SHOW_COMMAND}: ${pair.error}`);
        void vscode.window.showErrorMessage(`Entropy Lens: cannot show this pair in the visualizer — ${pair.error}.`);
        return provider.show();
      }
      return provider.show(pair.value);
    }),
  );
  return provider;
}
