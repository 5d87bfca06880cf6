// The real VS Code these scripts run: code-server@4.139.1 (VS Code 1.139.1),
// installed from npm once into a cache folder outside the repo (VS Code itself
// cannot be downloaded on machines without internet), plus headless Chromium.
// Servers start in their own process group so their children (file watcher,
// extension host) end with them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const CACHE = process.env.ENTROPY_LENS_CACHE ?? join(homedir(), '.cache', 'entropy-lens');
const INSTALL_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER = process.env.CODE_SERVER_DIR ?? join(INSTALL_DIR, 'node_modules', 'code-server');
export const SERVER_MAIN = join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js');
export const CODE_SERVER_ENTRY = join(CODE_SERVER, 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Installs code-server into the cache unless it is there (about 600 MB, 2–3 minutes). */
export function ensureCodeServer(log = console.log) {
  if (existsSync(SERVER_MAIN) && existsSync(CODE_SERVER_ENTRY)) return;
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) throw new Error(`code-server needs Node ≥ 22 (this is ${process.version}); source scripts/node24.sh first`);
  log(`Installing code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (once; about 2–3 minutes)…`);
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(join(INSTALL_DIR, 'package.json'), '{"private":true}\n');
  // Native modules are built against this Node: its headers ship in the same package.
  const nodedir = process.env.npm_config_nodedir ?? dirname(dirname(process.execPath));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: INSTALL_DIR, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: nodedir },
  });
  if (r.status !== 0 || !existsSync(SERVER_MAIN)) throw new Error(`installing code-server@${CODE_SERVER_VERSION} failed (exit ${r.status})`);
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

export async function waitForHttp(url, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`no answer from ${url} after ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts a process in its own group; stop() ends the whole group. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  const keep = (d) => { output = (output + d).slice(-20_000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    child,
    output: () => output,
    stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000).unref();
    },
  };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
