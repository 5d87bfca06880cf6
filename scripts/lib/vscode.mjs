// The real VS Code these scripts run: code-server@4.139.1 (VS Code 1.139.1),
// installed from npm once into a cache folder outside the repo (VS Code itself
// cannot be downloaded on machines without internet), plus headless Chromium.
// Servers start in their own process group so their children (file watcher,
// extension host) end with them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CACHE } from './cache.mjs';
import { ensureDebianPackages } from './debian.mjs';
import { HarnessError, keepLog } from './harness.mjs';
import { node24 } from './node24.mjs';

export { CACHE };
export const CODE_SERVER_VERSION = '4.139.1';
const INSTALL_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER = process.env.CODE_SERVER_DIR ?? join(INSTALL_DIR, 'node_modules', 'code-server');
export const SERVER_MAIN = join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js');
export const CODE_SERVER_ENTRY = join(CODE_SERVER, 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Node that runs code-server (24, whatever Node runs this script) and its environment. */
export const serverNode = () => node24();

/** Installs code-server into the cache unless it is there (about 600 MB, 2–3 minutes). */
export function ensureCodeServer(log = console.log) {
  if (existsSync(SERVER_MAIN) && existsSync(CODE_SERVER_ENTRY)) return;
  if (process.env.CODE_SERVER_DIR)
    throw new HarnessError(
      `CODE_SERVER_DIR=${process.env.CODE_SERVER_DIR} holds no code-server (${SERVER_MAIN} is missing)`,
    );
  ensureDebianPackages(['libkrb5-dev'], 'to build a native module of code-server', log);
  const { env } = serverNode();
  log(`Installing code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (once; about 2–3 minutes)…`);
  // Installed beside its final place and renamed, so an interrupted install is never taken for a finished one.
  const staging = `${INSTALL_DIR}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), '{"private":true}\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Native modules are built against the server's Node: env puts it first on PATH and names its headers.
  const r = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: staging,
      encoding: 'utf8',
      env,
      shell: process.platform === 'win32',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (
    r.status !== 0 ||
    !existsSync(join(staging, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'))
  ) {
    const path = keepLog('code-server-install.log', `${r.error ?? ''}${r.stdout ?? ''}${r.stderr ?? ''}`);
    rmSync(staging, { recursive: true, force: true });
    throw new HarnessError(`installing code-server@${CODE_SERVER_VERSION} failed (npm exit ${r.status}); see ${path}`);
  }
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  renameSync(staging, INSTALL_DIR);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once url answers below 500; gives up after ms, or when signal aborts. */
export async function waitForHttp(url, ms = 60_000, signal) {
  const deadline = Date.now() + ms;
  while (!signal?.aborted) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new HarnessError(`no answer from ${url} after ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts a process in its own group; stop() ends the whole group. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    child,
    output: () => output,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 3000).unref();
    },
  };
}

export async function launchChromium() {
  if (!process.env.CHROMIUM)
    ensureDebianPackages(['chromium', 'fonts-dejavu-core'], "to run VS Code's UI in the tests");
  if (!existsSync(CHROMIUM))
    throw new HarnessError(`Chromium not found at ${CHROMIUM}: install it, or set CHROMIUM to its path`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Starts VS Code's server (code-server's server-main.js, on Node 24) on a
 * port of 127.0.0.1 and waits until it answers. `logName` names the file in
 * .test-output that keeps its output when it fails to start, so the failure is
 * one line, not the server's dump.
 */
export async function startServer({
  port,
  dataDir,
  host = '127.0.0.1',
  env = {},
  logName = 'vscode-server.log',
  log = console.log,
}) {
  ensureCodeServer(log);
  const node = serverNode();
  const server = spawnGroup(
    node.node,
    [
      SERVER_MAIN,
      '--host',
      host,
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-workspace-trust',
      '--server-data-dir',
      dataDir,
    ],
    { env: { ...node.env, ...env } },
  );
  const gone = new AbortController();
  const exited = new Promise((resolve) =>
    server.child.on('exit', (code, signal) => {
      gone.abort();
      resolve(`exited (${signal ?? code}) before it answered`);
    }),
  );
  const answered = waitForHttp(`http://127.0.0.1:${port}/version`, 60_000, gone.signal).then(
    () => undefined,
    (e) => e.message,
  );
  const failure = await Promise.race([answered, exited]);
  if (failure) {
    const path = keepLog(logName, server.output());
    server.stop();
    throw new HarnessError(`VS Code's server ${failure}; its output: ${path}`);
  }
  return server;
}
