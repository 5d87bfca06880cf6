// A notebook is one program: demo/notebook.ipynb opened in VS Code's notebook
// editor (built-in ipynb support, no kernel), its code cells read together so
// y_true (cell 2) pairs with y_pred (cell 3) through log_loss in cell 4.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, hoverText } from './editor';
import { until } from './until';

const CE = (-Math.log(0.7)).toFixed(3);

/** What a compute command returns (commands/types.ts), as much as these tests read. */
interface Computed {
  ok: boolean;
  crossEntropy?: number;
  entropy?: number;
  target?: { name?: string };
  prediction?: { name?: string };
  arrays?: { array: { name?: string }; entropy: number }[];
  error?: string;
}

describe('notebooks: the code cells read as one program', () => {
  let notebook: vscode.NotebookDocument;
  const cell = (index: number): vscode.TextDocument => notebook.cellAt(index).document;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the demo workspace is open');
    notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'notebook.ipynb'));
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(2, 3)] });
  });

  after(async () => {
    // Leave the demo notebook as it was on disk (the edit test changes a cell).
    await vscode.window.showNotebookDocument(notebook);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('puts a lens on the prediction in cell 3 that names the target in cell 2', async () => {
    const doc = cell(2);
    assert.equal(doc.uri.scheme, 'vscode-notebook-cell');
    let shown = Date.now();
    const title = await until(
      async () => {
        const lenses = await Promise.resolve(
          vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 20),
        ).catch(async () => {
          // "Illegal argument": the workbench has no text model for a cell its notebook editor has not drawn
          // (after the earlier suites' 38 tabs the notebook can come up undrawn); show the cell, as a user would.
          if (Date.now() - shown > 3_000) {
            shown = Date.now();
            await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(2, 3)] });
          }
          return [] as vscode.CodeLens[];
        });
        return lenses.find((l) => l.command?.title.startsWith('H(p,q)'))?.command?.title;
      },
      'an H(p,q) lens in cell 3',
      50_000,
    );
    assert.equal(title, `H(p,q) = ${CE} nats · KL = ${CE} · H(p) = 0 · target y_true in cell 2`);
  });

  it("hovers the prediction with the pair's H(p,q), and the target in its own cell", async () => {
    const pred = cell(2);
    const text = await until(async () => {
      const t = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          pred.uri,
          pred.positionAt(pred.getText().indexOf('0.7')),
        ),
      );
      return t.includes('Entropy Lens') ? t : undefined;
    }, 'a hover over y_pred');
    assert.ok(text.includes(`| H(p,q) cross-entropy | ${CE} |`), text);
    assert.ok(text.includes('Paired as the **prediction** with `y_true`'), text);
    // Its Copy as Markdown link carries the notebook's URI and joined-text ranges, read back from the open notebook.
    const link = /command:entropyLens\.copyAsMarkdown\?([^ )"]+)/.exec(text);
    assert.ok(link, text);
    const args = JSON.parse(decodeURIComponent(link[1]!)) as unknown[];
    const copied = await vscode.commands.executeCommand<string | undefined>('entropyLens.copyAsMarkdown', ...args);
    assert.ok(copied?.includes('y_true') && copied.includes('y_pred') && copied.includes(CE), copied);
    const target = cell(1);
    const t = await until(async () => {
      const h = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          target.uri,
          target.positionAt(target.getText().indexOf('[0, 1')),
        ),
      );
      return h.includes('Entropy Lens') ? h : undefined;
    }, 'a hover over y_true');
    assert.ok(t.includes('`y_pred`'), t);
  });

  it("shows the figures of a printed array in its cell's status bar", async () => {
    const doc = cell(4);
    const shown = await vscode.commands.executeCommand<
      { text: string; tooltip: string; command?: vscode.Command } | undefined
    >('entropyLens.features.cellOutputFigures', doc.uri.toString());
    const p = [0.65900114, 0.24243297, 0.09856589];
    const h = -p.reduce((s, x) => s + x * Math.log(x), 0);
    assert.equal(shown?.text, `$(output) H(p) ${h.toFixed(3)} nats`);
    assert.match(shown?.tooltip ?? '', /printed in this cell's output/);
    // Clicking it opens the breakdown of the printed values.
    const command = shown?.command;
    assert.ok(command, 'the item opens the breakdown');
    const opened = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>(
      command.command,
      ...(command.arguments ?? []),
    );
    assert.ok(opened.ok && opened.uri, JSON.stringify(opened));
    const breakdown = (await vscode.workspace.openTextDocument(vscode.Uri.parse(opened.uri))).getText();
    assert.ok(breakdown.includes('0.659'), breakdown);
    assert.equal(
      await vscode.commands.executeCommand('entropyLens.features.cellOutputFigures', cell(1).uri.toString()),
      undefined,
    );
  });

  it("computes cross-entropy from a cell's toolbar: the cell's prediction with its target in another cell", async () => {
    const result = await vscode.commands.executeCommand<Computed>(
      'entropyLens.computeCrossEntropy',
      notebook.cellAt(2),
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.target?.name, 'y_true');
    assert.equal(result.prediction?.name, 'y_pred');
    assert.ok(Math.abs(result.crossEntropy! + Math.log(0.7)) < 1e-12, String(result.crossEntropy));
  });

  it("computes on a cell's printed outputs: the printed tensors of cell 6", async () => {
    const cell6 = notebook.cellAt(5);
    assert.match(cell6.document.getText(), /print\(labels\)/);
    const result = await vscode.commands.executeCommand<Computed>('entropyLens.computeCrossEntropy', cell6);
    assert.ok(result.ok, JSON.stringify(result));
    // F.cross_entropy(logits, labels) printed by Debian's python3-torch 1.13 for this cell: 0.45598846673965454.
    assert.ok(Math.abs(result.crossEntropy! - 0.45598846673965454) < 2e-4, String(result.crossEntropy));
    assert.equal(result.target?.name, 'labels');
    const entropy = await vscode.commands.executeCommand<Computed>('entropyLens.computeEntropy', notebook.cellAt(4));
    const printed = entropy.arrays?.find((a) => a.array.name === 'probs');
    const p = [0.65900114, 0.24243297, 0.09856589];
    assert.ok(printed, JSON.stringify(entropy));
    assert.ok(Math.abs(printed.entropy + p.reduce((s, x) => s + x * Math.log(x), 0)) < 1e-9, String(printed.entropy));
  });

  it('computes from the palette with a cell focused', async () => {
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(2, 3)] });
    await vscode.commands.executeCommand('notebook.cell.edit');
    const result = await vscode.commands.executeCommand<Computed>('entropyLens.computeKlDivergence');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.prediction?.name, 'y_pred');
    assert.ok(Math.abs(result.crossEntropy! + Math.log(0.7)) < 1e-12, String(result.crossEntropy));
  });

  it('follows a re-run: new outputs of a cell give its status bar new figures, the others keep theirs', async () => {
    // A kernel of this test's own runs cell 5 again and prints another array, as a real kernel would.
    const controller = vscode.notebooks.createNotebookController(
      'entropy-lens-test-kernel',
      'jupyter-notebook',
      'Test',
    );
    try {
      controller.supportedLanguages = ['python'];
      await vscode.commands.executeCommand('notebook.selectKernel', {
        id: 'entropy-lens-test-kernel',
        extension: 'entropy-lens.entropy-lens',
      });
      const figures = (k: number) =>
        vscode.commands.executeCommand<{ text: string } | undefined>(
          'entropyLens.features.cellOutputFigures',
          notebook.cellAt(k).document.uri.toString(),
        );
      const sixBefore = (await figures(5))?.text;
      assert.equal(sixBefore, '$(output) H(p,q) 0.456 nats · KL 0.456');
      const run = controller.createNotebookCellExecution(notebook.cellAt(4));
      run.start(Date.now());
      await run.replaceOutput(
        new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text('array([0.5, 0.5])', 'text/plain')]),
      );
      run.end(true, Date.now());
      const text = await until(async () => {
        const t = (await figures(4))?.text;
        return t?.startsWith(`$(output) H(p) ${Math.log(2).toFixed(3)}`) ? t : undefined;
      }, 'the re-run cell to show the entropy of its new output');
      assert.equal(text, `$(output) H(p) ${Math.log(2).toFixed(3)} nats`);
      assert.equal((await figures(5))?.text, sixBefore);
    } finally {
      controller.dispose();
    }
  });

  it("follows an edit in another cell: a new target changes the prediction's figures", async () => {
    const target = cell(1);
    const edit = new vscode.WorkspaceEdit();
    const at = target.getText().indexOf('[0, 1, 0]');
    edit.replace(target.uri, new vscode.Range(target.positionAt(at), target.positionAt(at + 9)), '[1, 0, 0]');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const ce = (-Math.log(0.2)).toFixed(3);
      await until(async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          cell(2).uri,
          20,
        );
        return lenses.some((l) => l.command?.title.startsWith(`H(p,q) = ${ce} nats`)) ? true : undefined;
      }, `the lens in cell 3 to show H(p,q) = ${ce}`);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      const now = target.getText().indexOf('[1, 0, 0]');
      if (now >= 0) {
        undo.replace(target.uri, new vscode.Range(target.positionAt(now), target.positionAt(now + 9)), '[0, 1, 0]');
        await vscode.workspace.applyEdit(undo);
      }
    }
  });

  it("warns in the prediction's cell and its Normalise fix edits that cell only", async () => {
    const pred = cell(2);
    const edit = new vscode.WorkspaceEdit();
    const at = pred.getText().indexOf('[0.2, 0.7, 0.1]');
    edit.replace(pred.uri, new vscode.Range(pred.positionAt(at), pred.positionAt(at + 15)), '[0.2, 0.3, 0.4]');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostic = await until(
      () =>
        vscode.languages
          .getDiagnostics(pred.uri)
          .find((d) => d.source === 'Entropy Lens' && codeOf(d) === 'not-normalized'),
      'the not-normalized warning in cell 3',
    );
    assert.match(diagnostic.message, /y_pred sums to 0\.9, not 1/);
    assert.equal(pred.getText(diagnostic.range), '[0.2, 0.3, 0.4]');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      pred.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const normalise = actions.find((a) => a.title.startsWith('Normalise y_pred'));
    assert.ok(normalise?.edit, `no Normalise action among: ${actions.map((a) => a.title).join(', ')}`);
    const before = cell(1).getText();
    assert.ok(await vscode.workspace.applyEdit(normalise.edit));
    assert.equal(pred.getText(), 'y_pred = np.array([0.22, 0.33, 0.45])');
    assert.equal(cell(1).getText(), before);
  });
});
