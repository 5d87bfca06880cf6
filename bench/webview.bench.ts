// Visualizer benchmark: the webview bundle's size (minified, gzipped) and the
// redraw time after a slider move with 10^4-point curves, measured in headless
// Chromium under the webview's CSP. Prints figures; never fails on timing.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openWebviewPage } from './support/webviewPage';

const root = resolve(__dirname, '..', '..');
const outdir = join(root, 'out', 'bench');
const MOVES = 400;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  const bundle = process.env.ENTROPY_LENS_WEBVIEW_BUNDLE ?? join(outdir, 'webview.min.js');
  if (!process.env.ENTROPY_LENS_WEBVIEW_BUNDLE) {
    // The production bundle (minified, as `node esbuild.mjs --production` makes
    // it); esbuild is loaded from the project at run time, not bundled into the bench.
    const esbuild = createRequire(join(root, 'package.json'))('esbuild') as typeof import('esbuild');
    await esbuild.build({ entryPoints: [join(root, 'webview/main.ts')], outfile: bundle, bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning' });
  }
  const js = readFileSync(bundle);
  const css = readFileSync(join(root, 'media/visualizer.css'));
  const rows: [string, string, string][] = [
    ['webview.js (minified)', `${(js.length / 1024).toFixed(1)} KB`, ''],
    ['webview.js gzipped', `${(gzipSync(js, { level: 9 }).length / 1024).toFixed(1)} KB`, 'target < 150 KB'],
    ['visualizer.css gzipped', `${(gzipSync(css, { level: 9 }).length / 1024).toFixed(1)} KB`, ''],
  ];

  const wp = await openWebviewPage(bundle, join(root, 'media/visualizer.css'));
  try {
    const { page } = wp;
    // A 10-class pair, as a hover link would send it.
    await page.evaluate(() => window.postMessage({ type: 'showPair', pair: { target: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0], prediction: [0.3, -1.2, 2.0, 1.1, 0.2, -0.5, 0.9, -2.0, 0.4, 0.0], predictionKind: 'logits' } }, '*'));
    await page.waitForFunction(() => document.querySelector('#loss-readout')?.textContent?.includes('nats'));
    const curvePoints = await page.evaluate(() => Number(document.body.dataset.curvePoints));
    const pathPoints = await page.evaluate(() => Array.from(document.querySelectorAll('path.series')).map((p) => (p.getAttribute('d') ?? '').split('L').length));

    // Each move: set the temperature slider, fire `input` (as a drag does), and
    // force style and layout so the figure includes what the browser must do
    // before it can paint.
    const times = await page.evaluate((moves) => {
      const input = document.getElementById('temperature') as HTMLInputElement;
      const out: number[] = [];
      for (let i = 0; i < moves; i++) {
        const t0 = performance.now();
        input.value = String(0.2 + ((i * 37) % 480) / 100);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        void document.body.getBoundingClientRect();
        void (document.querySelector('path.series') as SVGPathElement).getBBox();
        out.push(performance.now() - t0);
      }
      return out;
    }, MOVES);
    const keyTimes = await page.evaluate((moves) => {
      const handle = document.querySelector('.handle') as SVGRectElement;
      handle.focus();
      const out: number[] = [];
      for (let i = 0; i < moves; i++) {
        const t0 = performance.now();
        handle.dispatchEvent(new KeyboardEvent('keydown', { key: i % 40 < 20 ? 'ArrowUp' : 'ArrowDown', bubbles: true }));
        void document.body.getBoundingClientRect();
        out.push(performance.now() - t0);
      }
      return out;
    }, MOVES);
    // Switching the framework re-samples nothing (curves are cached) but
    // re-thins and rebuilds two 10^4-point plots: the worst redraw a control causes.
    const fullTimes = await page.evaluate((moves) => {
      const radios = Array.from(document.querySelectorAll('vscode-radio')).filter((r) => ['math', 'keras', 'sklearn', 'torch'].includes(r.getAttribute('value') ?? '')) as HTMLElement[];
      const out: number[] = [];
      for (let i = 0; i < moves; i++) {
        const t0 = performance.now();
        radios[i % radios.length]!.click();
        void document.body.getBoundingClientRect();
        out.push(performance.now() - t0);
      }
      return out;
    }, 100);
    const fsorted = fullTimes.sort((a, b) => a - b);
    const sorted = times.sort((a, b) => a - b);
    const ksorted = keyTimes.sort((a, b) => a - b);
    rows.push(
      ['curve samples per curve', String(curvePoints), `drawn as ≤ ${Math.max(...pathPoints)} points after min/max thinning`],
      [`redraw after temperature move, p50 (${MOVES} moves)`, `${quantile(sorted, 0.5).toFixed(2)} ms`, 'target < 16 ms'],
      ['redraw after temperature move, p99', `${quantile(sorted, 0.99).toFixed(2)} ms`, 'target < 16 ms'],
      [`redraw after logit keyboard step, p50 / p99`, `${quantile(ksorted, 0.5).toFixed(2)} / ${quantile(ksorted, 0.99).toFixed(2)} ms`, ''],
      ['redraw after framework switch (re-thins two 10^4-point plots), p50 / p99', `${quantile(fsorted, 0.5).toFixed(2)} / ${quantile(fsorted, 0.99).toFixed(2)} ms`, ''],
      ['CSP violations in the page', String((await wp.violations()).length), 'must be 0'],
    );
    const v = await wp.violations();
    if (v.length) console.log('violations:', v);
  } finally {
    await wp.browser.close();
  }
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  console.log(`| ${'measure'.padEnd(w[0]!)} | ${'value'.padEnd(w[1]!)} | note |`);
  console.log(`| ${'-'.repeat(w[0]!)} | ${'-'.repeat(w[1]!)} | ---- |`);
  for (const r of rows) console.log(`| ${r[0].padEnd(w[0]!)} | ${r[1].padEnd(w[1]!)} | ${r[2]} |`);
}

main().catch((e) => { console.error(e); process.exit(1); });
