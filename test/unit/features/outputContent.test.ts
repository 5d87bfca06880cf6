// A notebook cell's saved outputs read as printed values (content/outputContent.ts)
// with the real finder and core: what the cell's status bar item says.
import { describe, expect, it } from 'vitest';
import { createEngine, DocumentModel, DEFAULT_MODEL_SETTINGS } from '../../../src/extension/features/model';
import { MAX_OUTPUT_CHARS, outputSummary, outputText } from '../../../src/extension/features/content';

const engine = createEngine();
const item = (mime: string, text: string) => ({ mime, text: () => text });

function summary(...items: { mime: string; text: () => string }[]) {
  const text = outputText(items);
  if (text === undefined) return undefined;
  return outputSummary(new DocumentModel('cell#outputs', 0, 'python', text, engine, DEFAULT_MODEL_SETTINGS), 'nats');
}

const h = (p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);
const H = (p: number[]) => h(p).toFixed(3);

describe('cell outputs as printed values', () => {
  it('reads a printed torch tensor with dtype and grad_fn suffixes', () => {
    const s = summary(
      item('text/plain', 'tensor([0.1000, 0.8500, 0.0500], dtype=torch.float64, grad_fn=<SoftmaxBackward0>)'),
    );
    expect(s?.text).toBe(`$(output) H(p) ${H([0.1, 0.85, 0.05])} nats`);
    expect(s?.tooltip).toMatch(/printed in this cell's output/);
  });

  it('reads a NumPy array repr wrapped over lines as one batch', () => {
    const s = summary(item('text/plain', 'array([[0.2, 0.7, 0.1],\n       [0.5, 0.5, 0. ]], dtype=float32)'));
    expect(s?.text).toBe(`$(output) H(p) ${((h([0.2, 0.7, 0.1]) + h([0.5, 0.5])) / 2).toFixed(3)} nats`);
  });

  it('reads print() output (stdout) and counts the other arrays', () => {
    const s = summary(item('application/vnd.code.notebook.stdout', '[0.5, 0.5]\n[0.25, 0.25, 0.25, 0.25]\n'));
    expect(s?.text).toBe(`$(output) H(p) ${H([0.5, 0.5])} nats (+1 arrays)`);
  });

  it('computes nothing on a summarised array (NumPy "..."), nor on images, errors or huge outputs', () => {
    expect(summary(item('text/plain', 'array([0.1, 0.2, ..., 0.3, 0.4])'))).toBeUndefined();
    expect(
      outputText([item('image/png', '[0.5, 0.5]'), item('application/vnd.code.notebook.error', '[0.5, 0.5]')]),
    ).toBeUndefined();
    expect(outputText([item('text/plain', '0'.repeat(MAX_OUTPUT_CHARS + 1))])).toBeUndefined();
  });

  it('joins every readable item of a cell', () => {
    expect(outputText([item('text/plain', 'a'), item('image/png', 'x'), item('application/json', '{"p": [1]}')])).toBe(
      'a\n{"p": [1]}',
    );
  });
});
