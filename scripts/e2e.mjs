// End-to-end tests: packages the .vsix, installs it into a fresh extensions
// folder with code-server (as a user would), then runs every test/e2e/*.e2e.ts
// with mocha in Node; each suite drives VS Code in headless Chromium through
// test/e2e/support/workbench.ts. Screenshots go to .test-output/.
// `node scripts/e2e.mjs [name…]` runs the suites whose file names start so.
import * as esbuild from 'esbuild';
import Mocha from 'mocha';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageVsix } from './package.mjs';
import { HarnessError, keepLog, runMain } from './lib/harness.mjs';
import { CODE_SERVER_ENTRY, ensureCodeServer, serverNode } from './lib/vscode.mjs';

const root = resolve(import.meta.dirname, '..');

export async function runE2E({ log = console.log, only = [] } = {}) {
  ensureCodeServer(log);
  const { path: vsix } = packageVsix(undefined, { log });
  const extensionsDir = mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-ext-'));
  const { node, env } = serverNode();
  const install = spawnSync(node, [CODE_SERVER_ENTRY, '--install-extension', vsix, '--extensions-dir', extensionsDir], {
    encoding: 'utf8',
    env,
  });
  if (install.status !== 0)
    throw new HarnessError(
      `code-server could not install ${vsix} (exit ${install.status}); see ${keepLog('e2e-install.log', `${install.stdout}${install.stderr}`)}`,
    );
  log(`installed ${vsix} into ${extensionsDir}`);

  const files = readdirSync(join(root, 'test', 'e2e'))
    .filter((f) => f.endsWith('.e2e.ts') && (!only.length || only.some((o) => f.startsWith(o))))
    .sort();
  const outdir = join(root, 'out', 'e2e');
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files.map((f) => join(root, 'test', 'e2e', f)),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    outExtension: { '.js': '.cjs' },
    external: ['playwright-core', 'mocha'],
    logLevel: 'warning',
  });
  process.env.ENTROPY_LENS_E2E_EXTENSIONS = extensionsDir;
  process.env.ENTROPY_LENS_DEMO = join(root, 'demo');
  const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, reporter: 'spec', color: false });
  for (const f of files) mocha.addFile(join(outdir, f.replace(/\.ts$/, '.cjs')));
  await mocha.loadFilesAsync();
  let passed = 0,
    failed = 0;
  await new Promise((done) => {
    const runner = mocha.run(() => done());
    runner.on('pass', () => {
      passed++;
    });
    runner.on('fail', () => {
      failed++;
    });
  });
  rmSync(extensionsDir, { recursive: true, force: true });
  return { passed, failed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runMain('e2e', async () => {
    const { passed, failed } = await runE2E({ only: process.argv.slice(2) });
    console.log(`\ne2e: ${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
}
