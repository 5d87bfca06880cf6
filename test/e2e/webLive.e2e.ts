// Live values in VS Code's web-worker extension host (vscode.dev's), here in
// code-server's browser tab: the packaged extension is made to run there with
// `remote.extensionKind` set to ["web"], while the built-in JavaScript
// debugger runs the Node program on the server. Paused at `debugger;`, the
// user selects `probs` (200 000 values made at run time) and runs "Compute
// entropy": the value is read through the debugger, and, being over the
// compute worker's threshold, its outcome is built in the extension's Web
// Worker ("… Entropy Lens compute"), which the test asks how many jobs it
// answered — so the test fails when the outcome was built on the host's
// thread (no worker, or one that could not start). Screenshot:
// .test-output/e2e/web/live-entropy.png.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { openFile, openWorkbench, runCommand, toast, type Workbench } from './support/workbench';

const shots = join(process.cwd(), '.test-output', 'e2e', 'web');

// Weights 1, 2, 3, 4 repeated 50 000 times, normalised: H = ln 50 000 + H(0.1, 0.2, 0.3, 0.4)
// = 12.0996 nats (Python's math.log over the same values: 12.099632510233054).
const PROGRAM = `const n = 200000;
const weights = Array.from({ length: n }, (_, i) => (i % 4) + 1);
const total = weights.reduce((s, w) => s + w, 0);
const probs = Float64Array.from(weights, (w) => w / total);
debugger;
console.log(probs.length);
`;

/** The live compute's Web Worker (nested in the web extension host's worker), once it exists. */
async function computeWorker(page: Page, ms = 30_000): Promise<Worker> {
  const deadline = Date.now() + ms;
  for (;;) {
    for (const w of page.workers()) {
      const name = await w.evaluate(() => self.name).catch(() => '');
      if (name.endsWith('Entropy Lens compute')) return w;
    }
    if (Date.now() > deadline) throw new Error('no "Entropy Lens compute" Web Worker was started');
    await page.waitForTimeout(250);
  }
}

const jobsAnswered = (w: Worker): Promise<number> =>
  w.evaluate(() => (self as unknown as { entropyLensJobsAnswered?: number }).entropyLensJobsAnswered ?? 0);

describe('live values in the web-worker extension host (vscode.dev)', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    const folder = join(mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-web-live-')), 'live');
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(join(folder, 'program.js'), PROGRAM);
    writeFileSync(
      join(folder, '.vscode', 'settings.json'),
      JSON.stringify({ 'remote.extensionKind': { 'entropy-lens.entropy-lens': ['web'] } }),
    );
    writeFileSync(
      join(folder, '.vscode', 'launch.json'),
      JSON.stringify({
        version: '0.2.0',
        configurations: [
          {
            type: 'node',
            request: 'launch',
            name: 'Run program.js',
            program: '${workspaceFolder}/program.js',
            console: 'internalConsole',
          },
        ],
      }),
    );
    wb = await openWorkbench(folder);
    await openFile(wb.page, 'program.js');
  });

  after(async () => {
    await wb?.close();
  });

  it('paused at debugger: Compute entropy on the selected `probs` shows 12.100 nats, built in the Web Worker', async () => {
    const { page } = wb;
    await runCommand(page, 'Debug: Start Debugging');
    await page
      .locator('.codicon-debug-stackframe')
      .first()
      .waitFor({ timeout: 120_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(shots, 'live-not-paused.png') });
        throw e;
      });
    // Find selects an occurrence of `probs`, the name evaluated in the paused frame.
    await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('probs');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await runCommand(page, 'Entropy Lens: Compute entropy');
    const text = await toast(page, 'H(probs)', 120_000).catch(async (e: unknown) => {
      await page.screenshot({ path: join(shots, 'live-no-result.png') });
      throw e;
    });
    await page.screenshot({ path: join(shots, 'live-entropy.png') });
    assert.match(text, /H\(probs\) = 12\.100 nats · perplexity 1\.80e\+5/);
    const worker = await computeWorker(page);
    assert.equal(await jobsAnswered(worker), 1, "the outcome was built by the compute's Web Worker");
  });
});
