// Webviews in the workbench: VS Code nests each one's page two iframes deep,
// so a test finds the page by what it shows.
import type { Frame, Page } from 'playwright-core';

/** The first frame for which `probe` is true, polled until `timeoutMs`; `what` names it in the error. */
export async function webviewFrame(
  page: Page,
  probe: (f: Frame) => Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      try {
        if (await probe(f)) return f;
      } catch {
        /* frame navigating or detached */
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`${what} did not appear`);
}

/** The visualizer's page, in the side view (`view`) or an editor tab (`editor`), once it shows a loss. */
export function visualizerFrame(page: Page, place: 'view' | 'editor' = 'view', timeoutMs = 60_000): Promise<Frame> {
  return webviewFrame(
    page,
    async (f) =>
      (await f.getAttribute('body', 'data-place', { timeout: 500 })) === place &&
      ((await f.textContent('#loss-readout', { timeout: 500 })) ?? '').includes('nats'),
    `the visualizer webview (${place})`,
    timeoutMs,
  );
}

/** The rendered breakdown's page, once its heading is there. */
export function breakdownFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  return webviewFrame(
    page,
    async (f) => ((await f.textContent('h1', { timeout: 500 })) ?? '').startsWith('Entropy Lens breakdown'),
    'the breakdown webview',
    timeoutMs,
  );
}
