// Visualizer benchmark: the webview bundle's size (minified, gzipped) and the
// redraw time after a slider move with 10^4-point curves, measured in headless
// Chromium under the webview's CSP. Each figure is the median of several runs,
// printed beside the machine load. Prints figures; never fails on timing.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg as osLoadavg } from 'node:os';
import { openWebviewPage } from './support/webviewPage';

const root = resolve(__dirname, '..', '..');
const outdir = join(root, 'out', 'bench');
const MOVES = 300;

const loadavg = () => osLoadavg()[0]!.toFixed(2);

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
    await esbuild.build({
      entryPoints: [join(root, 'webview/main.ts')],
      outfile: bundle,
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'warning',
    });
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
    await page.evaluate(() =>
      window.postMessage(
        {
          type: 'showPair',
          pair: {
            target: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
            prediction: [0.3, -1.2, 2.0, 1.1, 0.2, -0.5, 0.9, -2.0, 0.4, 0.0],
            predictionKind: 'logits',
          },
        },
        '*',
      ),
    );
    await page.waitForFunction(() => document.querySelector('#loss-readout')?.textContent?.includes('nats'));
    const curvePoints = await page.evaluate(() => Number(document.body.dataset.curvePoints));
    const pathPoints = await page.evaluate(() =>
      Array.from(document.querySelectorAll('path.series')).map((p) => (p.getAttribute('d') ?? '').split('L').length),
    );

    // Each move fires its event as a drag or key press does, then waits for the
    // frame in which the view redraws (the view coalesces redraws into one
    // requestAnimationFrame). A move's cost is the CPU work it causes: the event
    // handler, the redraw (the view's `redraw` performance measure) and the style
    // and layout the browser must do before painting — not the idle wait for
    // the frame. The bench's own frame callback runs after the view's.
    type Kind = 'temperature' | 'key' | 'framework';
    const measureMoves = (kind: Kind, moves: number) =>
      page.evaluate(
        async ({ kind, moves }) => {
          const input = document.getElementById('temperature') as HTMLInputElement;
          const handle = document.querySelector('.handle') as SVGRectElement;
          const radios = Array.from(document.querySelectorAll('vscode-radio')).filter((r) =>
            ['math', 'keras', 'sklearn', 'torch'].includes(r.getAttribute('value') ?? ''),
          ) as HTMLElement[];
          if (kind === 'key') handle.focus();
          const out: number[] = [];
          for (let i = 0; i < moves; i++) {
            const t0 = performance.now();
            if (kind === 'temperature') {
              input.value = String(0.2 + ((i * 37) % 480) / 100);
              input.dispatchEvent(new Event('input', { bubbles: true }));
            } else if (kind === 'key') {
              handle.dispatchEvent(
                new KeyboardEvent('keydown', { key: i % 40 < 20 ? 'ArrowUp' : 'ArrowDown', bubbles: true }),
              );
            } else radios[i % radios.length]!.click();
            const t1 = performance.now();
            out.push(
              await new Promise<number>((resolve) =>
                requestAnimationFrame(() => {
                  const m = performance.getEntriesByName('redraw').at(-1);
                  const redraw = m && m.startTime >= t1 ? m.duration : 0;
                  const t2 = performance.now();
                  void document.body.getBoundingClientRect();
                  void (document.querySelector('path.series') as SVGPathElement).getBBox();
                  resolve(t1 - t0 + redraw + (performance.now() - t2));
                }),
              ),
            );
          }
          return out;
        },
        { kind, moves },
      );

    const RUNS = 5;
    const load: string[] = [loadavg()];
    const runs: Record<Kind, { p50: number; p99: number }[]> = { temperature: [], key: [], framework: [] };
    for (let r = 0; r < RUNS; r++) {
      for (const [kind, moves] of [
        ['temperature', MOVES],
        ['key', MOVES],
        ['framework', 100],
      ] as [Kind, number][]) {
        const sorted = (await measureMoves(kind, moves)).sort((a, b) => a - b);
        runs[kind].push({ p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) });
      }
    }
    load.push(loadavg());
    const fig = (kind: Kind) => {
      const p50 = runs[kind].map((x) => x.p50).sort((a, b) => a - b);
      const p99 = runs[kind].map((x) => x.p99).sort((a, b) => a - b);
      const med = (xs: number[]) => xs[xs.length >> 1]!;
      return [
        `${med(p50).toFixed(2)} / ${med(p99).toFixed(2)} ms`,
        `median of ${RUNS} runs (p99 range ${p99[0]!.toFixed(1)}–${p99[p99.length - 1]!.toFixed(1)}); target < 16 ms`,
      ] as const;
    };
    rows.push(
      [
        'curve samples per curve',
        String(curvePoints),
        `drawn as ≤ ${Math.max(...pathPoints)} points after min/max thinning`,
      ],
      [`redraw after temperature move, p50 / p99 (${MOVES} moves)`, ...fig('temperature')],
      [`redraw after logit keyboard step, p50 / p99 (${MOVES} steps)`, ...fig('key')],
      ['redraw after framework switch (new curves and bands), p50 / p99 (100)', ...fig('framework')],
      [
        'machine load (1-min loadavg, start → end)',
        load.join(' → '),
        `${cpus().length} cores; other engineers' runs share them`,
      ],
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
