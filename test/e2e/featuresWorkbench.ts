// Opens the VS Code workbench (code-server's VS Code server) in headless
// Chromium with this repository as the extension under development, for
// features.e2e.ts. Stand-in until the shell's shared e2e helpers
// (test/e2e/support/) exist; the server runs in its own process group so its
// children end with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export interface Workbench {
  page: Page;
  close(): Promise<void>;
}

const CACHE = process.env.ENTROPY_LENS_CACHE ?? join(homedir(), '.cache', 'entropy-lens');
const CODE_SERVER = process.env.CODE_SERVER_DIR ?? join(CACHE, 'code-server-4.139.1', 'node_modules', 'code-server');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`VS Code server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function openWorkbench(folder: string, extensionPath = process.env.ENTROPY_LENS_EXTENSION_PATH ?? resolve(__dirname, '..', '..')): Promise<Workbench> {
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [
    join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js'),
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-workspace-trust', '--server-data-dir', mkdtempSync(join(tmpdir(), 'entropy-lens-server-')),
  ], { detached: true, stdio: 'ignore' });
  const stopServer = (): void => { try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ } };
  let browser: Browser | undefined;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 30_000);
    const remote = `vscode-remote://127.0.0.1:${port}`;
    const payload = [['extensionDevelopmentPath', `${remote}${extensionPath}`], ['skipWelcome', 'true']];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(remote + folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-viewlet .monaco-list-row', { timeout: 60_000 });
    const b = browser;
    return { page, close: async () => { await b.close(); stopServer(); } };
  } catch (e) {
    await browser?.close();
    stopServer();
    throw e;
  }
}
