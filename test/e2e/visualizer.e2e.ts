// End to end in the real VS Code (code-server in headless Chromium): open the
// visualizer, check the plot is drawn in the theme's colours, move a slider
// with the keyboard and see the loss readout change, switch light / dark /
// high-contrast themes with a screenshot of each, and see no CSP violation in
// the webview at any point.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { visualizerFrame } from './support/webviews';
import { openWorkbench, runCommand, setColorTheme, type Workbench } from './support/workbench';

const SHOTS = join(process.cwd(), '.test-output', 'screenshots');

interface Drawn {
  longPaths: number;
  redStroke: string;
  themeRed: string;
  bodyClass: string;
  background: string;
}

/** The curves are real paths, stroked with the theme's --vscode-charts-red. */
async function drawnPlot(frame: Frame): Promise<Drawn> {
  return frame.evaluate(() => {
    const paths = Array.from(document.querySelectorAll<SVGPathElement>('[data-plot="loss-vs-p"] path.series'));
    const red = paths.find((p) => p.classList.contains('c-red'));
    const probe = document.createElement('div');
    probe.style.color = 'var(--vscode-charts-red)'; // CSSOM, allowed by the CSP
    document.body.appendChild(probe);
    const themeRed = getComputedStyle(probe).color;
    probe.remove();
    return {
      longPaths: paths.filter((p) => (p.getAttribute('d') ?? '').length > 200 && p.getTotalLength() > 100).length,
      redStroke: red ? getComputedStyle(red).stroke : '',
      themeRed,
      bodyClass: document.body.className,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

// [theme label, the body class VS Code gives the webview, screenshot name]
const THEMES: [string, string, string][] = [
  ['Light Modern', 'vscode-light', 'light'],
  ['Dark Modern', 'vscode-dark', 'dark'],
  ['Dark High Contrast', 'vscode-high-contrast', 'high-contrast-dark'],
  ['Light High Contrast', 'vscode-high-contrast-light', 'high-contrast-light'],
];

describe('visualizer in the VS Code UI', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let frame: Frame;
  const consoleCsp: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const folder = mkdtempSync(join(tmpdir(), 'entropy-lens-e2e-visualizer-'));
    writeFileSync(join(folder, 'demo.py'), 'y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\n');
    wb = await openWorkbench(folder);
    // Every document loaded from now on (the webview's frames included) records
    // CSP violations; the console is watched too, in case a frame escapes that.
    await wb.page.context().addInitScript(() => {
      const w = window as unknown as { __cspViolations?: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    wb.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
    });
  });

  after(async () => {
    await wb?.close();
  });

  it('opens the view from the command palette and draws the curves in theme colours', async () => {
    await runCommand(wb.page, 'Entropy Lens: Show loss visualizer');
    frame = await visualizerFrame(wb.page);
    await frame.waitForSelector('[data-plot="loss-vs-p"] path.series');
    const drawn = await drawnPlot(frame);
    assert.ok(drawn.longPaths >= 2, `expected the −log p and (1 − p)² curves, got ${drawn.longPaths} drawn paths`);
    assert.match(drawn.themeRed, /^rgb/);
    assert.equal(drawn.redStroke, drawn.themeRed, 'the cross-entropy curve is stroked with --vscode-charts-red');
    assert.ok(
      (await frame.$$('[data-plot="editor"] .handle[role="slider"]')).length >= 2,
      'the logit bars are sliders',
    );
  });

  it('moving the temperature slider with the keyboard changes the loss readout', async () => {
    const before = await frame.textContent('#loss-readout');
    await frame.focus('#temperature');
    for (let i = 0; i < 6; i++) await wb.page.keyboard.press('ArrowRight');
    await frame.waitForFunction((b) => document.querySelector('#loss-readout')?.textContent !== b, before, {
      timeout: 10_000,
    });
    const after = await frame.textContent('#loss-readout');
    assert.match(after ?? '', /^H\(p, q\) = [\d.]+ nats$/);
    assert.notEqual(after, before);
    assert.equal(await frame.inputValue('#temperature'), '1.3');
  });

  it('dragging a logit bar by its body (not only its handle) changes that logit and the loss', async () => {
    // The tallest bar, pressed at its zero end: the handle sits on the value end
    // (5 pixels into the bar), so the press lands on the body, not the handle.
    const bars = await frame.$$('[data-plot="editor"] rect.bar');
    const boxes = await Promise.all(bars.map(async (b) => (await b.boundingBox())!));
    const k = boxes.reduce((best, b, i) => (b.height > boxes[best]!.height ? i : best), 0);
    const box = boxes[k]!;
    assert.ok(box.height > 8, `a bar tall enough to press its body (tallest is ${box.height}px)`);
    const before = await frame.textContent('#loss-readout');
    const valueBefore = await frame.getAttribute(`[data-plot="editor"] .handle >> nth=${k}`, 'aria-valuenow');
    // Press inside the bar body, away from its top edge where the handle is, and drag down.
    const x = box.x + box.width / 2;
    const positive = Number(valueBefore) > 0;
    const y = positive ? box.y + box.height - 2 : box.y + 2;
    await wb.page.mouse.move(x, y);
    await wb.page.mouse.down();
    await wb.page.mouse.move(x, positive ? y - 30 : y + 30, { steps: 5 });
    await wb.page.mouse.up();
    await frame.waitForFunction((b) => document.querySelector('#loss-readout')?.textContent !== b, before, {
      timeout: 10_000,
    });
    const valueAfter = await frame.getAttribute(`[data-plot="editor"] .handle >> nth=${k}`, 'aria-valuenow');
    assert.notEqual(valueAfter, valueBefore, 'the dragged class’s logit changed');
    assert.equal(
      await frame.evaluate(() => document.activeElement?.getAttribute('role')),
      'slider',
      'the dragged bar’s handle has the keyboard focus',
    );
  });

  it('follows light, dark and high-contrast themes (screenshots in .test-output/screenshots)', async () => {
    const reds = new Map<string, string>();
    for (const [theme, bodyClass, slug] of THEMES) {
      await setColorTheme(wb.page, theme);
      await frame.waitForFunction((c) => document.body.classList.contains(c), bodyClass, { timeout: 20_000 });
      await wb.page.waitForTimeout(300); // let the workbench repaint
      const drawn = await drawnPlot(frame);
      assert.equal(drawn.redStroke, drawn.themeRed, `${theme}: the curve follows --vscode-charts-red`);
      assert.ok(drawn.longPaths >= 2, `${theme}: curves still drawn`);
      reds.set(slug, `${drawn.redStroke} on ${drawn.background}`);
      await wb.page.screenshot({ path: join(SHOTS, `visualizer-${slug}.png`) });
    }
    assert.ok(
      new Set(reds.values()).size >= 2,
      `theme colours should differ between themes: ${JSON.stringify([...reds])}`,
    );
  });

  it('raised no Content-Security-Policy violation', async () => {
    const inFrame = await frame.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations);
    assert.ok(Array.isArray(inFrame), 'the violation recorder ran in the webview frame');
    assert.deepEqual(inFrame, []);
    assert.deepEqual(consoleCsp, []);
  });
});
