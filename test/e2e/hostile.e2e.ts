// Hostile documents in the VS Code UI: typed (or, where the browser's editor cannot take the typing, opened) in the
// editor, Compute entropy on each ends in a clear notification, and afterwards
// the mouse still brings up the hover of an ordinary pair - the extension host
// was neither hung nor killed. Screenshots go to .test-output/e2e/hostile/.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openFile, openWorkbench, runCommand, toast, waitForLens, type Workbench } from './support/workbench';

const shots = join(process.cwd(), '.test-output', 'e2e', 'hostile');

/** What no message to a user should contain: a raw value or a JavaScript error. */
const UNCLEAR = /= NaN|\bundefined\b|\[object |TypeError|RangeError|heap|stack size/;

const editorLines = (page: Page) => page.locator('.editor-group-container.active .editor-instance .view-lines').first();

/** Replaces the active editor's text with `text`, entered as typed input (auto-closing brackets off: inserted whole). */
async function typeDocument(page: Page, text: string): Promise<void> {
  await editorLines(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Selects the whole document, runs Compute entropy from the palette; the newest notification it raised. */
async function computeEntropyOfAll(page: Page, needle: RegExp, timeoutMs = 60_000): Promise<string> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await editorLines(page).click();
  await page.keyboard.press('Control+A');
  await runCommand(page, 'Entropy Lens: Compute entropy');
  return toast(page, needle, timeoutMs);
}

/** The host still answers: an ordinary pair typed in, the mouse on its prediction brings up the hover. */
async function hoverStillAnswers(page: Page, name: string): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await typeDocument(page, 'y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\n');
  const number = page.locator('.editor-group-container.active .view-line span span', { hasText: /^0\.7$/ }).first();
  const hover = page.locator('.monaco-hover', { hasText: 'Paired as the prediction' }).first();
  // The lens of the pair comes once the finder has read the new text; then the mouse brings the hover.
  await waitForLens(page, 'H(p,q)', 60_000);
  for (let attempt = 1; ; attempt++) {
    const box = (await number.boundingBox())!;
    if (attempt < 3) {
      await page.mouse.move(box.x + 1, box.y + 1);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    } else {
      // A mouse hover the workbench hid again (it happens under load): the keyboard's way to the same hover.
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await runCommand(page, 'Show or Focus Hover');
    }
    try {
      await hover.waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.mouse.move(0, 0);
    }
  }
  assert.match((await hover.innerText()).replace(/\u00a0/g, ' '), /H\(p,q\) cross-entropy\s+0\.357/);
  await page.screenshot({ path: join(shots, `${name}-then-hover.png`) });
  await page.keyboard.press('Escape');
}

describe('hostile documents in the VS Code UI', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    const folder = mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-hostile-'));
    writeFileSync(join(folder, 'typed.py'), '\n');
    writeFileSync(join(folder, 'deep.py'), `x = ${'['.repeat(100_000)}0.5${']'.repeat(100_000)}\n`);
    // 50·10^6 characters on one line: typing it would take hours, so it is opened as a user opens a file.
    writeFileSync(join(folder, 'digits.py'), `x = [${'1234567890'.repeat(5_000_000 - 1)}, 0.5]\n`);
    wb = await openWorkbench(folder);
    await openFile(wb.page, 'typed.py');
  });

  after(async () => {
    await wb?.close();
  });

  it('labels = [0, 1e12] typed in: the entropy of two labels, then the hover answers', async () => {
    await typeDocument(wb.page, 'labels = [0, 1e12]\n');
    const text = await computeEntropyOfAll(wb.page, /H\(p\)|entropy/i);
    await wb.page.screenshot({ path: join(shots, 'labels-1e12.png') });
    assert.doesNotMatch(text, UNCLEAR);
    assert.match(text, /labels/);
    assert.match(text, new RegExp(Math.LN2.toFixed(3).replace('.', '\\.')));
    await hoverStillAnswers(wb.page, 'labels-1e12');
  });

  it('2 000-deep brackets typed in: a message naming the depth, then the hover answers', async () => {
    await typeDocument(wb.page, `x = ${'['.repeat(2_000)}0.5${']'.repeat(2_000)}\n`);
    const text = await computeEntropyOfAll(wb.page, /nested deeper than/);
    assert.doesNotMatch(text, UNCLEAR);
    assert.ok(text.length < 600, text);
    await hoverStillAnswers(wb.page, 'typed-brackets');
  });

  // Typed in, 10^5-deep brackets stall the browser's own editor for over an hour (10^4 take 80 s; the extension
  // host is elsewhere), so that document is opened from disk as a user would open it.
  it('10^5-deep brackets opened from the explorer: a message naming the depth, then the hover answers', async () => {
    await openFile(wb.page, 'deep.py');
    const text = await computeEntropyOfAll(wb.page, /nested deeper than/);
    await wb.page.screenshot({ path: join(shots, 'deep-brackets.png') });
    assert.doesNotMatch(text, UNCLEAR);
    assert.ok(text.length < 600, text);
    await openFile(wb.page, 'typed.py');
    await hoverStillAnswers(wb.page, 'deep-brackets');
  });

  it('a 50 MB line of digits opened from the explorer: a clear message, then the hover answers', async () => {
    // A web workbench asks before it shows a file over 10 MB (workbench.editorLargeFileConfirmation); the user says yes.
    await wb.page.locator('.explorer-viewlet .monaco-list-row', { hasText: 'digits.py' }).first().click();
    await wb.page.getByRole('button', { name: 'Open Anyway' }).click({ timeout: 60_000 });
    await editorLines(wb.page).waitFor({ timeout: 120_000 });
    const text = await computeEntropyOfAll(wb.page, /x \(line 1\)/, 180_000);
    await wb.page.screenshot({ path: join(shots, '50mb-line.png') });
    assert.doesNotMatch(text, UNCLEAR);
    assert.ok(text.length < 600, text);
    await openFile(wb.page, 'typed.py');
    await hoverStillAnswers(wb.page, '50mb-line');
  });
});
