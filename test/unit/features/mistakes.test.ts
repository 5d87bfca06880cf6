// The classic loss-call mistakes on real code, read by the real finder: each
// diagnostic fires on its mistake and not on its correct twin, with a message
// under 100 characters that carries the user's numbers; the codes' table has a
// docs page for every code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/extension/features/content/diagnosticsContent';
import {
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_CODE_IDS,
  MAX_MESSAGE,
  diagnosticDocsUrl,
  diagnosticMessage,
  type DiagnosticItem,
} from '../../../src/extension/features/content/diagnosticCodes';
import { softmaxTwiceFloor } from '../../../src/extension/features/content/mistakeChecks';
import { DEFAULT_MODEL_SETTINGS, DocumentModel } from '../../../src/extension/features/model/documentModel';
import { createEngine } from '../../../src/extension/features/model/engine';

const root = join(__dirname, '..', '..', '..');

function diagnose(text: string): DiagnosticItem[] {
  const model = new DocumentModel('u', 1, 'python', text, createEngine(), DEFAULT_MODEL_SETTINGS);
  const items = computeDiagnostics(model);
  for (const d of items) expect(d.message.length, d.message).toBeLessThan(MAX_MESSAGE);
  return items;
}

const codes = (text: string): string[] => diagnose(text).map((d) => d.code);
const only = (text: string, code: string): DiagnosticItem => {
  const found = diagnose(text).filter((d) => d.code === code);
  expect(found, `${code} in ${text}`).toHaveLength(1);
  return found[0]!;
};
/** The text after applying a diagnostic's one text fix. */
const fixed = (text: string, d: DiagnosticItem): string => {
  expect(d.textFixes).toHaveLength(1);
  const f = d.textFixes![0]!;
  return text.slice(0, f.start) + f.newText + text.slice(f.end);
};

const TORCH = 'import torch\nimport torch.nn.functional as F\nfrom torch import nn\n';
const Z4 = 'z = torch.tensor([[2.0, 1.0, 0.1, -1.0]])\ny = torch.tensor([0])\n';

describe('softmax-before-logits-loss', () => {
  it('F.cross_entropy(F.softmax(z)): the floor log(1 + 3/e) = 0.744 for K = 4', () => {
    const text = `${TORCH}${Z4}loss = F.cross_entropy(F.softmax(z, dim=1), y)\n`;
    const d = only(text, 'softmax-before-logits-loss');
    expect(text.slice(d.start, d.end)).toBe('F.softmax(z, dim=1)');
    expect(d.message).toBe('F.cross_entropy takes logits, not softmax output: softmax twice, loss ≥ 0.744 (K = 4)');
    expect(codes(`${TORCH}${Z4}loss = F.cross_entropy(z, y)\n`)).not.toContain('softmax-before-logits-loss');
  });
  it('nn.CrossEntropyLoss()(torch.softmax(z, 1), y) and its logits twin', () => {
    expect(codes(`${TORCH}${Z4}loss = nn.CrossEntropyLoss()(torch.softmax(z, 1), y)\n`)).toContain(
      'softmax-before-logits-loss',
    );
    expect(codes(`${TORCH}${Z4}loss = nn.CrossEntropyLoss()(z, y)\n`)).not.toContain('softmax-before-logits-loss');
  });
  it('BCEWithLogitsLoss after sigmoid: floors log(1 + 1/e) for 1s and log 2 for 0s', () => {
    const text = `${TORCH}z = torch.tensor([1.5, -0.3, 4.0])\nt = torch.tensor([1.0, 0.0, 1.0])\nloss = nn.BCEWithLogitsLoss()(torch.sigmoid(z), t)\n`;
    const d = only(text, 'softmax-before-logits-loss');
    expect(d.message).toContain(`sigmoid twice, loss ≥ ${Math.log1p(Math.exp(-1)).toFixed(3)} for 1s, 0.693 for 0s`);
    expect(codes(text.replace('torch.sigmoid(z)', 'z'))).not.toContain('softmax-before-logits-loss');
  });
  it('Keras with from_logits=True, on the loss object or the function', () => {
    const cls = `import tensorflow as tf\nz = [[2.0, 1.0, 0.1]]\ny = [[1, 0, 0]]\nloss = tf.keras.losses.CategoricalCrossentropy(from_logits=True)(y, tf.nn.softmax(z))\n`;
    expect(codes(cls)).toContain('softmax-before-logits-loss');
    expect(codes(cls.replace('from_logits=True', 'from_logits=False'))).not.toContain('softmax-before-logits-loss');
    const fn = `import keras\nz = [[2.0, 1.0, 0.1]]\nloss = keras.losses.categorical_crossentropy([[1, 0, 0]], keras.ops.softmax(z), from_logits=True)\n`;
    expect(codes(fn)).toContain('softmax-before-logits-loss');
  });
  it('optax and tf.nn.*_with_logits', () => {
    const optax = `import optax, jax\nz = jax.numpy.array([[2.0, 1.0, 0.1]])\nloss = optax.softmax_cross_entropy(jax.nn.softmax(z), labels)\n`;
    expect(only(optax, 'softmax-before-logits-loss').message).toContain('0.551 (K = 3)');
    expect(codes(optax.replace('jax.nn.softmax(z)', 'z'))).not.toContain('softmax-before-logits-loss');
    const tfnn = `import tensorflow as tf\nz = [[2.0, 1.0]]\nloss = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=tf.nn.softmax(z))\n`;
    expect(codes(tfnn)).toContain('softmax-before-logits-loss');
    expect(codes(tfnn.replace('tf.nn.softmax(z)', 'z'))).not.toContain('softmax-before-logits-loss');
  });
  it('the floor is log(1 + (K − 1)/e): the loss of the best softmax-twice prediction', () => {
    for (const k of [2, 3, 4, 10]) {
      // softmax of the one-hot on the true class: e/(e + K − 1).
      const best = -Math.log(Math.E / (Math.E + k - 1));
      expect(softmaxTwiceFloor(k)).toBe(`${best.toFixed(3)} (K = ${k})`);
    }
    expect(softmaxTwiceFloor(4)).toBe('0.744 (K = 4)');
    expect(softmaxTwiceFloor(undefined)).toBe('log(1 + (K − 1)/e)');
  });
});

describe('logits-into-probability-loss', () => {
  it('F.binary_cross_entropy given values outside [0, 1]; its probabilities twin is fine', () => {
    const text = `${TORCH}t = torch.tensor([1.0, 0.0, 1.0])\nloss = F.binary_cross_entropy(torch.tensor([1.5, -0.3, 4.0]), t)\n`;
    const d = only(text, 'logits-into-probability-loss');
    expect(text.slice(d.start, d.end)).toBe('[1.5, -0.3, 4.0]');
    expect(d.message).toBe(
      'F.binary_cross_entropy takes probabilities; this array holds logits (-0.3 < 0): use …_with_logits',
    );
    expect(codes(text.replace('[1.5, -0.3, 4.0]', '[0.8, 0.4, 0.9]'))).toEqual([]);
  });
  it('Keras without from_logits=True, and with it', () => {
    const text = 'import keras\nq = [2.0, -1.0, 0.5]\nloss = keras.losses.categorical_crossentropy([1, 0, 0], q)\n';
    const d = only(text, 'logits-into-probability-loss');
    expect(d.message).toBe(
      // Too long with the module path: the message names the function alone.
      'categorical_crossentropy takes probabilities; q holds logits (-1 < 0): pass from_logits=True',
    );
    expect(d.fixes).toEqual(['softmax']);
    expect(codes(text.replace('q)', 'q, from_logits=True)'))).toEqual([]);
  });
  it('log_loss given a batch of logits, and given probabilities', () => {
    const text = 'from sklearn.metrics import log_loss\nlogits = [[2.0, -1.0], [0.5, 1.5]]\nlog_loss([0, 1], logits)\n';
    expect(only(text, 'logits-into-probability-loss').message).toContain('apply softmax first');
    expect(codes(text.replace('[[2.0, -1.0], [0.5, 1.5]]', '[[0.9, 0.1], [0.3, 0.7]]'))).toEqual([]);
  });
});

describe('kl_div', () => {
  const P = 'p = torch.tensor([0.2, 0.3, 0.5])\n';
  it('kl-div-input-not-log-probabilities: probabilities as input; their log is fine', () => {
    const text = `${TORCH}${P}loss = F.kl_div(torch.tensor([0.25, 0.25, 0.5]), p, reduction='batchmean')\n`;
    const d = only(text, 'kl-div-input-not-log-probabilities');
    expect(d.fixes).toEqual(['log']);
    expect(d.message).toBe('F.kl_div takes log q as input, but this array holds probabilities: pass their log');
    const logs = [0.25, 0.25, 0.5].map((v) => Math.log(v).toFixed(6)).join(', ');
    expect(codes(text.replace('[0.25, 0.25, 0.5]', `[${logs}]`))).toEqual([]);
  });
  it('kl-div-arguments-swapped: a distribution as input and log-probabilities as target', () => {
    const logs = [0.25, 0.25, 0.5].map((v) => Math.log(v).toFixed(6)).join(', ');
    const text = `${TORCH}${P}log_q = torch.tensor([${logs}])\nloss = F.kl_div(p, log_q, reduction='batchmean')\n`;
    const d = only(text, 'kl-div-arguments-swapped');
    expect(d.message).toBe('F.kl_div(input, target) takes (log q, p): p and log_q look swapped');
    expect(
      codes(`${TORCH}${P}log_q = torch.tensor([${logs}])\nloss = F.kl_div(log_q, p, reduction='batchmean')\n`),
    ).toEqual([]);
  });
  it('kl-div-arguments-swapped: the target named as input and the prediction as target', () => {
    const text = `${TORCH}loss = F.kl_div(torch.log(y_true), y_pred, reduction='batchmean')\n`;
    expect(codes(text)).toEqual(['kl-div-arguments-swapped']);
    expect(codes(`${TORCH}loss = F.kl_div(torch.log(y_pred), y_true, reduction='batchmean')\n`)).toEqual([]);
  });
  it("kl-div-mean-reduction: reduction='mean' gets a fix to 'batchmean'; 'batchmean' is fine", () => {
    const text = `${TORCH}loss = F.kl_div(log_q, p, reduction='mean')\n`;
    const d = only(text, 'kl-div-mean-reduction');
    expect(text.slice(d.start, d.end)).toBe("'mean'");
    expect(fixed(text, d)).toBe(text.replace("'mean'", "'batchmean'"));
    expect(codes(fixed(text, d))).toEqual([]);
    expect(codes(`${TORCH}loss = F.kl_div(log_q, p, reduction='batchmean')\n`)).toEqual([]);
    const module = `${TORCH}loss = nn.KLDivLoss(reduction="mean")(log_q, p)\n`;
    expect(fixed(module, only(module, 'kl-div-mean-reduction'))).toBe(module.replace('"mean"', '"batchmean"'));
  });
});

describe('scipy.special.kl_div', () => {
  it('takes probabilities, target first: logits there are logits-into-probability-loss, not a kl_div code', () => {
    const text = 'import scipy.special\nq = [2.0, -1.0, 0.5]\nd = scipy.special.kl_div([0.2, 0.3, 0.5], q)\n';
    expect(codes(text)).toEqual(['logits-into-probability-loss']);
    expect(codes(text.replace('[2.0, -1.0, 0.5]', '[0.25, 0.25, 0.5]'))).toEqual([]);
  });
});

describe('nll-loss-given-probabilities', () => {
  it('F.nll_loss given a probability row; log-probabilities are fine', () => {
    const text = `${TORCH}loss = F.nll_loss(torch.tensor([[0.7, 0.2, 0.1]]), torch.tensor([0]))\n`;
    const d = only(text, 'nll-loss-given-probabilities');
    expect(d.fixes).toEqual(['log']);
    expect(d.message).toBe('F.nll_loss takes log-probabilities, not this array (probabilities): pass log_softmax');
    const logs = [0.7, 0.2, 0.1].map((v) => Math.log(v).toFixed(6)).join(', ');
    expect(codes(text.replace('[[0.7, 0.2, 0.1]]', `[[${logs}]]`))).toEqual([]);
    expect(codes(`${TORCH}${Z4}loss = F.nll_loss(F.log_softmax(z, dim=1), y)\n`)).toEqual([]);
  });
});

describe('expects-log-probabilities', () => {
  it('F.poisson_nll_loss given rates (log_input=True by default); log_input=False is fine', () => {
    const text = `${TORCH}rates = torch.tensor([0.4, 0.6])\nloss = F.poisson_nll_loss(rates, counts)\n`;
    expect(only(text, 'expects-log-probabilities').message).toBe(
      'F.poisson_nll_loss takes log-probabilities, but rates holds probabilities: pass their log',
    );
    expect(codes(text.replace('counts)', 'counts, log_input=False)'))).toEqual([]);
  });
});

describe('all-targets-ignored', () => {
  it('every target −100 (the default ignore_index): the mean is NaN', () => {
    const text = `${TORCH}${Z4.replace('[0]', '[-100]')}loss = F.cross_entropy(z, torch.tensor([-100, -100]))\n`;
    const d = only(text, 'all-targets-ignored');
    expect(text.slice(d.start, d.end)).toBe('[-100, -100]');
    expect(d.message).toBe('Every target of F.cross_entropy is ignore_index -100: the mean over 0 targets is NaN');
    expect(codes(text.replace('[-100, -100]', '[-100, 2]'))).not.toContain('all-targets-ignored');
    expect(codes(text.replace('[-100, -100]))', "[-100, -100]), reduction='sum')"))).not.toContain(
      'all-targets-ignored',
    );
  });
  it('ignore_index on the loss object', () => {
    const text = `${TORCH}labels = torch.tensor([3, 3])\nloss = nn.CrossEntropyLoss(ignore_index=3)(logits, labels)\n`;
    expect(only(text, 'all-targets-ignored').message).toContain('ignore_index 3');
    expect(codes(text.replace('ignore_index=3', 'ignore_index=0'))).not.toContain('all-targets-ignored');
  });
});

describe('float-column-target-to-cross-entropy', () => {
  it('a float (N, 1) target is read as probabilities; class indices are fine', () => {
    const text = `${TORCH}y = torch.tensor([[1.0], [0.0], [2.0]])\nloss = F.cross_entropy(logits, y)\n`;
    const d = only(text, 'float-column-target-to-cross-entropy');
    expect(d.message).toBe('y is a float (3, 1) target: F.cross_entropy reads it as probabilities, not classes');
    expect(codes(text.replace('[[1.0], [0.0], [2.0]]', '[1, 0, 2]'))).toEqual([]);
  });
});

describe('log-loss-eps-removed', () => {
  it('log_loss(…, eps=…) with a fix that removes the argument; no eps is fine', () => {
    const text = 'from sklearn.metrics import log_loss\nlog_loss([0, 1], [[0.9, 0.1], [0.2, 0.8]], eps=1e-15)\n';
    const d = only(text, 'log-loss-eps-removed');
    expect(text.slice(d.start, d.end)).toBe('eps=1e-15');
    expect(fixed(text, d)).toBe(text.replace(', eps=1e-15', ''));
    expect(codes(fixed(text, d))).toEqual([]);
    expect(codes('tf.compat.v1.losses.log_loss(y, q, epsilon=1e-7)\n')).toEqual([]);
  });
});

describe('scipy-entropy-normalises', () => {
  it('entropy of counts: says it divides by the sum, instead of warning that they do not sum to 1', () => {
    const text = 'from scipy.stats import entropy\ncounts = [1, 2, 4]\nH = entropy(counts)\n';
    const items = diagnose(text);
    expect(items.map((d) => d.code)).toEqual(['scipy-entropy-normalises']);
    expect(items[0]!.message).toBe('entropy divides counts by its sum 7 first: the result is for counts / 7');
    expect(DIAGNOSTIC_CODES['scipy-entropy-normalises'].severity).toBe('information');
    expect(codes('from scipy.stats import entropy\np = [0.25, 0.75]\nH = entropy(p)\n')).toEqual([]);
  });
  it('both arguments of scipy.stats.entropy(pk, qk); not a function of the same name from elsewhere', () => {
    const text = 'import scipy.stats\nH = scipy.stats.entropy([0.5, 0.5], [2, 2])\n';
    expect(only(text, 'scipy-entropy-normalises').message).toContain('by its sum 4 first');
    expect(codes('def entropy(x): pass\nentropy([1, 2, 4])\n')).not.toContain('scipy-entropy-normalises');
  });
});

describe('the codes table', () => {
  it('has unique ids, messages under 100 characters, and a docs page for each code that the index lists', () => {
    expect(new Set(DIAGNOSTIC_CODE_IDS).size).toBe(DIAGNOSTIC_CODE_IDS.length);
    const index = readFileSync(join(root, 'docs', 'diagnostics', 'README.md'), 'utf8');
    for (const code of DIAGNOSTIC_CODE_IDS) {
      expect(code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(DIAGNOSTIC_CODES[code].template.length, code).toBeLessThan(MAX_MESSAGE);
      const url = diagnosticDocsUrl(code);
      expect(url).toBe(`https://github.com/entropy-lens/entropy-lens/blob/main/docs/diagnostics/${code}.md`);
      const page = join(root, 'docs', 'diagnostics', `${code}.md`);
      expect(existsSync(page), page).toBe(true);
      expect(readFileSync(page, 'utf8')).toMatch(/^# /);
      expect(index).toContain(`(${code}.md)`);
    }
  });
  it('fills placeholders and cuts long names so the line stays under 100 characters', () => {
    const long = 'a_really_long_module.path.to.some_loss_function_name_that_goes_on';
    const m = diagnosticMessage('softmax-before-logits-loss', {
      callee: long,
      what: long,
      fn: 'softmax',
      floor: '0.744',
    });
    expect(m.length).toBeLessThan(MAX_MESSAGE);
    expect(m).toContain('…');
    expect(m).not.toMatch(/\{\w+\}/);
  });
});
