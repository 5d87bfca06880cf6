// A large document (above the size the finder reads on the extension host's
// thread) is read by the finder's worker thread: its code lenses and hovers
// still arrive, and an edit is reflected after the next read.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from './until';

const block = (i: number) =>
  `y_true_${i} = [0, 1, 0]\ny_pred_${i} = [0.2, 0.7, 0.1]\nloss_${i} = log_loss(y_true_${i}, y_pred_${i})\n`;
// About 380 KB (above the 256 KB from which the finder runs on its worker) and
// 8 000 arrays (below the default cap of 10 000, above which the features step back).
const TEXT = Array.from({ length: 4_000 }, (_, i) => block(i)).join('');

async function lensTitles(doc: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 50);
  return lenses.map((l) => l.command?.title ?? '').filter((t) => t.includes('H(p,q)'));
}

describe('a large document (read by the finder on a worker thread)', () => {
  it('gets code lenses and a hover, and follows an edit', async () => {
    assert.ok(TEXT.length > 300_000, `the document is ${TEXT.length} characters`);
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: TEXT });
    await vscode.window.showTextDocument(doc);
    const titles = await until(
      async () => {
        const t = await lensTitles(doc);
        return t.length ? t : undefined;
      },
      'lenses on the large document',
      30_000,
    );
    assert.match(titles[0]!, /^H\(p,q\) = 0\.357 nats/);
    const lens = vscode.extensions.getExtension<{ offThreadFinder?: { completed: number } }>(
      'entropy-lens.entropy-lens',
    )!.exports;
    assert.ok((lens.offThreadFinder?.completed ?? 0) > 0, 'the document was read on the worker thread');

    const at = doc.positionAt(TEXT.indexOf('0.7'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('y_pred_0'), text.slice(0, 500));

    // y_pred_0 becomes [0.5, 0.4, 0.1]: its lens follows the edit (−ln 0.4 = 0.916).
    const editor = vscode.window.activeTextEditor!;
    const start = TEXT.indexOf('[0.2, 0.7, 0.1]');
    await editor.edit((e) =>
      e.replace(new vscode.Range(doc.positionAt(start), doc.positionAt(start + 15)), '[0.5, 0.4, 0.1]'),
    );
    await until(
      async () => ((await lensTitles(doc))[0]?.startsWith('H(p,q) = 0.916') ? true : undefined),
      'the lens after the edit',
      30_000,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
