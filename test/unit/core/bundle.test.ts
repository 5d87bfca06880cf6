// The core bundles, as `npm run build` does (CommonJS, platform neutral), into a
// library that Node can require and that exposes evaluate(). Built here into a
// temporary directory so the test does not depend on a previous build.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('bundles src/core to a CommonJS library exposing evaluate and the named functions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'core-bundle-'));
  try {
    const outfile = join(dir, 'core.js');
    await build({
      entryPoints: [join(__dirname, '../../../src/core/index.ts')],
      outfile,
      bundle: true,
      platform: 'neutral',
      format: 'cjs',
      mainFields: ['module', 'main'],
      target: 'es2022',
      logLevel: 'silent',
    });
    const core = createRequire(import.meta.url)(outfile) as Record<string, unknown>;
    for (const name of [
      'evaluate',
      'entropy',
      'crossEntropy',
      'klDivergence',
      'jsDivergence',
      'softmax',
      'logSoftmax',
      'logSumExp',
      'binaryCrossEntropy',
      'categoricalCrossEntropy',
      'analyze',
      'classify',
    ]) {
      expect(typeof core[name], name).toBe('function');
    }
    const evaluate = core['evaluate'] as (r: unknown) => { value: number };
    expect(evaluate({ fn: 'entropy', args: { p: [0.5, 0.5], base: 2 } }).value).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('is built by npm run build (esbuild.mjs) with the same entry and format as above', () => {
  // The test above cannot run esbuild.mjs (it builds every bundle into dist/);
  // this keeps the two from drifting apart.
  const script = readFileSync(join(__dirname, '../../../esbuild.mjs'), 'utf8');
  // The bundle's options object: from the `{` before its outfile to the `}` after it.
  const at = script.indexOf("outfile: 'dist/core.js'");
  expect(at).toBeGreaterThan(0);
  const line = script.slice(script.lastIndexOf('{', at), script.indexOf('}', at) + 1);
  for (const part of [
    "entryPoints: ['src/core/index.ts']",
    "platform: 'neutral'",
    "format: 'cjs'",
    "mainFields: ['module', 'main']",
  ])
    expect(line).toContain(part);
});
