// The live lens's pure parts: which loss calls a paused frame answers for (the
// paused line's own function, arguments that only read), and what each call is
// about to return. The oracle for the second is PyTorch itself: /usr/bin/python3
// evaluates the same call on the same tensors, and the wrapper expressions the
// evaluator sends give the values, exactly as a debug session would.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { enclosingFunction, liveCalls, readsOnly } from '../../../src/extension/live/liveCalls';
import { liveCallFigures } from '../../../src/extension/live/liveCallFigures';
import { dataExpression, decodePayload, type LiveArray } from '../../../src/extension/live/transfer';
// @ts-expect-error: a plain .mjs script with no types
import { ensureDebianPackages } from '../../../scripts/lib/debian.mjs';

const PY = `import torch
import torch.nn.functional as F

logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 2])
top = F.cross_entropy(logits, labels)


def train_step(model, batch):
    logits = model(batch["x"])
    labels = batch["y"]
    loss = F.cross_entropy(logits, labels)

    if loss > 10:
        aux = F.nll_loss(F.log_softmax(logits, dim=1), labels)
    return loss


def evaluate(model, batch):
    out = model(batch["x"])
    return F.cross_entropy(model(batch["x"]), batch["y"]) + F.kl_div(out.log_softmax(-1), batch["soft"])
`;

const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('enclosingFunction', () => {
  const lines = PY.split('\n');
  it('a line in a function body belongs to its def, also inside an if', () => {
    const def = line(PY, 'def train_step');
    expect(enclosingFunction(lines, line(PY, 'loss = F.cross'))).toBe(def);
    expect(enclosingFunction(lines, line(PY, 'aux = F.nll_loss'))).toBe(def);
    expect(enclosingFunction(lines, line(PY, 'return loss'))).toBe(def);
  });
  it('module level is -1, also on a blank line after a function', () => {
    expect(enclosingFunction(lines, line(PY, 'top = F.cross'))).toBe(-1);
    expect(enclosingFunction(lines, line(PY, 'import torch'))).toBe(-1);
  });
  it('JavaScript: a function, an arrow function and a method', () => {
    const js = [
      'function loss(target, probs) {',
      '  const q = probs.map((x) => x);',
      '  return crossEntropy(target, q);',
      '}',
      'const step = async (batch) => {',
      '  const y = batch.y;',
      '};',
      'class Trainer {',
      '  step(batch) {',
      '    return batch;',
      '  }',
      '}',
    ];
    expect(enclosingFunction(js, 2)).toBe(0);
    expect(enclosingFunction(js, 5)).toBe(4);
    expect(enclosingFunction(js, 9)).toBe(8);
    expect(enclosingFunction(js, 3)).toBe(-1);
  });
});

describe('readsOnly', () => {
  it.each([
    'logits',
    'out.logits',
    'batch["labels"]',
    "batch['y']",
    'y[:, 0]',
    'x[0][1:]',
    'F.softmax(z, dim=1)',
    'torch.sigmoid(z)',
    'z.softmax(-1)',
    'z.log_softmax(dim=-1)',
  ])('%s only reads', (e) => expect(readsOnly(e)).toBe(true));
  it.each([
    'model(x)',
    'x.pop()',
    'f(a)[0]',
    'labels.to(device)',
    'next(it)',
    'x[f(0)]',
    '',
    'a = b',
    'F.softmax(model(x), dim=1)',
  ])('%s is not evaluated', (e) => expect(readsOnly(e)).toBe(false));
});

describe('liveCalls', () => {
  it('paused in train_step: its two calls, the nearest first; not the module-level one nor evaluate()', () => {
    const { calls, skipped } = liveCalls(PY, line(PY, 'return loss'));
    expect(calls.map((c) => [c.call.callee, c.target, c.prediction])).toEqual([
      ['F.nll_loss', 'labels', 'F.log_softmax(logits, dim=1)'],
      ['F.cross_entropy', 'labels', 'logits'],
    ]);
    expect(skipped).toEqual([]);
    // Each lens sits on its call's line.
    expect(PY.slice(calls[1]!.lineStart).startsWith('    loss = F.cross_entropy')).toBe(true);
  });
  it('paused at module level: only the module-level call', () => {
    const { calls } = liveCalls(PY, line(PY, 'top = '));
    expect(calls.map((c) => c.call.callee)).toEqual(['F.cross_entropy']);
    expect(calls[0]!.prediction).toBe('logits');
  });
  it('in evaluate(): a call with a call in its arguments is skipped, and says why', () => {
    const { calls, skipped } = liveCalls(PY, line(PY, 'out = model'));
    expect(calls.map((c) => [c.call.callee, c.target, c.prediction])).toEqual([
      ['F.kl_div', 'batch["soft"]', 'out.log_softmax(-1)'],
    ]);
    expect(skipped.map((s) => s.reason)).toEqual([
      '`model(batch["x"])` is not evaluated: a call could change the program',
    ]);
  });
  it('at most `max` calls', () => {
    const many = Array.from({ length: 20 }, (_, i) => `l${i} = F.cross_entropy(z${i}, y)`).join('\n');
    expect(liveCalls(many, 0, 8).calls).toHaveLength(8);
  });
});

// --- What a call returns, against PyTorch ---

interface TorchCase {
  name: string;
  /** Binds the arguments. */
  setup: string;
  /** The loss call as written in the program. */
  call: string;
}

const CASES: TorchCase[] = [
  {
    name: 'F.cross_entropy, float32 logits and class indices',
    setup: 'logits = torch.randn(5, 4, generator=g); labels = torch.tensor([0, 3, 1, 1, 2])',
    call: 'F.cross_entropy(logits, labels)',
  },
  {
    name: 'F.cross_entropy on float64 with label_smoothing and reduction=sum',
    setup: 'logits = torch.randn(6, 3, generator=g, dtype=torch.float64); labels = torch.tensor([0, 1, 2, 2, 1, 0])',
    call: "F.cross_entropy(logits, labels, label_smoothing=0.1, reduction='sum')",
  },
  {
    name: 'nn.CrossEntropyLoss() on a tensor with requires_grad and soft targets',
    setup:
      'logits = torch.randn(3, 4, generator=g).requires_grad_(); soft = torch.softmax(torch.randn(3, 4, generator=g), 1)',
    call: 'nn.CrossEntropyLoss()(logits, soft)',
  },
  {
    name: 'F.nll_loss of log_softmax',
    setup: 'z = torch.randn(4, 5, generator=g); y = torch.tensor([4, 0, 2, 1])',
    call: 'F.nll_loss(F.log_softmax(z, dim=1), y)',
  },
  {
    name: 'F.binary_cross_entropy_with_logits',
    setup: 'z = torch.randn(8, generator=g); y = (torch.rand(8, generator=g) > 0.5).float()',
    call: 'F.binary_cross_entropy_with_logits(z, y)',
  },
  {
    name: 'F.binary_cross_entropy on probabilities',
    setup: 'p = torch.rand(6, generator=g) * 0.98 + 0.01; y = torch.tensor([1., 0., 0., 1., 1., 0.])',
    call: 'F.binary_cross_entropy(p, y)',
  },
];

interface TorchOut {
  target: string;
  prediction: string;
  loss: number;
  error?: string;
}

function runTorch(cases: readonly TorchCase[]): TorchOut[] {
  const jobs = cases.map((c) => {
    const found = liveCalls(c.call, 0).calls[0]!;
    return {
      setup: c.setup,
      call: c.call,
      target: dataExpression('python', found.target),
      prediction: dataExpression('python', found.prediction),
    };
  });
  const script = `
import json, sys
import torch
import torch.nn as nn
import torch.nn.functional as F
out = []
for job in json.loads(sys.stdin.read()):
    ns = {'torch': torch, 'nn': nn, 'F': F, 'g': torch.Generator().manual_seed(7)}
    exec(job['setup'], ns)
    out.append({'target': eval(job['target'], ns), 'prediction': eval(job['prediction'], ns), 'loss': float(eval(job['call'], ns))})
print(json.dumps(out))
`;
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(jobs), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as TorchOut[];
}

function decoded(text: string): LiveArray {
  const d = decodePayload(text);
  if (!d.ok) throw new Error(d.error);
  return d.value;
}

const placement = (text: string) => ({
  uri: 'file:///program.py',
  text,
  positionAt: () => ({ line: 0, character: 0 }),
});

describe('liveCallFigures: what the call returns, as PyTorch computes it', () => {
  let torch: TorchOut[];
  beforeAll(() => {
    ensureDebianPackages(['python3-torch'], 'to check live lenses against PyTorch');
    torch = runTorch(CASES);
  });

  /** The lens figures of case `i` on the values PyTorch held. */
  const figuresOf = (i: number, unit: 'nats' | 'bits' = 'nats') => {
    const c = CASES[i]!;
    const out = torch[i]!;
    const live = liveCalls(c.call, 0).calls[0]!;
    return {
      live,
      loss: out.loss,
      f: liveCallFigures(
        live,
        decoded(out.target),
        decoded(out.prediction),
        { unit, eps: undefined },
        placement(c.call),
      ),
    };
  };

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_, i) => {
    const { live, loss, f } = figuresOf(i);
    expect(f.library && 'value' in f.library, f.title).toBe(true);
    const value = (f.library as { value: number }).value;
    expect(Math.abs(value - loss)).toBeLessThanOrEqual(2e-6 * Math.max(1, Math.abs(loss)));
    expect(f.title).toContain(`live ${live.call.callee} → `);
    expect(f.outcome.result.ok, f.title).toBe(true);
  });

  it('the float64 case is computed in float64: agrees to 1e-12', () => {
    const { loss, f } = figuresOf(1);
    const library = f.library as { value: number; dtype: string };
    expect(library.dtype).toBe('float64');
    expect(Math.abs(library.value - loss)).toBeLessThanOrEqual(1e-12 * Math.abs(loss));
  });

  it('bits: the figures follow the unit', () => {
    const nats = figuresOf(0, 'nats').f;
    const bits = figuresOf(0, 'bits').f;
    expect(nats.title).toMatch(/H\(p,q\) = [\d.]+ nats/);
    expect(bits.title).toMatch(/H\(p,q\) = [\d.]+ bits/);
    const ce = (t: string) => Number(/H\(p,q\) = ([\d.]+)/.exec(t)![1]);
    expect(Math.abs(ce(bits.title) - ce(nats.title) / Math.LN2)).toBeLessThan(2e-3);
  });
});
