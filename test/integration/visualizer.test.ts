// The visualizer's host side in a real VS Code: the command is registered,
// reveals the view (its webview loads and says it is ready) with or without a
// pair, shows the pair it is given, and refuses a malformed pair with a
// message instead of an exception, keeping the pair it showed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './until';

interface PairShown { target: unknown; prediction: unknown; label?: string; source?: { uri: string } }
interface VisualizerHost { readonly isReady: boolean }

function visualizer(): VisualizerHost {
  return vscode.extensions.getExtension<{ visualizer: VisualizerHost }>('entropy-lens.entropy-lens')!.exports.visualizer;
}

/** The pair the host shows: it posts it to the webview now and whenever the webview reloads. */
function shownPair(): PairShown | undefined {
  return (visualizer() as unknown as { pair?: PairShown }).pair;
}

const webviewReady = () => until(() => (visualizer().isReady ? true : undefined), 'the visualizer webview to load and say it is ready', 30_000);

describe('visualizer: command and view', () => {
  it('registers entropyLens.showVisualizer and the view focus command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('entropyLens.showVisualizer'), 'showVisualizer is registered');
    assert.ok(commands.includes('entropyLens.visualizer.focus'), 'the webview view entropyLens.visualizer is contributed');
  });

  it('reveals the view without an argument: its webview loads', async () => {
    await vscode.commands.executeCommand('entropyLens.showVisualizer');
    await webviewReady();
  });

  it('shows a pair (as a hover link sends it: plain JSON) in the view', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'y = [0, 1, 0]\np = [0.2, 0.7, 0.1]\n' });
    await vscode.window.showTextDocument(doc);
    const range = { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } };
    await vscode.commands.executeCommand('entropyLens.showVisualizer', {
      target: [0, 1, 0], prediction: [0.2, 0.7, 0.1], label: 'y vs p',
      source: { uri: doc.uri.toString(), predictionRange: range },
    });
    await webviewReady();
    const shown = shownPair();
    assert.deepEqual([shown?.target, shown?.prediction, shown?.label], [[0, 1, 0], [0.2, 0.7, 0.1], 'y vs p']);
    assert.equal(shown?.source?.uri, doc.uri.toString(), 'the pair keeps its way back to the document');
  });

  it('refuses a malformed pair without throwing and keeps showing the last good one', async () => {
    const before = shownPair();
    assert.ok(before, 'a pair was shown by the test before');
    await vscode.commands.executeCommand('entropyLens.showVisualizer', { target: 'nope', prediction: [1, 2] });
    await vscode.commands.executeCommand('entropyLens.showVisualizer', 42);
    assert.deepEqual(shownPair(), before);
    await webviewReady();
  });
});
