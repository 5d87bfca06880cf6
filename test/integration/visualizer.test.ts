// The visualizer's host side in a real VS Code: the command is registered,
// reveals the view with or without a pair, and a malformed pair is refused
// with a message instead of an exception.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('visualizer: command and view', () => {
  it('registers entropyLens.showVisualizer and the view focus command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('entropyLens.showVisualizer'), 'showVisualizer is registered');
    assert.ok(commands.includes('entropyLens.visualizer.focus'), 'the webview view entropyLens.visualizer is contributed');
  });

  it('reveals the view with a pair (as a hover link sends it: plain JSON)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'y = [0, 1, 0]\np = [0.2, 0.7, 0.1]\n' });
    await vscode.window.showTextDocument(doc);
    const range = { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } };
    await vscode.commands.executeCommand('entropyLens.showVisualizer', {
      target: [0, 1, 0], prediction: [0.2, 0.7, 0.1], label: 'y vs p',
      source: { uri: doc.uri.toString(), predictionRange: range },
    });
  });

  it('reveals the view without an argument', async () => {
    await vscode.commands.executeCommand('entropyLens.showVisualizer');
  });

  it('refuses a malformed pair without throwing', async () => {
    await vscode.commands.executeCommand('entropyLens.showVisualizer', { target: 'nope', prediction: [1, 2] });
    await vscode.commands.executeCommand('entropyLens.showVisualizer', 42);
  });
});
