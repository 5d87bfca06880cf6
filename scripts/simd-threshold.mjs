// Where the core's SIMD kernels overtake its JavaScript loops: ns per call of
// entropy, cross-entropy and KL on Float64Arrays of n elements, with the kernels
// off and on for every length, and the smallest n from which they win for all
// three (src/core/simd.ts's SIMD_THRESHOLD is set from it).
// `node scripts/node.mjs scripts/simd-threshold.mjs`
import { loadSimdCore } from './lib/simdCore.mjs';

const core = await loadSimdCore();
if (!core.simdAvailable()) {
  console.error('WebAssembly SIMD is not available in this Node');
  process.exit(1);
}

function distribution(n, seed) {
  const p = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) s += p[i] = 1.5 + Math.sin(seed * 7.3 + i * 1.7);
  for (let i = 0; i < n; i++) p[i] /= s;
  return p;
}

/** CPU time (the machine may be shared), best of 9 of the mean ns per call over enough calls for ~20 ms. */
function time(fn) {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) * 1000;
  };
  let calls = 1;
  for (;;) {
    const t = cpu();
    for (let i = 0; i < calls; i++) fn();
    if (cpu() - t > 2e7) break;
    calls *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < 9; r++) {
    const t = cpu();
    for (let i = 0; i < calls; i++) fn();
    best = Math.min(best, (cpu() - t) / calls);
  }
  return best;
}

const lengths = [2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 256, 1024, 4096];
const rows = [];
let threshold;
for (const n of lengths) {
  const p = distribution(n, 1),
    q = distribution(n, 2);
  const fns = {
    entropy: () => core.entropy(p),
    crossEntropy: () => core.crossEntropy(p, q),
    kl: () => core.klDivergence(p, q),
  };
  const row = { n };
  let wins = true;
  for (const [name, fn] of Object.entries(fns)) {
    core.setSimdMode('off');
    const js = time(fn);
    core.setSimdMode('always');
    const simd = time(fn);
    row[`${name} js`] = js.toFixed(0);
    row[`${name} simd`] = simd.toFixed(0);
    if (!(simd < js)) wins = false;
  }
  core.setSimdMode('auto');
  row['simd wins'] = wins ? 'yes' : 'no';
  if (!wins) threshold = undefined;
  else threshold ??= n;
  rows.push(row);
}
console.log(`ns per call (CPU time), best of 9 (Node ${process.version}); SIMD_THRESHOLD is ${core.SIMD_THRESHOLD}`);
console.table(rows);
console.log(
  threshold === undefined
    ? 'the SIMD kernels do not win at every length from any n measured'
    : `the SIMD kernels win for all three from n = ${threshold} on`,
);
