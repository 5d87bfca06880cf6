// Runs the benchmarks: each bench/*.bench.ts is bundled by esbuild and run in
// its own Node process (so one benchmark's garbage does not slow the next).
// `npm run bench` runs them all; `npm run bench -- core finder` runs those named.
import * as esbuild from 'esbuild';
import { readdirSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const all = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
// A name picks its own bench (`finder` is finder.bench.ts, not finderArrays too); otherwise a prefix picks all it starts.
const picks = (f, w) => (all.includes(`${w}.bench.ts`) ? f === `${w}.bench.ts` : f.startsWith(w));
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => picks(f, w))) : all;
const outdir = join(root, 'out', 'bench');
mkdirSync(outdir, { recursive: true });

let failed = 0;
for (const file of chosen) {
  const outfile = join(outdir, file.replace(/\.ts$/, '.cjs'));
  await esbuild.build({
    entryPoints: [join(root, 'bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode', 'playwright-core', 'esbuild'],
    logLevel: 'warning',
  });
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
