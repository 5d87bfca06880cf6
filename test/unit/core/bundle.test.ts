// The core bundles, as `npm run build` does (CommonJS, platform neutral), into a
// library that Node can require and that exposes evaluate(). Built here into a
// temporary directory so the test does not depend on a previous build.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('bundles src/core to a CommonJS library exposing evaluate and the named functions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'core-bundle-'));
  try {
    const outfile = join(dir, 'core.js');
    await build({
      entryPoints: [join(__dirname, '../../../src/core/index.ts')], outfile, bundle: true,
      platform: 'neutral', format: 'cjs', mainFields: ['module', 'main'], target: 'es2022', logLevel: 'silent',
    });
    const core = createRequire(import.meta.url)(outfile) as Record<string, unknown>;
    for (const name of ['evaluate', 'entropy', 'crossEntropy', 'klDivergence', 'jsDivergence', 'softmax', 'logSoftmax', 'logSumExp', 'binaryCrossEntropy', 'categoricalCrossEntropy', 'analyze', 'classify']) {
      expect(typeof core[name], name).toBe('function');
    }
    const evaluate = core['evaluate'] as (r: unknown) => { value: number };
    expect(evaluate({ fn: 'entropy', args: { p: [0.5, 0.5], base: 2 } }).value).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
