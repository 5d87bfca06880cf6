// How long the extension host's thread is held while a large document is read
// for the automatic features: on the thread (findArrays, what the web host did
// before it had a Web Worker, and does when none can start) against the
// finder's worker (what both hosts do above 256 KB). The stall is the longest
// gap between timer ticks during the read, so it includes receiving the
// worker's answer. Prints figures only.
//
// Two tables: the Node host (a worker thread), and the web build in headless
// Chromium, where a dedicated Web Worker stands in for the web-worker extension
// host and starts the finder's Web Worker nested in it, through the same
// createWebOffThreadFinder the extension uses (not VS Code itself: its host
// adds only message routing). Browsers clamp 1 ms intervals to 4 ms, so the
// browser's stall figures are good to about 4 ms.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffThreadFinder } from '../src/extension/offThread/offThreadFinder';
import { findArrays } from '../src/parse';
import { longestStall } from './lib/stall';

function document(bytes: number, classes: number): string {
  const parts: string[] = ['import numpy as np\nfrom sklearn.metrics import log_loss\n\n'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const q = Array.from({ length: classes }, (_, k) => (((k * 7 + i) % 10) + 1) / 100);
    const block = `y_true_${i} = [${q.map((_, k) => (k === i % classes ? 1 : 0)).join(', ')}]\ny_pred_${i} = np.array([${q.map((x) => x.toFixed(2)).join(', ')}])\nloss_${i} = log_loss(y_true_${i}, y_pred_${i})\n\n`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'entropy-lens-bench-'));
  const script = join(dir, 'finderWorker.js');
  await esbuild.build({
    entryPoints: ['src/extension/offThread/finderWorker.ts'],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  const finder = createOffThreadFinder(script, () => ({ maxArrays: 1_000_000 }))!;
  const rows: Record<string, string>[] = [];
  for (const [label, bytes, classes] of [
    ['1 MB, 10-class arrays', 1e6, 10],
    ['4 MB, 100-class arrays', 4e6, 100],
    ['10 MB, 1000-class arrays', 1e7, 1000],
  ] as const) {
    const text = document(bytes, classes);
    const here: number[] = [],
      thereStall: number[] = [],
      thereWall: number[] = [];
    await finder.find(text, 'python', 'warm-up');
    // Each read starts after a full collection, so one run's garbage is not charged to the next.
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
    for (let run = 0; run < 5; run++) {
      gc();
      const r = await longestStall(() => finder.find(text, 'python', 'doc'));
      thereStall.push(r.stall);
      thereWall.push(r.wall);
    }
    for (let run = 0; run < 5; run++) {
      gc();
      here.push((await longestStall(() => findArrays(text, 'python', { maxArrays: 1_000_000 }))).stall);
    }
    rows.push({
      document: `${label} (${(text.length / 1e6).toFixed(1)} MB)`,
      'on the thread: stall (ms)': median(here).toFixed(1),
      'worker: stall (ms)': median(thereStall).toFixed(1),
      'worker: answer after (ms)': median(thereWall).toFixed(1),
      target: 'stall < 50 ms',
    });
  }
  finder.dispose();
  console.log('Node extension host (worker thread):');
  console.table(rows);
  console.log(
    `median of 5 runs; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} on 2 cores`,
  );
  await browser();
}

/** The host's side in the browser: runs in a dedicated worker (as the web-worker extension host does). */
const HOST = `
import { findArrays } from './src/parse';
import { createWebOffThreadFinder } from './src/extension/offThread/webWorker';
import { longestStall } from './bench/lib/stall';
const gc = globalThis.gc ?? (() => undefined);
self.onmessage = async ({ data: { text, workerScript, runs } }) => {
  const finder = createWebOffThreadFinder(async () => workerScript, () => ({ maxArrays: 1000000 }));
  await finder.find(text, 'python', 'warm-up');
  const out = { here: [], thereStall: [], thereWall: [] };
  for (let run = 0; run < runs; run++) {
    gc();
    const r = await longestStall(() => finder.find(text, 'python', 'doc'));
    out.thereStall.push(r.stall);
    out.thereWall.push(r.wall);
  }
  for (let run = 0; run < runs; run++) {
    gc();
    out.here.push((await longestStall(() => findArrays(text, 'python', { maxArrays: 1000000 }))).stall);
  }
  finder.dispose();
  self.postMessage(out);
};
`;

async function browser(): Promise<void> {
  const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    console.log(`\nweb build: skipped (no Chromium at ${chromiumPath})`);
    return;
  }
  const bundle = (options: esbuild.BuildOptions) =>
    esbuild
      .build({ ...options, bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' })
      .then((r) => r.outputFiles![0]!.text);
  const host = await bundle({ stdin: { contents: HOST, resolveDir: process.cwd(), loader: 'ts' } });
  const workerScript = await bundle({ entryPoints: ['src/extension/offThread/webFinderWorker.ts'] });
  // A page of its own origin (blob: workers need one), served from here.
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>bench</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const { chromium } = await import('playwright-core');
  const b = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  try {
    const page = await b.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const rows: Record<string, string>[] = [];
    for (const [label, bytes, classes] of [
      ['1 MB, 10-class arrays', 1e6, 10],
      ['4 MB, 100-class arrays', 4e6, 100],
      ['10 MB, 1000-class arrays', 1e7, 1000],
    ] as const) {
      const text = document(bytes, classes);
      const r = await page.evaluate(
        ({ host, text, workerScript }) =>
          new Promise<{ here: number[]; thereStall: number[]; thereWall: number[] }>((resolve, reject) => {
            const w = new Worker(URL.createObjectURL(new Blob([host], { type: 'text/javascript' })));
            w.onmessage = (e) => {
              w.terminate();
              resolve(e.data);
            };
            w.onerror = (e) => reject(new Error(e.message));
            w.postMessage({ text, workerScript, runs: 5 });
          }),
        { host, text, workerScript },
      );
      rows.push({
        document: `${label} (${(text.length / 1e6).toFixed(1)} MB)`,
        'on the thread: stall (ms)': median(r.here).toFixed(1),
        'Web Worker: stall (ms)': median(r.thereStall).toFixed(1),
        'Web Worker: answer after (ms)': median(r.thereWall).toFixed(1),
        target: 'stall < 50 ms',
      });
    }
    console.log('\nweb build in Chromium (host = a dedicated worker, finder = its nested Web Worker):');
    console.table(rows);
    console.log(
      `median of 5 runs; ${await b.version()}; load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')} on 2 cores`,
    );
  } finally {
    await b.close();
    server.close();
  }
}

void main();
