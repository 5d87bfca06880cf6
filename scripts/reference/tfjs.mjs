#!/usr/bin/env node
// What TF.js's tf.losses return, for the core's emulate() tests: writes
// test/fixtures/framework-cases-tfjs.json from @tensorflow/tfjs itself (its CPU
// backend in Node): logLoss (epsilon inside the log, at the clipping edges 0 and
// 1), softmaxCrossEntropy and sigmoidCrossEntropy (label smoothing), with and
// without weights (zeros among them) and every reduction. Seeded; float32.
// Run: node scripts/reference/tfjs.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);
const version = require('@tensorflow/tfjs/package.json').version;
const SEED = 14;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'framework-cases-tfjs.json');

await tf.setBackend('cpu');
// mulberry32: a small seeded generator, so the cases are the same on every run.
let state = SEED;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const gauss = (s) => s * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const EDGES = [0, 1, 1e-7, 5e-8, 1e-8, 1e-30, 1 - 1e-7, 1 - 1e-8, 0.5, 0.9999999];
const REDUCTIONS = {
  SUM_BY_NONZERO_WEIGHTS: tf.Reduction.SUM_BY_NONZERO_WEIGHTS,
  MEAN: tf.Reduction.MEAN,
  SUM: tf.Reduction.SUM,
  NONE: tf.Reduction.NONE,
};
const enc = (v) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v);

const cases = [];
function add(loss, prediction, target, options, run) {
  const value = tf.tidy(() => run());
  const data = Array.from(value.dataSync(), enc);
  cases.push({
    id: `tfjs/${loss}/${cases.length}`,
    framework: 'tfjs',
    loss,
    args: { prediction, target },
    options: { ...options, dtype: 'float32' },
    expect: { value: value.rank === 0 ? data[0] : data },
    source: 'tfjs',
  });
  value.dispose();
}

function weightsFor(options, n, c, perRow) {
  const r = random();
  if (r < 0.55) return undefined;
  if (r < 0.7) return pick([0, 0.5, 2]);
  const count = perRow ? n : n * c;
  const w = Array.from({ length: count }, () => pick([0, 1, 0.5, 2, 3]));
  return w;
}

function shapeOf(values, perRow, n, c) {
  return perRow ? [n] : [n, c];
}

for (let i = 0; i < 240; i++) {
  const kind = i % 3;
  const n = int(1, 4),
    c = int(1, 4);
  const reduction = pick(Object.keys(REDUCTIONS));
  const options = { reduction };
  const red = REDUCTIONS[reduction];
  if (kind === 0) {
    const q = Array.from({ length: n }, () =>
      Array.from({ length: c }, () => (random() < 0.5 ? pick(EDGES) : random())),
    );
    const y = Array.from({ length: n }, () => Array.from({ length: c }, () => pick([0, 1, 1, 0.3])));
    const w = weightsFor(options, n, c, false);
    if (w !== undefined) options.weights = w;
    if (random() < 0.2) options.epsilon = pick([1e-5, 1e-3, 0]);
    const wt =
      w === undefined ? undefined : typeof w === 'number' ? tf.scalar(w) : tf.tensor(w, shapeOf(w, false, n, c));
    add('logLoss', q, y, options, () =>
      tf.losses.logLoss(tf.tensor(y), tf.tensor(q), wt, options.epsilon ?? 1e-7, red),
    );
  } else if (kind === 1) {
    const cc = Math.max(c, 2);
    const z = Array.from({ length: n }, () => Array.from({ length: cc }, () => gauss(pick([1, 4, 20]))));
    const y = Array.from({ length: n }, () => {
      const k = int(0, cc - 1);
      return Array.from({ length: cc }, (_, j) => (j === k ? 1 : 0));
    });
    const w = weightsFor(options, n, cc, true);
    if (w !== undefined) options.weights = w;
    const ls = pick([0, 0, 0.1, 0.2]);
    if (ls) options.labelSmoothing = ls;
    const wt = w === undefined ? undefined : typeof w === 'number' ? tf.scalar(w) : tf.tensor(w, [n]);
    add('softmaxCrossEntropy', z, y, options, () =>
      tf.losses.softmaxCrossEntropy(tf.tensor(y), tf.tensor(z), wt, ls, red),
    );
  } else {
    const z = Array.from({ length: n }, () =>
      Array.from({ length: c }, () => (random() < 0.2 ? pick([-100, 100, 20, -20, 0]) : gauss(3))),
    );
    const y = Array.from({ length: n }, () => Array.from({ length: c }, () => pick([0, 1, 0.25])));
    const w = weightsFor(options, n, c, false);
    if (w !== undefined) options.weights = w;
    const ls = pick([0, 0, 0.1]);
    if (ls) options.labelSmoothing = ls;
    const wt = w === undefined ? undefined : typeof w === 'number' ? tf.scalar(w) : tf.tensor(w, [n, c]);
    add('sigmoidCrossEntropy', z, y, options, () =>
      tf.losses.sigmoidCrossEntropy(tf.tensor(y), tf.tensor(z), wt, ls, red),
    );
  }
}
// The binary clamp example of the issue, as TF.js computes it.
add('logLoss', [0, 1], [1, 1], {}, () => tf.losses.logLoss(tf.tensor([1, 1]), tf.tensor([0, 1])));

const counts = { tfjs: cases.length };
const generator = `scripts/reference/tfjs.mjs: @tensorflow/tfjs ${version} (cpu backend), seed ${SEED}`;
writeFileSync(OUT, `${JSON.stringify({ generator, counts, cases })}\n`);
console.log(generator, counts);
