// The long fuzz campaign of the compute core (test/unit/core/fuzz/campaign.ts,
// whose seeded slice runs in the unit suite): `npm run fuzz` runs 10^6 generated
// calls; `npm run fuzz -- 50000 7` runs 50 000 from seed 7. Prints what it tried
// (calls per function outcome) and every distinct finding; exits 1 if any.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const total = Number(process.argv[2] ?? 1_000_000);
const seed0 = Number(process.argv[3] ?? 1);
const BATCH = 10_000; // one seed per batch: progress, and a finding's batch can be rerun alone

const outdir = join(root, 'out', 'fuzz');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, 'campaign.mjs');
await esbuild.build({
  entryPoints: [join(root, 'test/unit/core/fuzz/campaign.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});
const { runCampaign } = await import(pathToFileURL(outfile).href);

const start = performance.now();
const outcomes = {},
  tried = {};
const findings = [];
let calls = 0,
  slowestMs = 0,
  slowestFn = '';
console.log(`fuzz: ${total} calls of the core's public surface, seeds ${seed0}… (${BATCH} per seed)`);
for (let done = 0, seed = seed0; done < total; seed++) {
  const n = Math.min(BATCH, total - done);
  const r = runCampaign(n, seed, (f) => {
    findings.push({ seed, ...f });
    console.log(`  FINDING (seed ${seed}) ${f.property} in ${f.fn}: ${f.detail}\n    args: ${f.args}`);
  });
  done += n;
  calls += r.calls;
  for (const [k, v] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  for (const [k, v] of Object.entries(r.tried)) tried[k] = (tried[k] ?? 0) + v;
  if (r.slowestMs > slowestMs) {
    slowestMs = r.slowestMs;
    slowestFn = r.slowestFn;
  }
  if (done % 100_000 === 0 || done === total) {
    const s = (performance.now() - start) / 1000;
    console.log(
      `  ${done} calls, ${s.toFixed(0)} s, ${findings.length} findings, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}
const seconds = (performance.now() - start) / 1000;
console.log(
  `\ncalls: ${calls} in ${seconds.toFixed(0)} s (${(calls / seconds).toFixed(0)} per second); slowest call ${slowestMs.toFixed(1)} ms (${slowestFn})`,
);
console.log(
  'tried:',
  Object.entries(tried)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
);
console.log(
  'outcomes:',
  Object.entries(outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
);
console.log(
  findings.length
    ? `${findings.length} distinct findings (above)`
    : 'findings: none (only CoreError thrown, no NaN returned, no call over budget, messages short and naming the element)',
);
process.exit(findings.length ? 1 : 0);
