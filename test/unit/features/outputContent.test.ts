// A notebook cell's saved outputs read as printed values (content/outputContent.ts)
// with the real finder and core: the names they get from the cell's source and
// what the cell's status bar item says.
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  DocumentModel,
  DEFAULT_MODEL_SETTINGS,
  outputNames,
} from '../../../src/extension/features/model';
import { MAX_OUTPUT_CHARS, outputSummary, outputText, readCellOutputs } from '../../../src/extension/features/content';

const engine = createEngine();
const item = (mime: string, text: string) => ({ mime, text: () => text });
const STDOUT = 'application/vnd.code.notebook.stdout';

function summary(source: string, ...items: { mime: string; text: () => string }[]) {
  const outputs = readCellOutputs(source, items);
  if (outputs === undefined) return undefined;
  const model = new DocumentModel('cell#outputs', 0, 'python', outputs.text, engine, DEFAULT_MODEL_SETTINGS);
  return outputSummary(model, outputs, 'nats');
}

const h = (p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);
const H = (p: number[]) => h(p).toFixed(3);

describe('outputNames: what a cell prints', () => {
  it('names the last expression, a tuple of names, and method chains on a name', () => {
    expect(outputNames('probs = f(x)\nprobs').result).toEqual(['probs']);
    expect(outputNames('y_true, probs').result).toEqual(['y_true', 'probs']);
    expect(outputNames('out.detach().cpu()').result).toEqual(['out']);
    expect(outputNames('torch.softmax(z, dim=1)').result).toEqual([undefined]);
  });

  it('gives no result for an assignment, a statement, a print or a trailing semicolon', () => {
    for (const src of ['p = [0.5, 0.5]', 'for x in y:\n    x', 'print(p)', 'p;', 'import numpy as np', ''])
      expect(outputNames(src).result).toEqual([]);
  });

  it("names print()'s values in order, skipping strings and keyword arguments", () => {
    expect(outputNames('print("target:", y_true, sep=" ")\nprint(y_pred.numpy())  # (a, b)').printed).toEqual([
      'y_true',
      'y_pred',
    ]);
    expect(outputNames("s = 'print(q)'").printed).toEqual([]);
  });
});

describe('cell outputs as printed values', () => {
  it('reads a printed torch tensor with dtype and grad_fn suffixes, named by the last expression', () => {
    const s = summary(
      'q = torch.softmax(z, 0)\nq',
      item('text/plain', 'tensor([0.1000, 0.8500, 0.0500], dtype=torch.float64, grad_fn=<SoftmaxBackward0>)'),
    );
    expect(s?.text).toBe(`$(output) H(p) ${H([0.1, 0.85, 0.05])} nats`);
    expect(s?.tooltip).toMatch(/H\(p\) of q/);
    expect(s?.tooltip).toMatch(/q: tensor 3, torch\.float64, grad_fn SoftmaxBackward0/);
    expect(s?.tooltip).toMatch(/printed in this cell's output/);
  });

  it('reads a NumPy array repr wrapped over lines as one batch', () => {
    const s = summary('p', item('text/plain', 'array([[0.2, 0.7, 0.1],\n       [0.5, 0.5, 0. ]], dtype=float32)'));
    expect(s?.text).toBe(`$(output) H(p) ${((h([0.2, 0.7, 0.1]) + h([0.5, 0.5])) / 2).toFixed(3)} nats`);
  });

  it("pairs printed values by the names print() gives them: H(p,q) of the cell's output", () => {
    const s = summary(
      'print(y_true)\nprint(y_pred)',
      item(STDOUT, 'tensor([0., 1., 0.])\ntensor([0.2000, 0.7000, 0.1000])\n'),
    );
    const ce = (-Math.log(0.7)).toFixed(3);
    expect(s?.text).toBe(`$(output) H(p,q) ${ce} nats · KL ${ce}`);
    expect(s?.tooltip).toMatch(/y_true → y_pred/);
    expect(s?.pair).toBe(0);
  });

  it("pairs a printed prediction with the target in the cell's source", () => {
    const s = summary('y_true = [1, 0]\nprint(y_pred)', item(STDOUT, '[0.9 0.1]\n'));
    expect(s?.text).toBe(`$(output) H(p,q) ${(-Math.log(0.9)).toFixed(3)} nats · KL ${(-Math.log(0.9)).toFixed(3)}`);
  });

  it('reads a pandas Series by its Name', () => {
    const s = summary(
      'df.probs',
      item('text/plain', 'cat    0.2\ndog    0.7\nfox    0.1\nName: probs, dtype: float64'),
    );
    expect(s?.text).toBe(`$(output) H(p) ${H([0.2, 0.7, 0.1])} nats`);
    expect(s?.tooltip).toMatch(/probs: pandas Series 3, float64/);
  });

  it('reads print() output (stdout) and counts the other arrays', () => {
    const s = summary('', item(STDOUT, '[0.5, 0.5]\n[0.25, 0.25, 0.25, 0.25]\n'));
    expect(s?.text).toBe(`$(output) H(p) ${H([0.5, 0.5])} nats (+1 arrays)`);
  });

  it('reports a summarised array (...) as not computed, and computes on the complete ones beside it', () => {
    const s = summary('p', item('text/plain', 'array([0.1, 0.2, ..., 0.3, 0.4])'));
    expect(s?.text).toBe('$(output) 1 summarised array: not computed');
    expect(s?.tooltip).toMatch(/summarised \(…\): not computed on/);
    expect(s?.pair ?? s?.array).toBeUndefined();
    const both = summary('print(a)\nprint(b)', item(STDOUT, 'tensor([0.5000, 0.5000])\ntensor([0.1, 0.2, ..., 0.3])'));
    expect(both?.text).toBe(`$(output) H(p) ${H([0.5, 0.5])} nats`);
  });

  it('reads nothing from images, errors or huge outputs', () => {
    expect(
      summary('', item('image/png', '[0.5, 0.5]'), item('application/vnd.code.notebook.error', '[0.5, 0.5]')),
    ).toBe(undefined);
    expect(summary('', item('text/plain', '0'.repeat(MAX_OUTPUT_CHARS + 1)))).toBeUndefined();
  });

  it('joins every readable item of a cell', () => {
    expect(outputText([item('text/plain', 'a'), item('image/png', 'x'), item('application/json', '{"p": [1]}')])).toBe(
      'a\n{"p": [1]}',
    );
  });
});
