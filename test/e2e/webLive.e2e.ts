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
import { selectText, startDebuggingUntilPaused, writeNodeLaunch } from './support/debugging';
import { COMPUTE_WORKER_NAME } from '../../src/extension/offThread/webWorker';
import { namedWorker, workerCount } from './support/workers';
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
    writeNodeLaunch(folder, 'program.js');
    wb = await openWorkbench(folder);
    await openFile(wb.page, 'program.js');
  });

  after(async () => {
    await wb?.close();
  });

  it('paused at debugger: Compute entropy on the selected `probs` shows 12.100 nats, built in the Web Worker', async () => {
    const { page } = wb;
    await startDebuggingUntilPaused(page, join(shots, 'live-not-paused.png'));
    await selectText(page, 'probs');
    await runCommand(page, 'Entropy Lens: Compute entropy');
    const text = await toast(page, 'H(probs)', 120_000).catch(async (e: unknown) => {
      await page.screenshot({ path: join(shots, 'live-no-result.png') });
      throw e;
    });
    await page.screenshot({ path: join(shots, 'live-entropy.png') });
    assert.match(text, /H\(probs\) = 12\.100 nats · perplexity 1\.80e\+5/);
    const worker = await namedWorker(page, COMPUTE_WORKER_NAME);
    assert.equal(
      await workerCount(worker, 'entropyLensJobsAnswered'),
      1,
      "the outcome was built by the compute's Web Worker",
    );
  });
});
