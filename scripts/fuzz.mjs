// The long fuzz campaigns, whose seeded slices run in the unit suite: the compute
// core (test/unit/core/fuzz/campaign.ts), the visualizer protocol's validators
// (test/unit/protocol/campaign.ts) and the compute commands on any text and
// selection (test/unit/commands/campaign.ts). `npm run fuzz` runs 10^6 inputs of
// each; `npm run fuzz -- protocol 50000 7` runs 50 000 protocol messages from
// seed 7. Prints what each tried (inputs per kind and outcome) and every distinct
// finding; exits 1 if any.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const CAMPAIGNS = {
  core: 'test/unit/core/fuzz/campaign.ts',
  protocol: 'test/unit/protocol/campaign.ts',
  commands: 'test/unit/commands/campaign.ts',
};
const args = process.argv.slice(2);
const named = args.filter((a) => !/^\d/.test(a));
const [totalArg, seedArg] = args.filter((a) => /^\d/.test(a));
for (const n of named)
  if (!(n in CAMPAIGNS)) throw new Error(`fuzz: no campaign ${n} (${Object.keys(CAMPAIGNS).join(', ')})`);
const targets = named.length ? named : Object.keys(CAMPAIGNS);
const total = Number(totalArg ?? 1_000_000);
const seed0 = Number(seedArg ?? 1);
const BATCH = 10_000; // one seed per batch: progress, and a finding's batch can be rerun alone

const outdir = join(root, 'out', 'fuzz');
mkdirSync(outdir, { recursive: true });
let failed = 0;
for (const target of targets) failed += await campaign(target);
process.exit(failed ? 1 : 0);

/** Runs one campaign; returns its number of distinct findings. */
async function campaign(target) {
  const outfile = join(outdir, `${target}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, CAMPAIGNS[target])],
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
  console.log(`fuzz ${target}: ${total} inputs, seeds ${seed0}… (${BATCH} per seed)`);
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
        `  ${done} inputs, ${s.toFixed(0)} s, ${findings.length} findings, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
      );
    }
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${target}: ${calls} inputs in ${seconds.toFixed(0)} s (${(calls / seconds).toFixed(0)} per second); slowest call ${slowestMs.toFixed(1)} ms (${slowestFn})`,
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
      ? `${target}: ${findings.length} distinct findings (above)\n`
      : `${target}: findings none (every property of ${CAMPAIGNS[target]} held)\n`,
  );
  return findings.length;
}
