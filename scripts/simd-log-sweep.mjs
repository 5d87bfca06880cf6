// The SIMD kernels' log against log.ts's fastLog (bit for bit) and Math.log
// (at most 2 ulp) over 10^7 doubles spread over every positive finite exponent,
// subnormals included. Exits 1 on any difference. The unit test
// (test/unit/core/simd.test.ts) runs the same check on 10^6.
// `node scripts/node.mjs scripts/simd-log-sweep.mjs [count]`
import { loadSimdCore } from './lib/simdCore.mjs';

const core = await loadSimdCore();
if (!core.simdAvailable()) {
  console.error('WebAssembly SIMD is not available in this Node');
  process.exit(1);
}
const n = Number(process.argv[2] ?? 1e7);
const x = new Float64Array(n);
const raw = new BigUint64Array(x.buffer);
let s = 0x9e3779b97f4a7c15n;
for (let i = 0; i < n; i++) {
  s ^= (s << 13n) & 0xffffffffffffffffn;
  s ^= s >> 7n;
  s ^= (s << 17n) & 0xffffffffffffffffn;
  raw[i] = s % 0x7ff0000000000000n; // every positive finite double, subnormals included
}
const bits = new BigInt64Array(1),
  f = new Float64Array(bits.buffer);
function ulps(a, b) {
  if (a === b) return 0;
  f[0] = a;
  const u = bits[0];
  f[0] = b;
  const d = u - bits[0];
  return Number(d < 0n ? -d : d);
}
const got = core.simdLog(x);
let differ = 0,
  worst = 0,
  subnormals = 0;
for (let i = 0; i < n; i++) {
  if (x[i] < 2.2250738585072014e-308) subnormals++;
  if (!Object.is(got[i], core.fastLog(x[i]))) differ++;
  const want = Math.log(x[i]);
  worst = Math.max(worst, want === 0 ? (got[i] === 0 ? 0 : Infinity) : ulps(got[i], want));
}
console.log(
  `${n} doubles (${subnormals} subnormal): ${differ} differ from fastLog; largest error against Math.log ${worst} ulp`,
);
process.exit(differ === 0 && worst <= 2 ? 0 : 1);
