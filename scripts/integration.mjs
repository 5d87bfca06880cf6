// Integration tests in a real VS Code: starts VS Code's server (from
// code-server) with the smoke-test driver, opens the workbench in headless
// Chromium with this repo as the extension under development and
// dist/test/integration.js as the tests, and waits for VS Code to report the
// exit code. Needs `npm run build` first. `node scripts/integration.mjs` runs it
// alone; ENTROPY_LENS_TEST_GREP=<text> runs only matching tests.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HarnessError, keepLog, runMain } from './lib/harness.mjs';
import { spawnSync } from 'node:child_process';
import {
  CODE_SERVER_ENTRY,
  ensureCodeServer,
  freePort,
  launchChromium,
  serverNode,
  startServer,
} from './lib/vscode.mjs';
import { ensureDebianPackages } from './lib/debian.mjs';

const root = resolve(import.meta.dirname, '..');
const TIMEOUT_MS = 15 * 60_000;
// Test-only extensions (debug types for debugpy and lldb-vscode), installed into the server's
// extensions before it starts: a second extensionDevelopmentPath in the payload loads neither.
const TEST_EXTENSIONS = ['python-debug', 'lldb-debug'];

function installTestExtensions(dataDir, scratch, log) {
  const { node, env } = serverNode();
  for (const name of TEST_EXTENSIONS) {
    const vsix = join(scratch, `${name}.vsix`);
    const steps = [
      [
        join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--skip-license',
        '--out',
        vsix,
      ],
      [CODE_SERVER_ENTRY, '--install-extension', vsix, '--extensions-dir', join(dataDir, 'extensions')],
    ];
    for (const [i, args] of steps.entries()) {
      const r = spawnSync(i === 0 ? process.execPath : node, args, {
        cwd: join(root, 'test', 'integration', 'extensions', name),
        encoding: 'utf8',
        env: i === 0 ? process.env : env,
      });
      if (r.status !== 0)
        throw new HarnessError(
          `${i === 0 ? 'packaging' : 'installing'} the test extension ${name} failed (exit ${r.status}); see ${keepLog('integration-test-extension.log', `${r.stdout}${r.stderr}`)}`,
        );
    }
    log(`installed the test extension ${name}`);
  }
}

/** Runs the suites; resolves to { passed, failed, outcomes }. */
export async function runIntegration({ log = console.log } = {}) {
  const tests = join(root, 'dist', 'test', 'integration.js');
  if (!existsSync(tests)) throw new HarnessError('dist/test/integration.js is missing: run `npm run build` first');
  const out = join(root, '.test-output');
  mkdirSync(out, { recursive: true });
  const resultsFile = join(out, 'integration-results.json');
  rmSync(resultsFile, { force: true });
  const scratch = mkdtempSync(join(tmpdir(), 'entropy-lens-it-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(root, 'demo'), workspace, { recursive: true });

  // The live-values suite debugs Python with Debian's debugpy, NumPy and PyTorch, and C built by
  // gcc with lldb-vscode.
  ensureDebianPackages(
    ['python3-debugpy', 'python3-numpy', 'python3-torch', 'lldb-15', 'gcc', 'libc6-dev'],
    'to debug Python and C in the tests',
    log,
  );
  ensureCodeServer(log);
  installTestExtensions(join(scratch, 'server-data'), scratch, log);

  const port = await freePort();
  let server;
  let browser;
  try {
    server = await startServer({
      port,
      dataDir: join(scratch, 'server-data'),
      // ENTROPY_LENS_LIVE_BENCH: where the live-values timings go (bench/debug.bench.ts).
      env: {
        ENTROPY_LENS_TEST_RESULTS: resultsFile,
        ENTROPY_LENS_LIVE_BENCH: process.env.ENTROPY_LENS_LIVE_BENCH ?? '',
      },
      logName: 'integration-server.log',
      log,
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(tests)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(remote(workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let finish;
    const exited = new Promise((r) => {
      finish = r;
    });
    // The workbench's log goes to a file; only lines about this extension are echoed.
    const vscodeLog = [];
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = `[${type}] ${Array.isArray(args) ? args.join(' ') : String(args ?? '')}`;
      vscodeLog.push(text);
      if (process.env.ENTROPY_LENS_VERBOSE || (/^\[(warn|error)\]/.test(text) && /entropy.?lens/i.test(text)))
        log(`  [vscode] ${text.slice(0, 2000)}`);
    });
    process.on('exit', () => writeFileSync(join(out, 'integration-vscode.log'), vscodeLog.join('\n')));
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    await page.goto(url);
    const timer = new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS).unref());
    const code = await Promise.race([exited, timer]);
    if (code === 'timeout') log(`integration: VS Code did not finish within ${TIMEOUT_MS / 60000} minutes`);
    if (!existsSync(resultsFile)) {
      const path = keepLog('integration-server.log', server.output());
      throw new HarnessError(
        `no results were written (VS Code ${code === 'timeout' ? 'timed out' : `exit code ${code}`}); the server's output: ${path}`,
      );
    }
    const { outcomes } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const o of outcomes) {
      log(`  ${o.state === 'passed' ? '✓' : '✗'} ${o.title}${o.ms !== undefined ? ` (${o.ms} ms)` : ''}`);
      if (o.error)
        log(
          o.error
            .split('\n')
            .slice(0, 12)
            .map((l) => `      ${l}`)
            .join('\n'),
        );
    }
    const passed = outcomes.filter((o) => o.state === 'passed').length;
    const failed = outcomes.length - passed + (code !== 0 && outcomes.every((o) => o.state === 'passed') ? 1 : 0);
    return { passed, failed, outcomes };
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runMain('integration', async () => {
    const { passed, failed } = await runIntegration();
    console.log(`\nintegration: ${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
}
