// End to end in VS Code's notebook editor (code-server in headless Chromium,
// its built-in ipynb support, no kernel) with the packaged .vsix: the demo
// notebook's prediction (cell 3) hovered with the mouse shows H(p,q) computed
// with the target of cell 2; the cell status bar of cell 6, whose saved outputs
// print torch tensors, shows their figures; an edit typed into cell 2 changes the
// lens of cell 3; cell 3's "…" menu computes cross-entropy. Screenshots in
// .test-output/screenshots/ (notebook.png is the README's docs/screenshots/notebook.png).
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { openWorkbench, runCommand, type Workbench } from './support/workbench';

const DEMO = process.env.ENTROPY_LENS_DEMO ?? join(process.cwd(), 'demo');
const SHOTS = join(process.cwd(), '.test-output', 'screenshots');
const CE = (-Math.log(0.7)).toFixed(3);

const clean = (s: string) => s.replace(/\u00a0/g, ' ');

describe('notebooks in the VS Code UI', function () {
  this.timeout(240_000);
  let wb: Workbench;
  /** The notebook's code cells in order (cell 2 is code cell 0: the markdown cell comes first). */
  const codeCell = (k: number): Locator => wb.page.locator('.notebookOverlay .code-cell-row').nth(k);

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const folder = mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-notebook-'));
    cpSync(DEMO, folder, { recursive: true });
    wb = await openWorkbench(folder);
    // Tall enough for every cell of the demo notebook and its outputs at once.
    await wb.page.setViewportSize({ width: 1280, height: 1300 });
    await wb.page.locator('.explorer-viewlet .monaco-list-row', { hasText: 'notebook.ipynb' }).first().click();
    await wb.page.waitForSelector('.notebookOverlay, .editor-instance .view-lines', { timeout: 60_000 });
    // Before the built-in ipynb support has started, code-server opens .ipynb as text: reopen it in the notebook editor, as a user would.
    if ((await wb.page.locator('.notebookOverlay').count()) === 0) {
      await runCommand(wb.page, 'View: Reopen Editor With...');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Jupyter Notebook' }).first().click();
    }
    await wb.page
      .locator('.notebookOverlay .code-cell-row .view-line', { hasText: 'print(labels)' })
      .first()
      .waitFor({ timeout: 120_000 })
      .catch(async (e: unknown) => {
        await wb.page.screenshot({ path: join(SHOTS, 'notebook-not-open.png') });
        throw e;
      });
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
  });

  after(async () => {
    await wb?.close();
  });

  it("shows the lens on the prediction in cell 3, naming the target's cell", async () => {
    const lens = codeCell(1).locator('.codelens-decoration', { hasText: 'H(p,q)' }).first();
    await lens.waitFor({ timeout: 60_000 });
    assert.equal(
      clean(await lens.innerText()).trim(),
      `H(p,q) = ${CE} nats · KL = ${CE} · H(p) = 0 · target y_true in cell 2`,
    );
    // The README's picture: the cross-cell lens and the printed outputs' figures in the cell status bars.
    await codeCell(4).locator('.cell-status-item', { hasText: 'H(p,q)' }).first().waitFor({ timeout: 30_000 });
    await wb.page
      .locator('.part.editor')
      .first()
      .screenshot({ path: join(SHOTS, 'notebook.png') });
  });

  it('hovers the prediction in cell 3 and reads H(p,q) computed with the target from cell 2', async () => {
    const number = codeCell(1)
      .locator('.view-line span span', { hasText: /^0\.7$/ })
      .first();
    const box = (await number.boundingBox())!;
    await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = wb.page.locator('.monaco-hover', { hasText: 'Paired as the prediction' }).first();
    await hover.waitFor({ timeout: 30_000 });
    const text = clean(await hover.innerText());
    assert.match(text, /Paired as the prediction with y_true/);
    assert.match(text, new RegExp(`H\\(p,q\\) cross-entropy\\s+${CE.replace('.', '\\.')}`));
    await wb.page.screenshot({ path: join(SHOTS, 'notebook-hover.png') });
    await wb.page.mouse.move(5, 5);
    await wb.page.keyboard.press('Escape');
  });

  it("shows the figures of cell 6's printed tensors in its cell status bar", async () => {
    const item = codeCell(4).locator('.cell-status-item', { hasText: 'H(p,q)' }).first();
    // F.cross_entropy(logits, labels) for this cell, printed by Debian's python3-torch 1.13: 0.45598846673965454.
    assert.equal(clean(await item.innerText()).trim(), 'H(p,q) 0.456 nats · KL 0.456');
    // Cell 5 prints a NumPy array: its entropy.
    const p = [0.65900114, 0.24243297, 0.09856589];
    const h = -p.reduce((s, x) => s + x * Math.log(x), 0);
    const five = codeCell(3).locator('.cell-status-item', { hasText: 'H(p)' }).first();
    assert.equal(clean(await five.innerText()).trim(), `H(p) ${h.toFixed(3)} nats`);
  });

  it("follows an edit typed into cell 2: the prediction's lens in cell 3 changes", async () => {
    const { page } = wb;
    const line = codeCell(0).locator('.view-line', { hasText: 'y_true = [0, 1, 0]' }).first();
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('y_true = [1, 0, 0]');
    const ce = (-Math.log(0.2)).toFixed(3);
    const lens = codeCell(1)
      .locator('.codelens-decoration', { hasText: `H(p,q) = ${ce} nats` })
      .first();
    await lens.waitFor({ timeout: 30_000 });
    assert.match(clean(await lens.innerText()), /target y_true in cell 2/);
    await page.screenshot({ path: join(SHOTS, 'notebook-edited.png') });
    // Type the target back (Ctrl+Z undoes typing a few characters at a time).
    await codeCell(0).locator('.view-line', { hasText: 'y_true = [1, 0, 0]' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('y_true = [0, 1, 0]');
    await codeCell(1)
      .locator('.codelens-decoration', { hasText: `H(p,q) = ${CE} nats` })
      .first()
      .waitFor({ timeout: 30_000 });
  });

  it("computes cross-entropy from cell 3's context menu", async () => {
    const { page } = wb;
    await page.keyboard.press('Escape');
    // The cell's context menu opens on a right click beside its editor (the cell's focus indicator on the left).
    const cell = codeCell(1);
    const box = (await cell.boundingBox())!;
    await page.mouse.click(box.x + 8, box.y + box.height / 2, { button: 'right' });
    const entry = page.locator('.context-view .action-label', { hasText: /^Compute cross-entropy$/ }).first();
    await entry.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'notebook-cell-menu.png') });
    await entry.click();
    const toast = page.locator('.notifications-toasts', { hasText: 'H(p,q)' }).first();
    await toast.waitFor({ timeout: 30_000 });
    const text = clean(await toast.innerText());
    assert.match(text, new RegExp(CE.replace('.', '\\.')));
    assert.match(text, /y_true/);
  });
});
