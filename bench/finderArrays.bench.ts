// Benchmarks the array finder's cost per array: documents of many small named
// arrays (`p_123 = [0.1023, 0.0871, …]`), where the work done for each array
// after the scan (role from classify and the name, pairs) dominates. Shows the
// whole findArrays beside the scan alone (same text, same caps), so the
// difference is the per-array overhead of roles and pairs, and that overhead's
// parts: each name's side (names.ts), the role (classify and the name), the
// pairs. Prints tables; never fails on timing.
import * as os from 'node:os';
import { findArrays } from '../src/parse/index';
import { Scanner } from '../src/parse/scanner';
import { syntaxFor } from '../src/parse/languages';
import { DEFAULT_LIMITS } from '../src/parse/types';
import { nameSide } from '../src/parse/names';
import { roleWithSide } from '../src/parse/roles';
import { findPairs } from '../src/parse/pairs';
import { rnd, timeIt } from './lib/timing';

const MB = 1e6;

/** `count` values rounded to 4 decimals, summing to about 1 (a distribution, as a model would print). */
function distribution(r: () => number, count: number): string {
  const raw = Array.from({ length: count }, () => r() + 0.01);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => (x / total).toFixed(4)).join(', ');
}

/** `lines` lines `name_k = [v, …]` of `width` values; `names(k)` gives each line's name. */
function document(lines: number, width: number, names: (k: number) => string, seed = 11): string {
  const r = rnd(seed);
  const out: string[] = [];
  for (let k = 0; k < lines; k++) out.push(`${names(k)} = [${distribution(r, width)}]`);
  return out.join('\n') + '\n';
}

const SIDES = ['y_true', 'y_pred', 'logits', 'labels', 'probs', 'weights', 'train_targets', 'val_outputs'];
const cases: [string, string][] = [
  ['25 000 × 10 values, names p_<k> (all distinct)', document(25_000, 10, (k) => `p_${k}`)],
  ['25 000 × 10 values, names w<k> (say nothing)', document(25_000, 10, (k) => `w${k}`)],
  [
    '25 000 × 10 values, mixed side names <side>_<k>',
    document(25_000, 10, (k) => `${SIDES[k % SIDES.length]}_${k >> 3}`),
  ],
  ['82 000 × 10 values, names p_<k> (10 MB)', document(82_000, 10, (k) => `p_${k}`)],
  ['25 000 × 3 values, names p_<k>', document(25_000, 3, (k) => `p_${k}`)],
];

const limits = { maxArrays: 200_000 };
const caps = { ...DEFAULT_LIMITS, ...limits };
const table: Record<string, string>[] = [];
const parts: Record<string, string>[] = [];
const us = (ms: number, n: number): string => ((ms * 1000) / n).toFixed(2);
for (const [label, text] of cases) {
  const found = findArrays(text, 'python', limits);
  const n = found.arrays.length;
  const all = timeIt(() => findArrays(text, 'python', limits));
  const scan = timeIt(() => new Scanner(text, syntaxFor('python'), caps).run());
  const scanned = new Scanner(text, syntaxFor('python'), caps).run();
  const sides = scanned.arrays.map((a) => nameSide(a.name));
  parts.push({
    case: label,
    'name sides µs / array': us(timeIt(() => scanned.arrays.map((a) => nameSide(a.name))).cpu, n),
    'roles µs / array': us(timeIt(() => scanned.arrays.map((a, k) => roleWithSide(a.values, a.name, sides[k]))).cpu, n),
    'pairs µs / array': us(timeIt(() => findPairs(text, found.arrays, scanned.calls, sides)).cpu, n),
  });
  table.push({
    case: label,
    MB: (text.length / MB).toFixed(2),
    arrays: n.toLocaleString('en'),
    pairs: found.pairs.length.toLocaleString('en'),
    'findArrays CPU ms': all.cpu.toFixed(1),
    'MB/s (CPU)': (text.length / MB / (all.cpu / 1000)).toFixed(1),
    'scan only CPU ms': scan.cpu.toFixed(1),
    'µs / array (whole)': ((all.cpu * 1000) / n).toFixed(2),
    'µs / array after the scan': us(all.cpu - scan.cpu, n),
  });
}
console.log(
  `Per-array cost (best of 7; load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${os.cpus().length} CPUs)`,
);
console.table(table);
console.log('After the scan, by part (each timed alone; the whole also pays the GC of what the scan keeps)');
console.table(parts);
