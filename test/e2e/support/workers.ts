// The extension's nested Web Workers in the web-worker extension host
// (vscode.dev's), found by the name they are started with, and the counters
// their globals keep of the work they did.
import type { Page, Worker } from 'playwright-core';

/** The worker whose name ends with `suffix` (webWorker.ts's WORKER_NAME, COMPUTE_WORKER_NAME), once it exists. */
export async function namedWorker(page: Page, suffix: string, ms = 30_000): Promise<Worker> {
  const deadline = Date.now() + ms;
  for (;;) {
    for (const w of page.workers()) {
      const name = await w.evaluate(() => self.name).catch(() => '');
      if (name.endsWith(suffix)) return w;
    }
    if (Date.now() > deadline) throw new Error(`no "${suffix}" Web Worker was started`);
    await page.waitForTimeout(250);
  }
}

/** A number the worker's global keeps (0 when it has none). */
export const workerCount = (w: Worker, counter: string): Promise<number> =>
  w.evaluate((key) => (self as unknown as Record<string, number | undefined>)[key] ?? 0, counter);
