// End to end in the VS Code UI with the packaged .vsix: open the demo
// workspace, select the arrays y_true and y_pred in classifier.py, run
// "Entropy Lens: Compute cross-entropy" from the command palette (F1), read
// the result the user sees, open the per-element breakdown (rendered, also in
// a narrow editor), open the pair in the visualizer in the editor area, and
// check that an invalid pair gets a message saying what is wrong. Screenshots go to
// .test-output/screenshots/.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { breakdownFrame, visualizerFrame, webviewFrame } from './support/webviews';
import {
  openFile,
  openWorkbench,
  runCommand,
  setColorTheme,
  toast,
  waitForLens,
  type Workbench,
} from './support/workbench';

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

/** Table cells whose text wraps onto a second line (which breaks the row), each named with its row. */
function brokenCells(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('td, th'))
      .filter((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        return lines.size > 1;
      })
      .map((c) => `${(c.parentElement as HTMLElement).innerText.replace(/\s+/g, ' ')} (cell "${c.innerText}")`),
  );
}

/** An rgb()/rgba() colour as [r, g, b, alpha]. */
const rgba = (c: string): number[] => {
  const [r = 0, g = 0, b = 0, alpha = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, alpha];
};

/** WCAG contrast ratio of text colour `fg` on `ground`, a translucent ground laid over `page`. */
function contrast(fg: string, ground: string, page: string): number {
  const [gr, gg, gb, ga] = rgba(ground),
    base = rgba(page);
  const bg = [gr, gg, gb].map((v, i) => v! * ga! + base[i]! * (1 - ga!));
  const lum = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(rgba(fg).slice(0, 3)), lum(bg)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Waits for two animation frames after a pause, so a screenshot shows the workbench as it now is. */
async function repainted(page: Page): Promise<void> {
  await page.waitForTimeout(800);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
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

  after(async () => {
    await wb?.close();
  });

  it('shows H(p,q), H(p), KL and perplexity for the selected y_true and y_pred', async () => {
    // The demo's code lenses are up first (the extension has activated on Python).
    await waitForLens(wb.page, 'H(p,q)', 60_000);
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

  it('opens the per-element breakdown from the result, rendered: tables, not Markdown source', async () => {
    const item = wb.page.locator('.notifications-toasts .notification-list-item', { hasText: 'H(p,q)' }).last();
    await item.hover();
    await item.locator('.monaco-button', { hasText: 'Show breakdown' }).click();
    const tab = wb.page.locator('.tabs-container .tab', { hasText: /Breakdown/ }).first();
    await tab.waitFor({ timeout: 30_000 });
    assert.match(await tab.innerText(), /y_true → y_pred/);
    const frame = await breakdownFrame(wb.page);
    const page = await frame.evaluate(() => ({
      text: document.body.innerText,
      heading: document.querySelector('h1')?.textContent ?? '',
      rows: Array.from(document.querySelectorAll('table tr'), (tr) =>
        Array.from(tr.children, (c) => (c as HTMLElement).innerText.trim()),
      ),
      tables: document.querySelectorAll('.table-scroll > table').length,
    }));
    assert.equal(page.heading, 'Entropy Lens breakdown: y_true → y_pred');
    assert.ok(page.tables >= 3, `the figures, per-element and gradient tables (got ${page.tables})`);
    assert.deepEqual(
      page.rows.find((r) => r[0] === 'H(p,q) cross-entropy'),
      ['H(p,q) cross-entropy', '0.356675', '0.514573'],
    );
    assert.deepEqual(
      page.rows.find((r) => r[0] === '1' && r[2] === '0.7'),
      ['1', '1', '0.7', '0.356675', ''],
    );
    assert.doesNotMatch(page.text, /\|\s*-{3,}|-{3,}\s*\||\| H\(p,q\)/, 'no raw Markdown table syntax on the page');
    assert.ok(page.text.includes('Copy as Markdown'), 'the copy link is on the page');
    assert.deepEqual(await brokenCells(frame), [], 'every row on one line');
    await wb.page.screenshot({ path: join(SHOTS, 'breakdown.png') });
    // With the focus in the page, the workbench's keys still work (F1 opens the palette).
    await frame.click('h2');
    await wb.page.keyboard.press('F1');
    await wb.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
  });

  it('keeps the breakdown readable in a narrow editor: rows stay whole, a wide table scrolls in its own region', async () => {
    const frame = await breakdownFrame(wb.page);
    // Narrow the breakdown's editor group as a user does: drag the sash between the groups.
    const sash = (await wb.page.locator('.part.editor .monaco-sash.vertical').first().boundingBox())!;
    const x = sash.x + sash.width / 2,
      y = sash.y + sash.height / 2;
    await wb.page.mouse.move(x, y);
    await wb.page.mouse.down();
    await wb.page.mouse.move(x + 160, y, { steps: 10 });
    await wb.page.mouse.up();
    try {
      // Well under 80 editor columns for the breakdown beside the code.
      await frame.waitForFunction(() => document.body.clientWidth < 420, undefined, { timeout: 10_000 });
      const width = await frame.evaluate(() => document.body.clientWidth);
      assert.deepEqual(await brokenCells(frame), [], `every row on one line at ${width}px`);
      const layout = await frame.evaluate(() => ({
        regions: Array.from(
          document.querySelectorAll<HTMLElement>('.table-scroll'),
          (d) => d.scrollWidth > d.clientWidth,
        ),
        pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
      }));
      assert.ok(
        layout.regions.some(Boolean),
        `at ${width}px the widest table scrolls in its region: ${JSON.stringify(layout)}`,
      );
      assert.equal(layout.pageScrollsSideways, false, 'the page itself does not scroll sideways');
      await repainted(wb.page);
      await wb.page.screenshot({ path: join(SHOTS, 'breakdown-narrow.png') });
    } finally {
      await runCommand(wb.page, 'View: Reset Editor Group Sizes');
    }
  });

  it('draws the breakdown in the theme’s colours: dark and high contrast', async () => {
    // [theme, the workbench's class, the webview body's class, screenshot name]
    const themes: [string, string, string, string][] = [
      ['Dark Modern', 'vs-dark', 'vscode-dark', 'dark'],
      ['Light High Contrast', 'hc-light', 'vscode-high-contrast-light', 'high-contrast-light'],
      ['Light Modern', 'vs', 'vscode-light', ''],
    ];
    const seen: string[] = [];
    for (const [theme, workbenchClass, bodyClass, slug] of themes) {
      await setColorTheme(wb.page, theme);
      await wb.page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 20_000 });
      const frame = await webviewFrame(
        wb.page,
        async (f) =>
          ((await f.textContent('h1', { timeout: 500 })) ?? '').startsWith('Entropy Lens breakdown') &&
          (await f.evaluate((c) => document.body.classList.contains(c), bodyClass)),
        `the breakdown in ${theme}`,
        20_000,
      ).catch(async (e: Error) => {
        const classes = await Promise.all(
          wb.page
            .frames()
            .map((f) =>
              f
                .evaluate(() => `${document.body?.className} | ${document.querySelector('h1')?.textContent}`)
                .catch(() => '?'),
            ),
        );
        throw new Error(`${e.message}; frames: ${JSON.stringify(classes)}`);
      });
      const colours = await frame.evaluate(() => {
        const resolve = (v: string, prop: 'color' | 'backgroundColor') => {
          const probe = document.createElement('div');
          probe.style[prop] = `var(${v})`; // CSSOM, allowed by the CSP
          document.body.appendChild(probe);
          const c = getComputedStyle(probe)[prop];
          probe.remove();
          return c;
        };
        const td = document.querySelector('td')!;
        return {
          background: getComputedStyle(document.body).backgroundColor,
          editorBackground: resolve('--vscode-editor-background', 'backgroundColor'),
          border: getComputedStyle(td).borderBottomColor,
          contrastBorder: resolve('--vscode-contrastBorder', 'color'),
          link: getComputedStyle(document.querySelector('a')!).color,
          linkColour: resolve('--vscode-textLink-foreground', 'color'),
          code: getComputedStyle(document.querySelector('code')!).color,
          codeGround: getComputedStyle(document.querySelector('code')!).backgroundColor,
        };
      });
      assert.equal(colours.background, colours.editorBackground, `${theme}: the page is on the editor's background`);
      assert.equal(colours.link, colours.linkColour, `${theme}: links in the theme's link colour`);
      assert.ok(
        contrast(colours.code, colours.codeGround, colours.background) >= 4.5,
        `${theme}: code names readable: ${colours.code} on ${colours.codeGround} (page ${colours.background})`,
      );
      if (bodyClass.includes('high-contrast'))
        assert.equal(colours.border, colours.contrastBorder, `${theme}: table rules in the contrast border colour`);
      seen.push(colours.background);
      if (slug) {
        await repainted(wb.page);
        await wb.page.screenshot({ path: join(SHOTS, `breakdown-${slug}.png`) });
        const after = await wb.page.evaluate(() => document.querySelector('.monaco-workbench')?.className ?? '');
        assert.ok(after.split(/\s+/).includes(workbenchClass), `${theme} still applied after the screenshot: ${after}`);
      }
    }
    assert.ok(new Set(seen).size >= 2, `backgrounds differ between themes: ${seen.join(', ')}`);
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
    const editors = (await wb.page.locator('.editor-instance .view-lines').allInnerTexts()).map((t) =>
      t.replace(/\u00a0/g, ' '),
    );
    assert.ok(
      editors.some((t) => t.includes('y_true = [0, 1, 0, 0]') && t.includes('y_pred = [0.2, 0.7, 0.1]')),
      'mismatch.py is unchanged',
    );
  });

  it('opens the result in the visualizer in the editor area, with the demo pair', async () => {
    await openFile(wb.page, 'classifier.py');
    await selectLines(wb.page, 9, 10);
    await runCommand(wb.page, 'Entropy Lens: Compute cross-entropy');
    const item = wb.page.locator('.notifications-toasts .notification-list-item', { hasText: 'H(p,q)' }).last();
    await item.waitFor({ timeout: 30_000 });
    await item.hover();
    await item.locator('.monaco-button', { hasText: 'Open in visualizer' }).click();
    await visualizerFrame(wb.page, 'view');
    await runCommand(wb.page, 'Notifications: Clear All Notifications'); // keep the screenshots about the visualizer
    await runCommand(wb.page, 'Entropy Lens: Open loss visualizer in editor');
    const tab = wb.page.locator('.tabs-container .tab', { hasText: 'Loss Visualizer' }).first();
    await tab.waitFor({ timeout: 30_000 });
    let frame = await visualizerFrame(wb.page, 'editor');
    const readout = async (f: Frame) => (await f.textContent('#loss-readout')) ?? '';
    await frame.waitForFunction(
      () => /0\.3566/.test(document.querySelector('#loss-readout')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    assert.match(await readout(frame), /^H\(p, q\) = 0\.3566\d* nats$/);
    assert.match((await frame.textContent('.pair-title')) ?? '', /classifier\.py/);
    await repainted(wb.page);
    await wb.page.screenshot({ path: join(SHOTS, 'visualizer-editor.png') });

    // The whole editor area: the pair and the curves side by side.
    await runCommand(wb.page, 'View: Maximize Editor Group and Hide Side Bars');
    frame = await visualizerFrame(wb.page, 'editor');
    await frame.waitForFunction(
      () => {
        const a = document.querySelector('section[aria-labelledby="interact-title"]')!.getBoundingClientRect();
        const b = document.querySelector('section[aria-labelledby="curves-title"]')!.getBoundingClientRect();
        return b.left >= a.right && Math.abs(a.top - b.top) < 4;
      },
      undefined,
      { timeout: 15_000 },
    );
    const plot = await frame.evaluate(() => {
      const svg = document.querySelector(
        '[data-plot="loss-vs-p"] svg, svg[data-plot="loss-vs-p"], [data-plot="loss-vs-p"]',
      )!;
      const section = document.querySelector('section[aria-labelledby="curves-title"]')!;
      return { svg: svg.getBoundingClientRect().width, section: section.getBoundingClientRect().width };
    });
    assert.ok(plot.svg > 400 && plot.svg <= plot.section + 1, `each plot fills its column: ${JSON.stringify(plot)}`);
    assert.match(await readout(frame), /^H\(p, q\) = 0\.3566\d* nats$/);
    await repainted(wb.page);
    await wb.page.screenshot({ path: join(SHOTS, 'visualizer-editor-wide.png') });
  });
});
