// Hover, code lens, diagnostics and quick fixes in a real VS Code, through the
// same commands the editor uses (executeHoverProvider, executeCodeLensProvider,
// executeCodeActionProvider) and the diagnostics API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, hoverText, openText as open } from './editor';
import { until } from './until';

const ours = (doc: vscode.TextDocument): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Entropy Lens');

// −ln 0.7: the cross-entropy of a one-hot target on class 1 against [0.2, 0.7, 0.1].
const CE = (-Math.log(0.7)).toFixed(3);
const PAIR =
  'import numpy as np\ny_true = [0, 1, 0]\ny_pred = np.array([0.2, 0.7, 0.1])\nloss = log_loss(y_true, y_pred)\n';

describe('features: hover', () => {
  it('shows the role, the pair figures and the command links over a prediction', async () => {
    const doc = await open(PAIR);
    const at = doc.positionAt(PAIR.indexOf('0.7'));
    const text = await until(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const t = hoverText(hovers);
      return t.includes('Entropy Lens') ? t : undefined;
    }, 'an Entropy Lens hover');
    assert.match(text, /`y_pred` — probabilities, 3 values/);
    assert.ok(text.includes(`| H(p,q) cross-entropy | ${CE} |`), text);
    assert.ok(text.includes('Paired as the **prediction** with `y_true`'), text);
    assert.ok(text.includes('command:entropyLens.showVisualizer?'), text);
    assert.ok(text.includes('command:entropyLens.copyAsLatex?'), text);
  });

  it('gives no hover away from arrays', async () => {
    const doc = await open(PAIR);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      doc.positionAt(PAIR.indexOf('numpy')),
    );
    assert.ok(!hoverText(hovers).includes('Entropy Lens'));
  });
});

describe('features: code lens', () => {
  it('puts one lens above the prediction with H(p,q), KL and H(p) that opens the breakdown', async () => {
    const doc = await open(PAIR);
    const lenses = await until(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 20);
      const mine = l.filter((x) => x.command?.title.startsWith('H(p,q)'));
      return mine.length ? mine : undefined;
    }, 'an H(p,q) code lens');
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]!.range.start.line, 2);
    assert.equal(lenses[0]!.command!.title, `H(p,q) = ${CE} nats · KL = ${CE} · H(p) = 0`);
    assert.equal(lenses[0]!.command!.command, 'entropyLens.showBreakdown');
  });
});

describe('features: long pairs', () => {
  it('the lens on a 700-class pair hands the breakdown every value (hover links carry only where the pair is)', async () => {
    const n = 700;
    const y = Array.from({ length: n }, (_, i) => (i === 5 ? 1 : 0));
    const q = Array.from({ length: n }, (_, i) => (i === 5 ? 0.3 : 0.7 / (n - 1)).toFixed(8));
    const text = `y_true = [${y.join(', ')}]\ny_pred = [${q.join(', ')}]\nloss = log_loss(y_true, y_pred)\n`;
    const doc = await open(text);
    const lens = await until(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 20);
      return l.find((x) => x.command?.title.startsWith('H(p,q)'));
    }, 'an H(p,q) code lens');
    const [payload] = lens.command!.arguments as [{ target: number[]; prediction: number[] }];
    assert.equal(payload.target.length, n);
    assert.equal(payload.prediction.length, n);
    const hover = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        doc.positionAt(text.indexOf('0.3')),
      ),
    );
    assert.ok(hover.includes('command:entropyLens.features.forwardPair?'), 'long pairs link through the forwarder');
    assert.ok(hover.length < 20_000, `hover markdown is ${hover.length} characters`);
  });
});

describe('features: a prediction that does not sum to 1', () => {
  // Keras divides y_pred by its sum: [0.2, 0.3, 0.4] is read as [2/9, 3/9, 4/9], so H(p,q) = ln 3.
  const TEXT =
    'import tensorflow as tf\ny_true = [0, 1, 0]\ny_pred = [0.2, 0.3, 0.4]\nloss = tf.keras.losses.categorical_crossentropy(y_true, y_pred)\n';
  const CE3 = Math.log(3).toFixed(3);

  it('gets a lens with the figures of its normalised copy, labelled as such', async () => {
    const doc = await open(TEXT);
    const lens = await until(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 20);
      return l.find((x) => x.command?.title.startsWith('H(p,q)'));
    }, 'an H(p,q) code lens');
    assert.equal(lens.range.start.line, 2);
    assert.equal(lens.command!.title, `H(p,q) = ${CE3} nats (q normalised: sums to 0.9) · KL = ${CE3} · H(p) = 0`);
  });

  it('gets a hover with the normalised figures and no API wording', async () => {
    const doc = await open(TEXT);
    const at = doc.positionAt(TEXT.indexOf('0.3'));
    const text = await until(async () => {
      const t = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      );
      return t.includes('Entropy Lens') ? t : undefined;
    }, 'an Entropy Lens hover');
    assert.ok(text.includes('`y_pred` — probabilities that do not sum to 1, 3 values'), text);
    assert.ok(text.includes(`| H(p,q) cross-entropy | ${CE3} |`), text);
    assert.ok(text.includes('q normalised: sums to 0\\.9'), text);
    assert.doesNotMatch(text, /Cannot compute|normalize:|pass normalize/);
  });

  it('warns with a Normalise fix for an array named like a prediction even with no loss call', async () => {
    const text = 'probs = [0.5, 0.28, 0.2]\n';
    const doc = await open(text);
    const d = await until(() => ours(doc).find((x) => codeOf(x) === 'not-normalized'), 'the not-normalized warning');
    assert.match(d.message, /probs sums to 0\.98, not 1/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      actions.some((a) => a.title === 'Normalise probs so it sums to 1'),
      actions.map((a) => a.title).join(', '),
    );
  });
});

/** Our quick fixes at a diagnostic's range, by title. */
async function quickFixes(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value,
  );
}

describe('features: classic loss mistakes', () => {
  it("kl_div with reduction='mean': the fix writes 'batchmean', the warning clears, undo restores", async () => {
    const text = "import torch.nn.functional as F\nloss = F.kl_div(log_q, p, reduction='mean')\n";
    const doc = await open(text);
    const d = await until(
      () => ours(doc).find((x) => codeOf(x) === 'kl-div-mean-reduction'),
      'the kl-div-mean-reduction warning',
    );
    assert.equal(doc.getText(d.range), "'mean'");
    assert.ok(d.message.length < 100, d.message);
    const fix = (await quickFixes(doc, d)).find((a) => a.title === "Use reduction='batchmean'");
    assert.ok(fix?.edit, 'the batchmean fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), text.replace("'mean'", "'batchmean'"));
    await until(() => (ours(doc).length === 0 ? true : undefined), 'the warning to clear');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), text);
  });

  it('log_loss(…, eps=…): the fix removes the argument with its comma', async () => {
    const text = 'from sklearn.metrics import log_loss\nlog_loss([0, 1], [[0.9, 0.1], [0.2, 0.8]], eps=1e-15)\n';
    const doc = await open(text);
    const d = await until(
      () => ours(doc).find((x) => codeOf(x) === 'log-loss-eps-removed'),
      'the log-loss-eps-removed warning',
    );
    assert.equal(doc.getText(d.range), 'eps=1e-15');
    const fix = (await quickFixes(doc, d)).find((a) => a.title.startsWith('Remove eps='));
    assert.ok(fix?.edit, 'the remove-eps fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), text.replace(', eps=1e-15', ''));
  });

  it('every target equal to ignore_index: a warning with no fix', async () => {
    const text =
      'import torch\nimport torch.nn.functional as F\nz = torch.tensor([[2.0, 1.0], [0.5, 0.1]])\nloss = F.cross_entropy(z, torch.tensor([-100, -100]))\n';
    const doc = await open(text);
    const d = await until(
      () => ours(doc).find((x) => codeOf(x) === 'all-targets-ignored'),
      'the all-targets-ignored warning',
    );
    assert.equal(d.message, 'Every target of F.cross_entropy is ignore_index -100: the mean over 0 targets is NaN');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      // No edit is safe here (the editor's own chat actions, Fix and Explain, edit nothing).
      (await quickFixes(doc, d)).filter((a) => a.edit).map((a) => a.title),
      [],
    );
  });

  it('scipy.stats.entropy on counts: information that it normalises, not a warning', async () => {
    const doc = await open('from scipy.stats import entropy\ncounts = [1, 2, 4]\nH = entropy(counts)\n');
    const d = await until(
      () => ours(doc).find((x) => codeOf(x) === 'scipy-entropy-normalises'),
      'the scipy-entropy-normalises note',
    );
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(ours(doc).map(codeOf), ['scipy-entropy-normalises']);
  });
});

describe('features: diagnostics and quick fixes', () => {
  const TEXT =
    'import tensorflow as tf\ny_true = [0, 1, 0]\ny_pred = [0.2, 0.3, 0.4]\ntf.keras.losses.categorical_crossentropy(y_true, y_pred)\n';

  it('warns that the prediction does not sum to 1, normalises it in one edit, and undo restores it', async () => {
    const doc = await open(TEXT);
    const diagnostic = await until(
      () => ours(doc).find((d) => codeOf(d) === 'not-normalized'),
      'the not-normalized warning',
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /y_pred sums to 0\.9, not 1/);
    assert.equal(doc.getText(diagnostic.range), '[0.2, 0.3, 0.4]');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const normalise = actions.find((a) => a.title.startsWith('Normalise y_pred'));
    assert.ok(normalise?.edit, `no Normalise action among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(normalise.edit));
    assert.equal(doc.getText(), TEXT.replace('[0.2, 0.3, 0.4]', '[0.22, 0.33, 0.45]'));
    await until(
      () => (ours(doc).some((d) => codeOf(d) === 'not-normalized') ? undefined : true),
      'the warning to clear',
    );

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), TEXT);
  });

  it('warns when softmax output is passed to F.cross_entropy, which expects logits', async () => {
    const text =
      'import torch\nimport torch.nn.functional as F\nz = torch.tensor([[2.0, 1.0, 0.1]])\nloss = F.cross_entropy(F.softmax(z, dim=1), torch.tensor([0]))\n';
    const doc = await open(text);
    const d = await until(
      () => ours(doc).find((x) => codeOf(x) === 'softmax-before-logits-loss'),
      'the softmax-before-logits-loss warning',
    );
    assert.equal(doc.getText(d.range), 'F.softmax(z, dim=1)');
    // z has 3 classes: softmax twice keeps the loss above log(1 + 2/e).
    assert.equal(d.message, 'F.cross_entropy takes logits, not softmax output: softmax twice, loss ≥ 0.551 (K = 3)');
    // The code links to its page in the repository's docs.
    assert.ok(typeof d.code === 'object');
    assert.equal(
      d.code.target.toString(),
      'https://github.com/entropy-lens/entropy-lens/blob/main/docs/diagnostics/softmax-before-logits-loss.md',
    );
  });

  it('offers softmax for logits given to a loss that expects probabilities, keeping the number style', async () => {
    const text = 'q = [2.0, -1.0, 0.5]\nkeras.losses.categorical_crossentropy([1, 0, 0], q)\n';
    const doc = await open(text);
    const d = await until(
      () => ours(doc).find((x) => codeOf(x) === 'logits-into-probability-loss'),
      'the logits-into-probability-loss warning',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const softmax = actions.find((a) => a.title.startsWith('Apply softmax to q'));
    assert.ok(softmax?.edit);
    assert.ok(await vscode.workspace.applyEdit(softmax.edit));
    const e = [Math.exp(2), Math.exp(-1), Math.exp(0.5)];
    const s = e.reduce((a, b) => a + b, 0);
    const written = doc.getText().split('\n')[0]!;
    const values = written
      .slice(written.indexOf('[') + 1, written.indexOf(']'))
      .split(',')
      .map(Number);
    values.forEach((v, i) => assert.ok(Math.abs(v - e[i]! / s) <= 0.0011, `${written}`));
    assert.equal(values.reduce((a, b) => a + b, 0).toFixed(9), '1.000000000');
  });
});

describe('features on the demo workspace (the real finder and core)', () => {
  const demo = async (name: string): Promise<vscode.TextDocument> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the demo workspace is open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
    await vscode.window.showTextDocument(doc);
    return doc;
  };
  const lineOf = (doc: vscode.TextDocument, text: string): number => {
    const at = doc.getText().indexOf(text);
    assert.ok(at >= 0, `${text} is in ${doc.fileName}`);
    return doc.positionAt(at).line;
  };
  /** Resolved lens titles by line, once every expected line has one. */
  const lensTitles = (doc: vscode.TextDocument, lines: number[]): Promise<Map<number, string>> =>
    until(
      async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          doc.uri,
          50,
        );
        const byLine = new Map<number, string>();
        for (const l of lenses) if (l.command?.title) byLine.set(l.range.start.line, l.command.title);
        return lines.every((n) => byLine.has(n)) ? byLine : undefined;
      },
      `lenses on lines ${lines.join(', ')} of ${doc.fileName}`,
    );
  const hoverAt = (doc: vscode.TextDocument, text: string): Promise<string> =>
    until(async () => {
      const t = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          doc.positionAt(doc.getText().indexOf(text) + 1),
        ),
      );
      return t.includes('Entropy Lens') ? t : undefined;
    }, `a hover at ${text}`);
  const f3 = (x: number): string => x.toFixed(3);
  const softmax = (z: number[]): number[] => {
    const e = z.map((v) => Math.exp(v - Math.max(...z)));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  const H = (p: number[]): number => -p.reduce((a, v) => a + (v > 0 ? v * Math.log(v) : 0), 0);
  const CE = (p: number[], q: number[]): number => -p.reduce((a, v, i) => a + (v > 0 ? v * Math.log(q[i]!) : 0), 0);

  it('classifier.py: a sensible lens on every paired prediction — probabilities, soft targets, logits with class indices, binary logits — and on the unnormalised probs', async () => {
    const doc = await demo('classifier.py');
    const at = {
      yPred: lineOf(doc, 'y_pred = np.array'),
      q: lineOf(doc, 'q = [0.05'),
      logits: lineOf(doc, 'logits = torch.tensor'),
      z: lineOf(doc, 'z = torch.tensor'),
      probs: lineOf(doc, 'probs = ['),
    };
    const titles = await lensTitles(doc, Object.values(at));
    const pq = CE([0.5, 0.3, 0.2], [0.05, 0.05, 0.9]),
      hp = H([0.5, 0.3, 0.2]);
    // F.cross_entropy(logits, labels): the softmax of each row at its class index, averaged.
    const rowCE = [-Math.log(softmax([2.0, 0.5, -1.0])[0]!), -Math.log(softmax([0.1, 0.2, 3.0])[2]!)];
    const ce = (rowCE[0]! + rowCE[1]!) / 2;
    // F.binary_cross_entropy_with_logits(z, y): mean of softplus(z) − y·z.
    const bce =
      [
        [1.5, 1],
        [-0.3, 0],
        [4.0, 1],
      ].reduce((a, [z, y]) => a + Math.log1p(Math.exp(z!)) - y! * z!, 0) / 3;
    assert.equal(titles.get(at.yPred), `H(p,q) = ${f3(-Math.log(0.7))} nats · KL = ${f3(-Math.log(0.7))} · H(p) = 0`);
    assert.equal(titles.get(at.q), `H(p,q) = ${f3(pq)} nats · KL = ${f3(pq - hp)} · H(p) = ${f3(hp)}`);
    assert.equal(titles.get(at.logits), `H(p,q) = ${f3(ce)} nats · KL = ${f3(ce)} · H(p) = 0 · mean of 2 rows`);
    assert.equal(titles.get(at.z), `BCE = ${f3(bce)} nats · KL = ${f3(bce)} · H(p) = 0 · mean of 3 elements`);
    assert.equal(
      titles.get(at.probs),
      `H(p) = ${f3(H([0.5 / 0.98, 0.28 / 0.98, 0.2 / 0.98]))} nats (normalised: sums to 0.98)`,
    );
    for (const t of titles.values()) assert.doesNotMatch(t, /^Entropy Lens:|normalize:/, t);
  });

  it('classifier.py: class indices and binary targets are understood in the hover, and only probs is warned about', async () => {
    const doc = await demo('classifier.py');
    const labels = await hoverAt(doc, '[0, 2]');
    assert.ok(labels.includes('row 0 → class 0, row 1 → class 2'), labels);
    assert.ok(labels.includes('`labels` — class indices, 2 values'), labels);
    const z = await hoverAt(doc, '[1.5, -0.3, 4.0]');
    assert.ok(z.includes('Sigmoid per element: [0.818, 0.426, 0.982]'), z);
    assert.ok(!z.includes('Softmax implied'), z);
    assert.ok(z.includes('| H(p,q) binary cross-entropy | 0.258 |'), z);
    const y = await hoverAt(doc, '[1.0, 0.0, 1.0]');
    assert.ok(y.includes('`y` — binary targets, one per element, 3 values'), y);
    assert.doesNotMatch(y, /sums to 2|Not a distribution|Cannot compute/);
    const d = await until(() => (ours(doc).length ? ours(doc) : undefined), 'the demo diagnostics');
    await new Promise((r) => setTimeout(r, 500)); // let a late second publish land
    assert.deepEqual(
      ours(doc).map((x) => `${codeOf(x)}: ${doc.getText(x.range)}`),
      ['not-normalized: [0.5, 0.28, 0.2]'],
      d.map((x) => x.message).join('; '),
    );
  });

  it('distributions.json and metrics.js: lenses on the paired predictions and the lone distributions, no warnings', async () => {
    const json = await demo('distributions.json');
    const j = { yPred: lineOf(json, '"y_pred"'), uniform: lineOf(json, '"uniform"'), probs: lineOf(json, '"probs"') };
    const jt = await lensTitles(json, Object.values(j));
    assert.equal(jt.get(j.yPred), `H(p,q) = ${f3(-Math.log(0.6))} nats · KL = ${f3(-Math.log(0.6))} · H(p) = 0`);
    assert.equal(jt.get(j.uniform), `H(p) = ${f3(Math.log(4))} nats`);
    const batch = (-Math.log(0.8) - Math.log(0.4)) / 2;
    assert.equal(jt.get(j.probs), `H(p,q) = ${f3(batch)} nats · KL = ${f3(batch)} · H(p) = 0 · mean of 2 rows`);

    const js = await demo('metrics.js');
    const m = { prediction: lineOf(js, 'const prediction'), scores: lineOf(js, 'const scores') };
    const mt = await lensTitles(js, Object.values(m));
    const t = [0.7, 0.2, 0.1],
      q = [0.6, 0.3, 0.1];
    assert.equal(
      mt.get(m.prediction),
      `H(p,q) = ${f3(CE(t, q))} nats · KL = ${f3(CE(t, q) - H(t))} · H(p) = ${f3(H(t))}`,
    );
    assert.equal(mt.get(m.scores), `H(softmax) = ${f3(H(softmax([3.2, 1.1, -0.4, 0.0])))} nats`);
    await new Promise((r) => setTimeout(r, 600)); // diagnostics are debounced
    assert.deepEqual(
      ours(json).map((x) => x.message),
      [],
    );
    assert.deepEqual(
      ours(js).map((x) => x.message),
      [],
    );
  });
});
