// The core with its internal SIMD switch, for the SIMD scripts (simd-threshold,
// simd-log-sweep): src/core bundled by esbuild into out/simd/core.cjs and loaded.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** { entropy, crossEntropy, klDivergence, fastLog, setSimdMode, simdAvailable, simdLog, SIMD_THRESHOLD } */
export async function loadSimdCore() {
  const outfile = join(root, 'out', 'simd', 'core.cjs');
  await esbuild.build({
    stdin: {
      contents:
        "export { entropy, crossEntropy, klDivergence, fastLog } from './src/core';\n" +
        "export { setSimdMode, simdAvailable, simdLog, SIMD_THRESHOLD } from './src/core/simd';\n",
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
