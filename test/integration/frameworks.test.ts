// What the library call returns, as the user reads it in a real VS Code: the
// hover over the arrays of a PyTorch loss call shows the value PyTorch gives
// (its clamp and dtype) next to the exact one, and why they differ.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openText } from './editor';
import { until } from './until';

const hoverAt = async (doc: vscode.TextDocument, offset: number): Promise<string> => {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    doc.positionAt(offset),
  );
  return hoverText(hovers);
};

describe('frameworks: what the library call returns', () => {
  it('hovers F.binary_cross_entropy([0, 1], [1, 1]) with PyTorch’s 50 beside the exact +∞ and the clamp', async () => {
    const text =
      'import torch\nimport torch.nn.functional as F\n\nloss = F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0]))\n';
    const doc = await openText(text, 'python');
    const hover = await until(async () => {
      const t = await hoverAt(doc, text.indexOf('0.0, 1.0') + 1);
      return t.includes('Entropy Lens') ? t : undefined;
    }, 'an Entropy Lens hover over the prediction');
    // The Markdown as VS Code holds it (escapes included); the line reads the same once rendered.
    const plain = hover.replace(/\\(.)/g, '$1');
    assert.ok(
      plain.includes('PyTorch `F.binary_cross_entropy` returns 50 (float32) · exact +∞ — log clamped at −100'),
      plain,
    );
  });

  it('names scikit-learn’s version and its clip for log_loss on a zero probability', async () => {
    const text = 'from sklearn.metrics import log_loss\n\nlog_loss([1, 0], [0.0, 0.2])\n';
    const doc = await openText(text, 'python');
    const hover = await until(async () => {
      const t = await hoverAt(doc, text.indexOf('0.0, 0.2') + 1);
      return t.includes('Entropy Lens') ? t : undefined;
    }, 'an Entropy Lens hover over y_pred');
    const plain = hover.replace(/\\(.)/g, '$1');
    assert.match(
      plain,
      /scikit-learn 1\.5 and later `log_loss` returns 18\.1\d* \(float64\) · exact \+∞ — clipped/,
      plain,
    );
  });

  it('a pair with no loss call shows what each library’s usual loss returns', async () => {
    const text = 'y_true = [1, 0, 1]\ny_pred = [0.0, 0.1, 0.8]\n';
    const doc = await openText(text, 'python');
    const hover = await until(async () => {
      const t = await hoverAt(doc, text.indexOf('0.1'));
      return t.includes('As libraries compute it') ? t : undefined;
    }, 'the libraries line in the hover over y_pred');
    const plain = hover.replace(/\\(.)/g, '$1');
    assert.match(plain, /PyTorch 33\.4\d* \(log clamped at −100\)/, plain);
    assert.match(plain, /Keras 5\.4\d* \(clipped to \[1e-7, 1 − 1e-7\]\)/, plain);
  });
});
