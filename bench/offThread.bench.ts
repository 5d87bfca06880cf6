// How long the extension host's thread is held while a large document is read
// for the automatic features: on the thread (findArrays, what the web host
// does) against the finder's worker thread (what the Node host does above
// 256 KB). The stall is the longest gap between 1 ms timer ticks during the
// read, so it includes receiving the worker's answer. Prints figures only.
import * as esbuild from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffThreadFinder } from '../src/extension/offThread/offThreadFinder';
import { findArrays } from '../src/parse';

function document(bytes: number, classes: number): string {
  const parts: string[] = ['import numpy as np\nfrom sklearn.metrics import log_loss\n\n'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const q = Array.from({ length: classes }, (_, k) => ((k * 7 + i) % 10 + 1) / 100);
    const block = `y_true_${i} = [${q.map((_, k) => (k === i % classes ? 1 : 0)).join(', ')}]\ny_pred_${i} = np.array([${q.map((x) => x.toFixed(2)).join(', ')}])\nloss_${i} = log_loss(y_true_${i}, y_pred_${i})\n\n`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

/** Runs `work` while a 1 ms interval measures the longest time the thread did not get to it. */
async function longestStall(work: () => Promise<unknown> | unknown): Promise<{ wall: number; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => { const now = performance.now(); stall = Math.max(stall, now - last); last = now; }, 1);
  await new Promise((r) => setTimeout(r, 20));
  stall = 0; last = performance.now();
  const t = performance.now();
  await work();
  const wall = performance.now() - t;
  stall = Math.max(stall, performance.now() - last);
  clearInterval(timer);
  return { wall, stall };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'entropy-lens-bench-'));
  const script = join(dir, 'finderWorker.js');
  await esbuild.build({ entryPoints: ['src/extension/offThread/finderWorker.ts'], outfile: script, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
  const finder = createOffThreadFinder(script, () => ({ maxArrays: 1_000_000 }))!;
  const rows: Record<string, string>[] = [];
  for (const [label, bytes, classes] of [['1 MB, 10-class arrays', 1e6, 10], ['4 MB, 100-class arrays', 4e6, 100], ['10 MB, 1000-class arrays', 1e7, 1000]] as const) {
    const text = document(bytes, classes);
    const here: number[] = [], thereStall: number[] = [], thereWall: number[] = [];
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
  console.table(rows);
  console.log(`median of 5 runs; load average ${loadavg().map((x) => x.toFixed(2)).join(', ')} on 2 cores`);
}

void main();
