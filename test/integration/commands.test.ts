// The compute commands in a real VS Code: documents are opened, selections or
// the cursor set, and `executeCommand` returns the figures the user was shown.
// The normalise offer and the partner pick need a click; they are driven
// through computeInEditor (the function behind the commands) with the answer
// given, and once through the real quick pick.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { computeInEditor, type ComputeDeps } from '../../src/extension/commands/computeInEditor';
import type { ComputeResult, EntropyResult, FailureResult, PairResult } from '../../src/extension/commands/types';
import { DEFAULT_LIMITS } from '../../src/parse/types';
import { until } from './until';

const PAIR =
  'import numpy as np\ny_true = [0, 1, 0]\ny_pred = np.array([0.2, 0.7, 0.1])\nloss = log_loss(y_true, y_pred)\n';
const CE = -Math.log(0.7); // 0.3567 nats: a one-hot target on class 1 against q = [0.2, 0.7, 0.1]

async function open(content: string, language = 'python'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc);
}

/** Selects from the start of `from` to the end of `to` (each the first occurrence). */
function select(editor: vscode.TextEditor, from: string, to = from): void {
  const text = editor.document.getText();
  const a = text.indexOf(from),
    b = text.indexOf(to, a) + to.length;
  assert.ok(a >= 0 && b >= a, `fixture: ${from}…${to}`);
  editor.selections = [new vscode.Selection(editor.document.positionAt(a), editor.document.positionAt(b))];
}

function cursorAt(editor: vscode.TextEditor, needle: string): void {
  const at = editor.document.positionAt(editor.document.getText().indexOf(needle));
  editor.selections = [new vscode.Selection(at, at)];
}

const run = (command: string) => vscode.commands.executeCommand<ComputeResult>(command);

function pair(r: ComputeResult): PairResult {
  assert.ok(r.ok && r.kind !== 'entropy', `expected pair figures, got ${JSON.stringify(r)}`);
  return r;
}

function failed(r: ComputeResult): FailureResult {
  assert.ok(!r.ok, `expected a failure, got ${JSON.stringify(r)}`);
  return r;
}

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

describe('commands: compute cross-entropy', () => {
  it('takes the selected pair and returns H(p,q) = −ln 0.7 nats with names and ranges', async () => {
    const editor = await open(PAIR);
    select(editor, 'y_true =', '0.1])');
    const r = pair(await run('entropyLens.computeCrossEntropy'));
    assert.equal(r.unit, 'nats');
    close(r.crossEntropy, CE);
    assert.equal(r.entropy, 0);
    close(r.klPQ, CE);
    close(r.perplexity, 1 / 0.7);
    assert.equal(r.target.name, 'y_true');
    assert.equal(r.prediction.name, 'y_pred');
    assert.deepEqual(r.target.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 18 } });
    assert.match(
      r.message,
      /^H\(p,q\) = 0\.357 nats · H\(p\) = 0 · KL\(p‖q\) = 0\.357 · perplexity 1\.43 \(y_true → y_pred\)$/,
    );
  });

  it('uses the pair at the cursor in JSON when nothing is selected', async () => {
    const editor = await open('{\n  "y_true": [0, 1, 0],\n  "y_pred": [0.2, 0.7, 0.1]\n}\n', 'json');
    cursorAt(editor, '0.7');
    const r = pair(await run('entropyLens.computeCrossEntropy'));
    close(r.crossEntropy, CE);
    assert.equal(r.prediction.name, 'y_pred');
  });

  it('reports bits after the unit setting changes, and nats again after it is reset', async () => {
    const settings = vscode.workspace.getConfiguration('entropyLens');
    const editor = await open(PAIR);
    select(editor, 'y_true =', '0.1])');
    await settings.update('unit', 'bits', vscode.ConfigurationTarget.Global);
    try {
      const r = pair(await run('entropyLens.computeCrossEntropy'));
      assert.equal(r.unit, 'bits');
      close(r.crossEntropy, -Math.log2(0.7));
      assert.match(r.message, /^H\(p,q\) = 0\.515 bits/);
    } finally {
      await settings.update('unit', undefined, vscode.ConfigurationTarget.Global);
    }
    const back = pair(await run('entropyLens.computeCrossEntropy'));
    assert.equal(back.unit, 'nats');
    close(back.crossEntropy, CE);
  });

  it('says the lengths differ, with both lengths, and leaves the text alone', async () => {
    const text = 'y_true = [0, 1, 0, 0]\ny_pred = [0.2, 0.7, 0.1]\n';
    const editor = await open(text);
    select(editor, 'y_true', '0.1]');
    const r = failed(await run('entropyLens.computeCrossEntropy'));
    assert.equal(r.code, 'LENGTH_MISMATCH');
    assert.match(r.error, /^y_true has 4 values, y_pred has 3 \(y_true is on line 1, y_pred is on line 2\)$/);
    assert.equal(editor.document.getText(), text);
  });

  it('names the negative probability and where it is', async () => {
    const editor = await open('p = [0.25, 0.25, 0.25, 0.25]\nq = [0.5, 0.4, 0.3, -0.2]\n');
    select(editor, 'p =', '-0.2]');
    const r = failed(await run('entropyLens.computeCrossEntropy'));
    assert.equal(r.code, 'NEGATIVE');
    assert.equal(r.error, 'q[3] is -0.2: probabilities cannot be negative (q is on line 2)');
  });

  it('says what to select when there is no array near the cursor', async () => {
    const editor = await open('print("hello")\n');
    cursorAt(editor, 'hello');
    const r = failed(await run('entropyLens.computeCrossEntropy'));
    assert.equal(r.code, 'NO_ARRAYS');
    assert.match(r.error, /this document has no numeric array: select the target and the prediction/);
  });
});

describe('commands: binary losses', () => {
  it('gives the mean BCE of a pair found at binary_cross_entropy_with_logits, the same figure as its code lens', async () => {
    const text =
      'z = torch.tensor([1.5, -0.3, 4.0])\ny = torch.tensor([1.0, 0.0, 1.0])\nbce = F.binary_cross_entropy_with_logits(z, y)\n';
    const editor = await open(text);
    cursorAt(editor, '-0.3');
    const r = pair(await run('entropyLens.computeCrossEntropy'));
    const softplus = (x: number) => Math.log1p(Math.exp(x));
    close(r.crossEntropy, (softplus(-1.5) + softplus(-0.3) + softplus(-4)) / 3);
    assert.equal(r.binary, true);
    let title: string | undefined;
    for (let i = 0; i < 100 && !title; i++) {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        editor.document.uri,
        20,
      );
      title = lenses.find((l) => l.command?.title.includes(r.crossEntropy.toFixed(3)))?.command?.title;
      if (!title) await new Promise((res) => setTimeout(res, 100));
    }
    assert.ok(title, `a code lens shows ${r.crossEntropy.toFixed(3)}`);
  });
});

describe('commands: large documents', () => {
  it("finds the pair at the cursor beyond the finder's maxArrays cap (10 000 arrays)", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++) lines.push(`a${i} = [0, 1, 0]`, `b${i} = [0.2, 0.7, 0.1]`);
    lines.push('y_last = [1, 0]', 'q_last = [0.25, 0.75]');
    const editor = await open(lines.join('\n') + '\n');
    cursorAt(editor, '0.25, 0.75');
    const r = pair(await run('entropyLens.computeCrossEntropy'));
    assert.equal(r.target.name, 'y_last');
    assert.equal(r.prediction.range.start.line, 12001);
    close(r.crossEntropy, Math.log(4));
  });
});

describe('commands: KL divergence and entropy', () => {
  it('computes KL(p‖q) of soft targets', async () => {
    const editor = await open('p = [0.5, 0.3, 0.2]\nq = [0.05, 0.05, 0.9]\n');
    select(editor, 'p =', '0.9]');
    const r = pair(await run('entropyLens.computeKlDivergence'));
    const p = [0.5, 0.3, 0.2],
      q = [0.05, 0.05, 0.9];
    close(
      r.klPQ,
      p.reduce((s, pi, i) => s + pi * Math.log(pi / q[i]!), 0),
    );
    close(
      r.klQP,
      q.reduce((s, qi, i) => s + qi * Math.log(qi / p[i]!), 0),
    );
    assert.equal(r.kind, 'klDivergence');
    assert.match(r.message, /^KL\(p‖q\) = /);
  });

  it('gives the entropy of logits at the cursor as that of their softmax', async () => {
    const editor = await open('logits = [2.0, -1.0, 0.5]\n');
    cursorAt(editor, '-1.0');
    const r = (await run('entropyLens.computeEntropy')) as EntropyResult;
    assert.ok(r.ok && r.kind === 'entropy', JSON.stringify(r));
    const z = [2, -1, 0.5],
      s = z.reduce((a, x) => a + Math.exp(x), 0);
    close(r.entropy, -z.reduce((a, x) => a + (Math.exp(x) / s) * Math.log(Math.exp(x) / s), 0));
    assert.equal(r.arrays[0]!.kind, 'logits');
    assert.equal(r.arrays[0]!.array.name, 'logits');
  });
});

describe('commands: offers that need an answer', () => {
  const deps = (pick: ComputeDeps['pickPartner']): ComputeDeps => ({
    settings: () => ({ unit: 'nats', eps: undefined }),
    limits: () => DEFAULT_LIMITS,
    pickPartner: pick,
  });

  it('offers to normalise p that sums to 0.98, computes on a copy when accepted, and never edits the document', async () => {
    const text = 'y_true = [0.1, 0.88, 0.0]\ny_pred = [0.2, 0.7, 0.1]\n';
    const editor = await open(text);
    select(editor, 'y_true', '0.1]');
    const version = editor.document.version;
    const viaCommand = failed(await run('entropyLens.computeCrossEntropy'));
    assert.equal(viaCommand.code, 'NOT_NORMALIZED');
    const outcome = await computeInEditor(
      editor,
      'crossEntropy',
      deps(async () => undefined),
    );
    assert.deepEqual(outcome.offer?.offer, {
      action: 'Compute with p normalised',
      reason: 'y_true sums to 0.98, not 1',
    });
    const accepted = pair(outcome.offer!.accept().result);
    assert.equal(accepted.normalised, true);
    close(accepted.crossEntropy, -((0.1 / 0.98) * Math.log(0.2) + (0.88 / 0.98) * Math.log(0.7)));
    assert.equal(editor.document.getText(), text);
    assert.equal(editor.document.version, version, 'no edit was made');
  });

  it("asks for the partner of a lone selected array, offering the finder's partner first", async () => {
    const editor = await open(PAIR);
    select(editor, '0.2, 0.7, 0.1');
    let offered: string[] = [];
    const outcome = await computeInEditor(
      editor,
      'crossEntropy',
      deps(async (items) => {
        offered = items.map((i) => i.label);
        return items[0];
      }),
    );
    assert.deepEqual(offered, ['y_true']);
    const r = pair(outcome.result);
    assert.equal(r.target.name, 'y_true');
    close(r.crossEntropy, CE);
  });

  it('shows that pick as a real quick pick from the command', async () => {
    const editor = await open(PAIR);
    select(editor, '0.2, 0.7, 0.1');
    let settled: ComputeResult | undefined;
    const running = run('entropyLens.computeCrossEntropy').then((r) => {
      settled = r;
      return r;
    });
    // Accept the first item as soon as the quick pick is open.
    for (let i = 0; i < 100 && !settled; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const r = pair(await running);
    close(r.crossEntropy, CE);
  });
});

/** The breakdown tabs: rendered webview panels, titled "Breakdown …". */
const breakdownTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('entropyLens.breakdown'));

describe('commands: breakdown', () => {
  it('shows the last result rendered in a panel beside the editor, not as raw Markdown', async () => {
    await vscode.window.tabGroups.close(breakdownTabs());
    const editor = await open(PAIR);
    select(editor, 'y_true =', '0.1])');
    pair(await run('entropyLens.computeCrossEntropy'));
    const shown = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>('entropyLens.showBreakdown');
    assert.ok(shown.ok && shown.uri, JSON.stringify(shown));
    const tabs = await until(() => (breakdownTabs().length ? breakdownTabs() : undefined), 'the breakdown tab');
    assert.deepEqual(
      tabs.map((t) => t.label),
      ['Breakdown y_true → y_pred'],
    );
    assert.notEqual(tabs[0]!.group.viewColumn, editor.viewColumn, 'beside the code');
    // What the user sees is the rendered page: no text editor holds the Markdown source.
    const raw = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'entropy-lens');
    assert.deepEqual(
      raw.map((t) => t.label),
      [],
    );
    // The URI still names the breakdown's Markdown (what Copy as Markdown copies).
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(shown.uri));
    assert.equal(doc.uri.scheme, 'entropy-lens');
    const text = doc.getText();
    assert.match(text, /^# Entropy Lens breakdown: y_true → y_pred/);
    assert.match(text, /\| H\(p,q\) cross-entropy\s+\|\s+0\.356675 \|\s+0\.514573 \|/);
    assert.match(text, /\|\s+1 \|\s+1 \|\s+0\.7 \|\s+0\.356675 \|/);
    assert.match(text, /## Gradient/);
    assert.equal(editor.document.getText(), PAIR);
  });

  it('shows the same pair again in the same tab', async () => {
    const editor = await open(PAIR);
    select(editor, 'y_true =', '0.1])');
    pair(await run('entropyLens.computeCrossEntropy'));
    await vscode.commands.executeCommand('entropyLens.showBreakdown');
    await vscode.commands.executeCommand('entropyLens.showBreakdown');
    assert.equal(breakdownTabs().filter((t) => t.label === 'Breakdown y_true → y_pred').length, 1);
  });

  it('copies the breakdown as Markdown from its panel', async () => {
    const editor = await open(PAIR);
    select(editor, 'y_true =', '0.1])');
    pair(await run('entropyLens.computeCrossEntropy'));
    const shown = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>('entropyLens.showBreakdown');
    await vscode.env.clipboard.writeText('');
    assert.equal(await vscode.commands.executeCommand('entropyLens.copyBreakdownAsMarkdown'), true);
    const copied = await vscode.env.clipboard.readText();
    assert.equal(copied, (await vscode.workspace.openTextDocument(vscode.Uri.parse(shown.uri!))).getText());
    assert.match(copied, /\| H\(p,q\) cross-entropy\s+\|\s+0\.356675 \|/);
  });

  it('opens the breakdown of the pair a code lens sends', async () => {
    const editor = await open(PAIR);
    let lens: vscode.CodeLens | undefined;
    for (let i = 0; i < 100 && !lens; i++) {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        editor.document.uri,
        20,
      );
      lens = lenses.find((l) => l.command?.command === 'entropyLens.showBreakdown');
      if (!lens) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(lens?.command, 'a code lens links to the breakdown');
    const shown = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>(
      lens.command.command,
      ...(lens.command.arguments ?? []),
    );
    assert.ok(shown.ok && shown.uri, JSON.stringify(shown));
    const text = (await vscode.workspace.openTextDocument(vscode.Uri.parse(shown.uri))).getText();
    assert.match(text, /\| H\(p,q\) cross-entropy\s+\|\s+0\.356675 \|/);
  });

  it('follows the unit setting when shown again', async () => {
    const editor = await open(PAIR);
    select(editor, 'y_true =', '0.1])');
    pair(await run('entropyLens.computeCrossEntropy'));
    const settings = vscode.workspace.getConfiguration('entropyLens');
    await settings.update('unit', 'bits', vscode.ConfigurationTarget.Global);
    try {
      const shown = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>('entropyLens.showBreakdown');
      assert.ok(shown.ok && shown.uri, JSON.stringify(shown));
      // What the panel shows and Copy as Markdown copies.
      assert.equal(await vscode.commands.executeCommand('entropyLens.copyBreakdownAsMarkdown'), true);
      const text = await vscode.env.clipboard.readText();
      assert.match(text, /## Per element \(bits\)/);
      assert.match(text, /\|\s+1 \|\s+1 \|\s+0\.7 \|\s+0\.514573 \|/);
    } finally {
      await settings.update('unit', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('gives the entropy breakdown for the code lens of an unpaired distribution', async () => {
    const editor = await open('probs = [0.5, 0.25, 0.25]\n');
    let lens: vscode.CodeLens | undefined;
    for (let i = 0; i < 100 && !lens; i++) {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        editor.document.uri,
        20,
      );
      lens = lenses.find((l) => l.command?.command === 'entropyLens.showBreakdown');
      if (!lens) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(lens?.command, 'a code lens links to the breakdown');
    const shown = await vscode.commands.executeCommand<{ ok: boolean; uri?: string }>(
      lens.command.command,
      ...(lens.command.arguments ?? []),
    );
    assert.ok(shown.ok && shown.uri, JSON.stringify(shown));
    const text = (await vscode.workspace.openTextDocument(vscode.Uri.parse(shown.uri))).getText();
    assert.match(text, /^# Entropy Lens breakdown: Entropy of probs/);
    assert.ok(text.includes('H = 1.03972 nats = 1.5 bits'), text);
  });

  it('refuses an argument that is not a pair, saying so', async () => {
    const shown = await vscode.commands.executeCommand<{ ok: boolean; error?: string }>('entropyLens.showBreakdown', {
      target: [0, 1],
      prediction: 'x',
    });
    assert.equal(shown.ok, false);
    assert.match(shown.error ?? '', /not a target\/prediction pair/);
  });
});
