// Opens VS Code (code-server) in headless Chromium on a folder, with the
// packaged extension installed the way a user installs it: scripts/e2e.mjs
// packages the .vsix and installs it into ENTROPY_LENS_E2E_EXTENSIONS before the
// suites run. Each workbench gets its own user-data dir and port; the server
// runs in its own process group so its children end with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
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
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function openWorkbench(folder: string): Promise<Workbench> {
  const extensionsDir = process.env.ENTROPY_LENS_E2E_EXTENSIONS;
  if (!extensionsDir)
    throw new Error('ENTROPY_LENS_E2E_EXTENSIONS is not set: run the end-to-end tests through scripts/e2e.mjs');
  const userData = mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-user-'));
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        // Keep the screenshots about the editor: no chat view in the secondary side bar.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
      },
      null,
      1,
    ),
  );
  const port = await freePort();
  const server: ChildProcess = spawn(
    process.execPath,
    [
      join(CODE_SERVER, 'out', 'node', 'entry.js'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userData,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      folder,
    ],
    { detached: true, stdio: 'ignore' },
  );
  const stopServer = (): void => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 3000).unref();
  };
  let browser: Browser | undefined;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-viewlet .monaco-list-row', { timeout: 60_000 });
    const b = browser;
    return {
      page,
      close: async () => {
        await b.close().catch(() => {});
        stopServer();
        rmSync(userData, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close().catch(() => {});
    stopServer();
    throw e;
  }
}

const exactly = (text: string): RegExp => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Picks the quick-input row whose label is exactly `label` (clicking it: Enter would take the highlighted row). */
async function pickRow(page: Page, label: string, timeoutMs: number): Promise<void> {
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
    .first();
  await row.waitFor({ timeout: timeoutMs });
  await row.click();
}

/** Runs a command from the palette (F1), retrying while the extension's contributions load. */
export async function runCommand(page: Page, title: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(`>${title}`);
    try {
      await pickRow(page, title, 3_000);
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`command "${title}" did not appear in the palette`);
      await page.waitForTimeout(1_000);
    }
  }
}

/** Chooses a colour theme by its label with "Preferences: Color Theme", as a user does. */
export async function setColorTheme(page: Page, label: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(label);
  await pickRow(page, label, 15_000);
  // The picker previews the highlighted theme; only once it has closed is the choice made.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Opens a file of the workspace from the explorer and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-viewlet .monaco-list-row', { hasText: name }).first().click();
  await page
    .waitForSelector(`.tab.active[aria-label*="${name}"], .tab.active:has-text("${name}")`, { timeout: 30_000 })
    .catch(() => {});
  await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });
}

/** The text of the newest notification toast that mentions `needle` (non-breaking spaces normalised). */
export async function toast(page: Page, needle: string | RegExp, timeoutMs = 60_000): Promise<string> {
  const item = page.locator('.notifications-toasts .notification-list-item', { hasText: needle }).last();
  await item.waitFor({ timeout: timeoutMs });
  return (await item.innerText()).replace(/\u00a0/g, ' ');
}

/** The visible text of the active editor (non-breaking spaces normalised). */
export async function editorText(page: Page): Promise<string> {
  return (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Waits for a code lens holding `text`. On a timeout the error lists the lenses
 * on screen, so a lens that stayed stale is told apart from one never drawn.
 */
export async function waitForLens(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  try {
    await page.locator('.codelens-decoration', { hasText: text }).first().waitFor({ timeout: timeoutMs });
  } catch (e) {
    const shown = await page.locator('.codelens-decoration').allInnerTexts();
    const lenses = shown.map((t) => JSON.stringify(t.replace(/\u00a0/g, ' '))).join(', ') || 'none';
    throw new Error(`no code lens with ${JSON.stringify(text)} after ${timeoutMs} ms; lenses shown: ${lenses}`, {
      cause: e,
    });
  }
}
