// One build script for every bundle: the core and finder as Node libraries,
// the extension for the Node and the web-worker extension hosts, the webview,
// and the integration tests that run inside VS Code.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { writeKernels } from './scripts/build-wasm.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // Libraries usable from Node: require('./dist/core.js').evaluate(...)
  {
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.js',
    platform: 'neutral',
    format: 'cjs',
    mainFields: ['module', 'main'],
  },
  {
    ...common,
    entryPoints: ['src/parse/index.ts'],
    outfile: 'dist/finder.js',
    platform: 'neutral',
    format: 'cjs',
    mainFields: ['module', 'main'],
  },
  // The extension, once for the desktop (Node) host and once for the web-worker host.
  {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode', 'node:worker_threads'],
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  // The finder on a worker thread, for large documents in the Node host.
  {
    ...common,
    entryPoints: ['src/extension/offThread/finderWorker.ts'],
    outfile: 'dist/finderWorker.js',
    platform: 'node',
    format: 'cjs',
  },
  // The same in a Web Worker, for the web-worker host: a classic script (VS Code starts nested workers with importScripts).
  {
    ...common,
    entryPoints: ['src/extension/offThread/webFinderWorker.ts'],
    outfile: 'dist/web/finderWorker.js',
    platform: 'browser',
    format: 'iife',
  },
  // Live computations on large values from a debugger, the same two ways.
  {
    ...common,
    entryPoints: ['src/extension/offThread/computeWorker.ts'],
    outfile: 'dist/computeWorker.js',
    platform: 'node',
    format: 'cjs',
  },
  {
    ...common,
    entryPoints: ['src/extension/offThread/webComputeWorker.ts'],
    outfile: 'dist/web/computeWorker.js',
    platform: 'browser',
    format: 'iife',
  },
  // The visualizer webview: a plain browser script, loaded by nonce.
  // The core's SIMD kernels are left out (noKernels): compiling WebAssembly would need 'wasm-unsafe-eval' in the webview's CSP.
  {
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    plugins: [noKernels()],
  },
  // Integration tests, loaded by VS Code's extension test runner (mocha bundled in).
  {
    ...common,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'dist/test/integration.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    plugins: [integrationSuites()],
    // mocha's parallel mode (never used here) require.resolve()s worker files.
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
];

/** src/core/wasm/kernelsBytes.ts replaced by an empty module: the core then keeps its JavaScript path (src/core/simd.ts). */
function noKernels() {
  return {
    name: 'no-kernels',
    setup(build) {
      build.onResolve({ filter: /\/kernelsBytes$/ }, (args) => ({ path: args.path, namespace: 'no-kernels' }));
      build.onLoad({ filter: /.*/, namespace: 'no-kernels' }, () => ({
        contents: "export const KERNELS_WASM = '';\n",
        loader: 'js',
      }));
    },
  };
}

/** The virtual module `entropy-lens:integration-suites`: a lazy loader per test/integration/*.test.ts. */
function integrationSuites() {
  return {
    name: 'integration-suites',
    setup(build) {
      build.onResolve({ filter: /^entropy-lens:integration-suites$/ }, (args) => ({
        path: args.path,
        namespace: 'suites',
      }));
      build.onLoad({ filter: /.*/, namespace: 'suites' }, () => {
        const files = readdirSync('test/integration')
          .filter((f) => f.endsWith('.test.ts'))
          .sort();
        const lines = files.map(
          (f) => `  [${JSON.stringify(f.replace(/\.test\.ts$/, ''))}, () => require(${JSON.stringify('./' + f)})],`,
        );
        return {
          contents: `export const suites = [\n${lines.join('\n')}\n];\n`,
          resolveDir: 'test/integration',
          loader: 'js',
        };
      });
    },
  };
}

// A missing entry point is an error, not a bundle quietly left out of the package.
const missing = bundles.flatMap((b) => b.entryPoints.filter((e) => !existsSync(e)));
if (missing.length) {
  console.error(`esbuild.mjs: entry point${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`);
  process.exit(1);
}

// The SIMD kernels' bytes from their source, before the bundles that embed them.
await writeKernels();

if (watch) {
  const contexts = await Promise.all(bundles.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${bundles.length} bundles`);
} else {
  await Promise.all(bundles.map((b) => esbuild.build(b)));
  console.log(`built ${bundles.map((b) => b.outfile).join(', ')}`);
}
