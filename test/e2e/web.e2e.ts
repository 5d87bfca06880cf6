// End to end in VS Code's web-worker extension host (the extension host of
// vscode.dev, here inside code-server's browser tab): the packaged extension is
// made to run there with `remote.extensionKind` set to ["web"], a large
// document (about 380 KB, 8 000 arrays) is opened, and its code lens and hover
// arrive, read by the finder's Web Worker. The worker is the extension host
// worker's nested worker named "… -> Entropy Lens finder"; the test asks it how
// many documents it read, so it fails when the read happened on the host's
// thread (no worker, or a worker that could not start). Screenshots go to
// .test-output/e2e/web/.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { breakdownFrame, visualizerFrame } from './support/webviews';
import { WORKER_NAME } from '../../src/extension/offThread/webWorker';
import { namedWorker, workerCount } from './support/workers';
import { openWorkbench, runCommand, waitForLens, type Workbench } from './support/workbench';

const block = (i: number) =>
  `y_true_${i} = [0, 1, 0]\ny_pred_${i} = [0.2, 0.7, 0.1]\nloss_${i} = log_loss(y_true_${i}, y_pred_${i})\n`;
// Above the 256 KB from which the features hand a document to the worker, below the 10 000 arrays cap.
const TEXT = Array.from({ length: 4_000 }, (_, i) => block(i)).join('');

const shots = join(process.cwd(), '.test-output', 'e2e', 'web');

const finderWorker = (page: Page): Promise<Worker> => namedWorker(page, WORKER_NAME);
const documentsRead = (w: Worker): Promise<number> => workerCount(w, 'entropyLensDocumentsRead');

async function lensText(page: Page, startsWith: string): Promise<string> {
  await waitForLens(page, startsWith, 60_000);
  return (await page.locator('.codelens-decoration', { hasText: startsWith }).first().innerText())
    .replace(/\u00a0/g, ' ')
    .trim();
}

describe('a large document in the web-worker extension host (vscode.dev)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    const folder = mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-web-'));
    mkdirSync(join(folder, '.vscode'));
    writeFileSync(
      join(folder, '.vscode', 'settings.json'),
      JSON.stringify({ 'remote.extensionKind': { 'entropy-lens.entropy-lens': ['web'] } }),
    );
    writeFileSync(join(folder, 'large.py'), TEXT);
    wb = await openWorkbench(folder);
    await wb.page.locator('.explorer-viewlet .monaco-list-row', { hasText: 'large.py' }).first().click();
    await wb.page.waitForSelector('.editor-instance .view-lines');
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the lens and the hover, read by the finder in a Web Worker', async () => {
    const { page } = wb;
    assert.ok(TEXT.length > 256 * 1024, `the document is ${TEXT.length} characters`);
    assert.equal(await lensText(page, 'H(p,q)'), 'H(p,q) = 0.357 nats · KL = 0.357 · H(p) = 0');
    const worker = await finderWorker(page);
    assert.ok((await documentsRead(worker)) > 0, "the finder's Web Worker read the document");

    const number = page.locator('.editor-instance .view-line span span', { hasText: /^0\.7$/ }).first();
    const box = (await number.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'Entropy Lens' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /y_pred_0/);
    assert.match(text, /Paired as the prediction with y_true_0/);
    await page.screenshot({ path: join(shots, '1-lens-and-hover.png') });
    await page.keyboard.press('Escape');
  });

  it('follows an edit, read again by the Web Worker', async () => {
    const { page } = wb;
    const worker = await finderWorker(page);
    const before = await documentsRead(worker);
    // y_pred_0 = [0.2, 0.7, 0.1] becomes [0.2, 0.4, 0.4]: −ln 0.4 = 0.916. One click puts the
    // caret on its line; the rest is keys, so nothing depends on where the re-rendered text lands.
    const number = page.locator('.editor-instance .view-line span span', { hasText: /^0\.7$/ }).first();
    await number.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('End'); // after ']'
    await page.keyboard.press('ArrowLeft'); // after '0.1'
    await page.keyboard.press('Backspace');
    await page.keyboard.type('4');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft'); // after '0.7'
    await page.keyboard.press('Backspace');
    await page.keyboard.type('4');
    assert.equal(await lensText(page, 'H(p,q) = 0.916'), 'H(p,q) = 0.916 nats · KL = 0.916 · H(p) = 0');
    assert.ok((await documentsRead(worker)) > before, 'the edited document was read by the Web Worker again');
    await page.screenshot({ path: join(shots, '2-after-edit.png') });
  });

  it('renders the breakdown a lens opens, and opens the visualizer in the editor area, in the web worker host', async () => {
    const { page } = wb;
    await page.locator('.codelens-decoration a', { hasText: 'H(p,q)' }).first().click();
    const breakdown = await breakdownFrame(page);
    const row = await breakdown.evaluate(
      () =>
        Array.from(document.querySelectorAll('tr'), (tr) => (tr as HTMLElement).innerText).find((t) =>
          t.startsWith('H(p,q) cross-entropy'),
        ) ?? '',
    );
    assert.match(row, /^H\(p,q\) cross-entropy\s+0\.916291\s+1\.32193$/);
    await runCommand(page, 'Entropy Lens: Open loss visualizer in editor');
    // The page loaded under its CSP in the web host: it draws its curves and a loss.
    const visualizer = await visualizerFrame(page, 'editor');
    await visualizer.waitForSelector('[data-plot="loss-vs-p"] path.series');
    await page.screenshot({ path: join(shots, '3-breakdown-and-visualizer.png') });
  });
});
