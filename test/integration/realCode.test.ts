// What the finder reads in real ML code, as the user meets it in a real VS Code:
// a loss the finder knows only by its library (Flux), a binary problem with no
// loss call at all, and shape arguments that are not data.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openText as open } from './editor';
import { until } from './until';

const hoverAt = async (doc: vscode.TextDocument, offset: number): Promise<string> => {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    doc.positionAt(offset),
  );
  return hoverText(hovers);
};

const lensesOf = (doc: vscode.TextDocument) =>
  vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 20);

describe('real code: the finder as the features show it', () => {
  it('hovers over the prediction of a Flux crossentropy call, paired by the call (prediction first)', async () => {
    const text =
      'using Flux\n\nlabel = [0.0, 1.0, 0.0]\nout = softmax([1.2, 2.5, 0.3])\nprobs = [0.2, 0.7, 0.1]\nloss = Flux.crossentropy(probs, label)\n';
    const doc = await open(text, 'julia');
    const hover = await until(async () => {
      const t = await hoverAt(doc, text.indexOf('0.7'));
      return t.includes('Entropy Lens') ? t : undefined;
    }, 'an Entropy Lens hover over probs');
    assert.ok(hover.includes('Paired as the **prediction** with `label`'), hover);
    assert.ok(hover.includes('crossentropy'), `the hover says the call paired them:\n${hover}`);
    assert.ok(hover.includes(`| H(p,q) cross-entropy | ${(-Math.log(0.7)).toFixed(3)} |`), hover);
  });

  it('puts a BCE lens on 0/1 labels beside per-sample probabilities, with no loss call in sight', async () => {
    const text = 'y_true = [1, 0, 1, 1, 0]\ny_pred = [0.9, 0.1, 0.8, 0.7, 0.2]\n';
    const doc = await open(text, 'python');
    const bce = -[0.9, 0.9, 0.8, 0.7, 0.8].reduce((s, q) => s + Math.log(q), 0) / 5;
    const lens = await until(
      async () => (await lensesOf(doc)).find((l) => l.command?.title.startsWith('BCE')),
      'a BCE code lens',
    );
    assert.equal(lens.range.start.line, 1, 'above the prediction');
    assert.equal(
      lens.command!.title,
      `BCE = ${bce.toFixed(3)} nats · KL = ${bce.toFixed(3)} · H(p) = 0 · mean of 5 elements`,
    );
  });

  it('shows no lens or hover for shape arguments, and reads flat data with the shape passed beside it', async () => {
    const text =
      'import torch\nimport tensorflow as tf\n\nh = torch.ones([10, 64])\nz = x.reshape((2, 3))\nprobs = tf.tensor2d([0.1, 0.9, 0.8, 0.2], [2, 2])\n';
    const doc = await open(text, 'python');
    // The data's hover comes first: once it is there the document has been read.
    const data = await until(async () => {
      const t = await hoverAt(doc, text.indexOf('0.9'));
      return t.includes('Entropy Lens') ? t : undefined;
    }, 'an Entropy Lens hover over the tensor2d data');
    assert.match(data, /2 × 2/, data);
    for (const shape of ['10, 64', '2, 3', '[2, 2]']) {
      const t = await hoverAt(doc, text.indexOf(shape) + 1);
      assert.ok(!t.includes('Entropy Lens'), `no hover on the shape ${shape}:\n${t}`);
    }
    const lenses = await lensesOf(doc);
    const onShapes = lenses.filter((l) => l.range.start.line === 3 || l.range.start.line === 4);
    assert.deepEqual(
      onShapes.map((l) => l.command?.title),
      [],
      'no lens on the lines that hold only shapes',
    );
  });
});
