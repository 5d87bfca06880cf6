// The visualizer's host side in a real VS Code: the side view and the editor
// panel load the webview (its bundle runs under the CSP and says `ready`),
// receive the pair a command sends, follow the next pair, and a malformed pair
// is refused with a message instead of an exception.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PairPayload } from '../../src/protocol/visualizer';
import { until } from './until';

interface Connection {
  isReady: boolean;
  delivered: PairPayload | undefined;
}
interface Visualizer {
  view: { webview: Connection | undefined };
  panel: { isOpen: boolean; webview: Connection | undefined };
  shared: { pair: PairPayload | undefined };
}

const visualizer = (): Visualizer =>
  vscode.extensions.getExtension<{ visualizer: Visualizer }>('entropy-lens.entropy-lens')!.exports.visualizer;

/** Waits until the webview behind `connection()` has said ready and accepted a pair deep-equal to `pair`. */
async function delivered(connection: () => Connection | undefined, pair: PairPayload, where: string): Promise<void> {
  await until(
    () => {
      const c = connection();
      return c?.isReady && JSON.stringify(c.delivered) === JSON.stringify(pair) ? true : undefined;
    },
    `the ${where} webview to receive ${pair.label}`,
    30_000,
  );
}

const panelTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('entropyLens.visualizerPanel'),
    );

async function openPython(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({
    language: 'python',
    content: 'y = [0, 1, 0]\np = [0.2, 0.7, 0.1]\n',
  });
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('visualizer: command and view', () => {
  it('registers entropyLens.showVisualizer and the view focus command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('entropyLens.showVisualizer'), 'showVisualizer is registered');
    assert.ok(commands.includes('entropyLens.openVisualizerInEditor'), 'openVisualizerInEditor is registered');
    assert.ok(
      commands.includes('entropyLens.visualizer.focus'),
      'the webview view entropyLens.visualizer is contributed',
    );
  });

  it('reveals the view with a pair (as a hover link sends it: plain JSON), and the webview receives it', async () => {
    const doc = await openPython();
    const range = { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } };
    const pair: PairPayload = {
      target: [0, 1, 0],
      prediction: [0.2, 0.7, 0.1],
      label: 'y vs p',
      source: { uri: doc.uri.toString(), predictionRange: range },
    };
    await vscode.commands.executeCommand('entropyLens.showVisualizer', pair);
    await delivered(() => visualizer().view.webview, pair, 'side view');
  });

  it('reveals the view without an argument, keeping the pair it has', async () => {
    const before = visualizer().shared.pair;
    await vscode.commands.executeCommand('entropyLens.showVisualizer');
    assert.ok(before, 'a pair was shown before');
    assert.deepEqual(visualizer().shared.pair, before);
    await delivered(() => visualizer().view.webview, before, 'side view');
  });

  it('refuses a malformed pair without throwing, and keeps the pair it has', async () => {
    const before = visualizer().shared.pair;
    await vscode.commands.executeCommand('entropyLens.showVisualizer', { target: 'nope', prediction: [1, 2] });
    await vscode.commands.executeCommand('entropyLens.showVisualizer', 42);
    assert.deepEqual(visualizer().shared.pair, before);
  });
});

describe('visualizer: in the editor area', () => {
  afterEach(async () => {
    await vscode.window.tabGroups.close(panelTabs());
  });

  it('opens as an editor tab beside the code and its webview receives the pair sent with the command', async () => {
    await openPython();
    const codeColumn = vscode.window.activeTextEditor!.viewColumn;
    const pair: PairPayload = { target: [0, 0, 1], prediction: [0.1, 0.3, 0.6], label: 'editor pair' };
    await vscode.commands.executeCommand('entropyLens.openVisualizerInEditor', pair);
    const tabs = await until(() => (panelTabs().length ? panelTabs() : undefined), 'the visualizer tab');
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0]!.label, 'Loss Visualizer');
    assert.notEqual(tabs[0]!.group.viewColumn, codeColumn, 'beside the code, not over it');
    await delivered(() => visualizer().panel.webview, pair, 'editor panel');
  });

  it('follows the pair that "Open in visualizer" sends, without opening a second tab', async () => {
    await vscode.commands.executeCommand('entropyLens.openVisualizerInEditor');
    await until(() => visualizer().panel.webview?.isReady || undefined, 'the visualizer tab to load');
    const next: PairPayload = { target: [1, 0], prediction: [0.9, 0.1], label: 'next pair' };
    await vscode.commands.executeCommand('entropyLens.showVisualizer', next);
    await delivered(() => visualizer().panel.webview, next, 'editor panel');
    assert.equal(panelTabs().length, 1);
  });

  it('closes with its tab', async () => {
    await vscode.commands.executeCommand('entropyLens.openVisualizerInEditor');
    await until(() => (panelTabs().length ? true : undefined), 'the visualizer tab');
    await vscode.window.tabGroups.close(panelTabs());
    await until(() => (visualizer().panel.isOpen ? undefined : true), 'the panel to close');
    assert.equal(visualizer().panel.webview, undefined);
  });
});
