// Live values in the VS Code UI, as a user gets them: start debugging the
// issue's Node program from the palette (its launch.json runs it under the
// built-in JavaScript debugger), wait for the pause at `debugger;`, select
// `target, probs` in the editor and run "Entropy Lens: Compute cross-entropy";
// then right-click `probs` in the Variables view and run "Compute entropy".
// Screenshots: .test-output/screenshots/live-cross-entropy.png (the README's)
// and live-variables-view.png.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectText, startDebuggingUntilPaused, writeNodeLaunch } from './support/debugging';
import { openFile, openWorkbench, runCommand, toast, type Workbench } from './support/workbench';

const SHOTS = join(process.cwd(), '.test-output', 'screenshots');

const PROGRAM = `const fs = require('fs');
const path = require('path');

function crossEntropy(p, q) {
  return -p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.log(q[i]) : 0), 0);
}

const numbers = fs.readFileSync(path.join(__dirname, 'values.txt'), 'utf8').trim().split(/\\s+/).map(Number);
const probs = numbers.slice(0, 3).map((x) => x / 100);
const target = numbers.slice(3);
debugger;
const loss = crossEntropy(target, probs);
console.log(loss);
`;

describe('Live values in the VS Code UI', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const folder = join(mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-live-')), 'live');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'values.txt'), '25 60 15 0 1 0\n');
    writeFileSync(join(folder, 'program.js'), PROGRAM);
    writeNodeLaunch(folder, 'program.js');
    wb = await openWorkbench(folder);
    await openFile(wb.page, 'program.js');
  });

  after(async () => {
    await wb?.close();
  });

  it('paused at debugger: Compute cross-entropy on the selected `target, probs` shows 0.511', async () => {
    await startDebuggingUntilPaused(wb.page, join(SHOTS, 'live-not-paused.png'));
    await selectText(wb.page, 'target, probs');
    await runCommand(wb.page, 'Entropy Lens: Compute cross-entropy');
    const text = await toast(wb.page, 'H(p,q)');
    // The progress notification of a slow read closes with the result.
    await wb.page
      .locator('.notifications-toasts .notification-list-item', { hasText: 'from the debugger' })
      .waitFor({ state: 'hidden', timeout: 15_000 });
    await wb.page.screenshot({ path: join(SHOTS, 'live-cross-entropy.png') });
    // −ln 0.6 = 0.5108 nats: the one-hot target on class 1 against probs = [0.25, 0.6, 0.15].
    assert.match(text, /H\(p,q\) = 0\.511 nats/);
    assert.match(text, /target → probs/);
  });

  it('from the Variables view: right-click `probs`, Compute entropy shows 0.938 nats', async () => {
    const page = wb.page;
    await page
      .locator('.notifications-toasts .notification-list-item')
      .first()
      .waitFor({ state: 'hidden', timeout: 30_000 })
      .catch(() => undefined);
    // The Run and Debug view: its Variables section lists the paused frame's locals.
    await runCommand(page, 'View: Show Run and Debug');
    // js-debug lists the module's variables under Local, collapsed until clicked.
    const local = page.locator('.monaco-list-row[aria-label="Scope Local"]').first();
    await local.waitFor({ timeout: 60_000 });
    if ((await local.getAttribute('aria-expanded')) !== 'true') await local.click();
    // The list shows what fits: scroll the Variables view down to `probs`, as a user would.
    const row = page.locator('.monaco-list-row[aria-label^="probs"]').first();
    for (let i = 0; i < 20 && !(await row.isVisible()); i++) {
      await local.hover().catch(() => undefined);
      await page.mouse.wheel(0, 60);
      await page.waitForTimeout(200);
    }
    await row.waitFor({ timeout: 60_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'live-variables-missing.png') });
      writeFileSync(
        join(SHOTS, 'live-variables-missing.txt'),
        await page
          .locator('.monaco-list-row')
          .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-label')} | ${r.textContent}`).join('\n')),
      );
      throw e;
    });
    await row.click({ button: 'right' });
    // The menu item takes the pointer, then Enter (a synthetic click can come too soon after the menu opened).
    await page
      .locator('.monaco-menu .action-item', { hasText: /Compute entropy/ })
      .first()
      .hover();
    await page.keyboard.press('Enter');
    const text = await toast(page, 'H(probs)').catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'live-variables-no-result.png') });
      throw e;
    });
    await page.screenshot({ path: join(SHOTS, 'live-variables-view.png') });
    // −Σ p ln p for probs = [0.25, 0.6, 0.15].
    assert.match(text, /H\(probs\) = 0\.938 nats/);
    assert.match(text, /probs/);
  });
});
