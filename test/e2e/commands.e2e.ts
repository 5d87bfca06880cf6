// End to end in the VS Code UI with the packaged .vsix: open the demo
// workspace, select the arrays y_true and y_pred in classifier.py, run
// "Entropy Lens: Compute cross-entropy" from the command palette (F1), read
// the result the user sees, open the per-element breakdown, and check that an
// invalid pair gets a message saying what is wrong. Screenshots go to
// .test-output/screenshots/.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openFile, openWorkbench, runCommand, type Workbench } from './support/workbench';

const SHOTS = join(process.cwd(), '.test-output', 'screenshots');
const DEMO = process.env.ENTROPY_LENS_DEMO ?? join(process.cwd(), 'demo');

/** Selects whole lines `from`..`to` (1-based) of the active editor with Go to Line and Shift+Down. */
async function selectLines(page: Page, from: number, to: number): Promise<void> {
  await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(from));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  for (let i = from; i <= to; i++) await page.keyboard.press('Shift+ArrowDown');
}

/** The text of the newest notification toast that mentions `needle`. */
async function toast(page: Page, needle: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const item = page.locator('.notifications-toasts .notification-list-item', { hasText: needle }).last();
  await item.waitFor({ timeout: timeoutMs });
  return (await item.innerText()).replace(/\u00a0/g, ' ');
}

describe('Compute cross-entropy in the VS Code UI', function () {
  this.timeout(240_000);
  let wb: Workbench;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const folder = join(mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-commands-')), 'demo');
    cpSync(DEMO, folder, { recursive: true });
    writeFileSync(join(folder, 'mismatch.py'), 'y_true = [0, 1, 0, 0]\ny_pred = [0.2, 0.7, 0.1]\n');
    wb = await openWorkbench(folder);
    await openFile(wb.page, 'classifier.py');
  });

  after(async () => { await wb?.close(); });

  it('shows H(p,q), H(p), KL and perplexity for the selected y_true and y_pred', async () => {
    // The demo's code lenses are up first (the extension has activated on Python).
    await wb.page.locator('.codelens-decoration', { hasText: 'H(p,q)' }).first().waitFor({ timeout: 60_000 });
    await selectLines(wb.page, 9, 10);
    await runCommand(wb.page, 'Entropy Lens: Compute cross-entropy');
    const text = await toast(wb.page, 'H(p,q)');
    await wb.page.screenshot({ path: join(SHOTS, 'compute-cross-entropy.png') });
    // y_true = [0, 1, 0], y_pred = [0.2, 0.7, 0.1]: H(p,q) = −ln 0.7 = 0.3567 nats.
    assert.match(text, /H\(p,q\) = 0\.357/);
    assert.match(text, /nats/);
    assert.match(text, /y_true/);
    assert.match(text, /y_pred/);
  });

  it('opens the per-element breakdown from the result', async () => {
    const item = wb.page.locator('.notifications-toasts .notification-list-item', { hasText: 'H(p,q)' }).last();
    await item.hover();
    await item.locator('.monaco-button', { hasText: 'Show breakdown' }).click();
    const tab = wb.page.locator('.tabs-container .tab', { hasText: /Breakdown/ }).first();
    await tab.waitFor({ timeout: 30_000 });
    assert.match(await tab.innerText(), /y_true → y_pred/);
    const texts = async () => (await wb.page.locator('.editor-instance .view-lines').allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    await wb.page.waitForFunction(() => Array.from(document.querySelectorAll('.editor-instance .view-lines')).some((e) => (e as HTMLElement).innerText.includes('Figures')), undefined, { timeout: 30_000 });
    const shown = (await texts()).replace(/\n/g, ''); // word wrap breaks lines anywhere
    assert.match(shown, /cross-entropy/);
    assert.match(shown, /H\(p,q\) cross-entropy\s*\|\s*0\.356675/, shown.slice(-1500));
    await wb.page.screenshot({ path: join(SHOTS, 'breakdown.png') });
  });

  it('says what is wrong when the lengths differ, and leaves the text alone', async () => {
    await openFile(wb.page, 'mismatch.py');
    await selectLines(wb.page, 1, 2);
    await runCommand(wb.page, 'Entropy Lens: Compute cross-entropy');
    const text = await toast(wb.page, 'cannot compute');
    assert.match(text, /y_true/);
    assert.match(text, /4/);
    assert.match(text, /3/);
    await wb.page.screenshot({ path: join(SHOTS, 'compute-error.png') });
    const editors = (await wb.page.locator('.editor-instance .view-lines').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
    assert.ok(editors.some((t) => t.includes('y_true = [0, 1, 0, 0]') && t.includes('y_pred = [0.2, 0.7, 0.1]')), 'mismatch.py is unchanged');
  });
});
