// Live values from a real debugger, end to end: Debian's debugpy adapter
// (`python3 -m debugpy.adapter`, spoken to over DAP on its stdio, as VS Code
// does) paused in a program holding 10^4, 10^6 and 10^7 float32 and float64
// values. Each row is the extension's own read (readLive: probe, the bytes
// wrapper in the clipboard context, decode) and the entropy computed on it
// (the command's outcome builder, on the compute worker from 10^5 values, as
// the extension does), split into:
//   wrapper  — the wrapper's run on the whole value in the paused program
//              (timed there, by timeit),
//   requests — the data requests, from the first sent to the last answered
//              (PARTS_IN_FLIGHT.python at a time, so wrapper runs, debugpy's relay
//              and the decode of earlier parts overlap),
//   decode   — base64 → Float64Array, part by part as they arrive (inside requests),
//   compute  — classify and the entropy outcome (figures, breakdown subject),
//              on the worker and, for comparison, on this thread,
// with the longest stall of this thread from the first request to the
// outcome (the DAP messages are parsed on it too), and the CPU time each
// process spent on the read and the outcome: the paused program, debugpy's
// adapter (a Python process that parses and re-encodes every message), and
// this one (with its worker), from /proc, in 10 ms steps, and the minor page
// faults of each (first touches of fresh memory), beside what one costs on
// this machine (lib/firstTouch.ts). Beside it,
// the plain text path a hand-rolled reader takes: `x.tolist()` evaluated in
// the repl context (cut at 2^16 characters by debugpy) and, where that is
// cut, the same text in the clipboard context read by the array finder.
// Then a batch's cross-entropy (`labels, logits` of 10^5 × 100 and 10^4 × 1000
// float32 and float64): both reads and the pair's outcome, as the command does.
// Then values of 10^7 whose parts travel in narrower types (int64 class
// indices, one-hot rows, float64 that float32 holds), beside random float64.
// Then the same inside a real VS Code, from js-debug and debugpy (inVsCode).
// Prints figures only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARTS_IN_FLIGHT, readLive, type Timings } from '../src/extension/live/evaluator';
import type { LiveArray } from '../src/extension/live/transfer';
import { liveOutcomeRunner, createOffThreadCompute } from '../src/extension/offThread/offThreadCompute';
import { liveOutcome, type LiveOutcomeJob } from '../src/extension/live/liveOutcome';
import { computeLive } from '../src/extension/live/liveCompute';
import { dataExpression, decodePrinted } from '../src/extension/live/transfer';
import { startDebugpy } from './lib/debugpy';
import { longestStall } from './lib/stall';
import { processCpuMs, processMinorFaults } from './lib/cpu';
import { firstTouchMicros } from './lib/firstTouch';
import { settle } from './lib/timing';

const SIZES = [1e4, 1e6, 1e7];
const DTYPES = ['float32', 'float64'] as const;
const name = (n: number, dtype: string) => `x_${dtype}_${Math.log10(n)}`;
/** Batches of logits (rows × classes) and their labels: the cross-entropy read of a training step. */
const BATCHES = [
  [1e5, 100],
  [1e4, 1000],
] as const;
const batchName = (rows: number, dtype: string) => `logits_${dtype}_${rows}`;

/**
 * Targets and other values of 10^7 that travel in narrower types than their
 * own (transfer.ts's PY_WIRE): int64 class indices, with -100 for
 * ignore_index, the same as float64, one-hot rows, float64 values that
 * float32 holds; beside them, random float64 (x_float64_7), sent as they are.
 */
const NARROWED = [
  ['class indices 0–999, int64', 'indices', 'rng.integers(0, 1000, 10**7)'],
  [
    'class indices with -100 (ignore_index), int64',
    'indices_ignore',
    'np.where(rng.random(10**7) < 0.1, -100, indices)',
  ],
  ['class indices 0–999, float64', 'indices_f8', 'indices.astype(np.float64)'],
  ['one-hot 10^6 × 10, float64', 'onehot_f8', 'np.eye(10)[rng.integers(0, 10, 10**6)]'],
  ['one-hot 10^6 × 10, float32', 'onehot_f4', 'onehot_f8.astype(np.float32)'],
  ['float32 values widened to float64', 'widened', 'rng.random(10**7).astype(np.float32).astype(np.float64)'],
  ['random float64 (sent as float64)', name(1e7, 'float64'), ''],
  [
    'random torch bfloat16 (sent as float32)',
    'bf16',
    'torch.from_numpy(rng.random(10**7, dtype=np.float32)).bfloat16()',
  ],
] as const;

const PROGRAM = `import numpy as np
import torch
rng = np.random.default_rng(0)
${SIZES.flatMap((n) => DTYPES.map((d) => `${name(n, d)} = rng.random(${n}).astype(np.${d})`)).join('\n')}
${BATCHES.map(([rows, classes]) => `labels_${rows} = rng.integers(0, ${classes}, ${rows})`).join('\n')}
${BATCHES.flatMap(([rows, classes]) => DTYPES.map((d) => `${batchName(rows, d)} = rng.standard_normal((${rows}, ${classes})).astype(np.${d})`)).join('\n')}
${NARROWED.filter(([, , value]) => value)
  .map(([, expr, value]) => `${expr} = ${value}`)
  .join('\n')}
print('paused')
`;

let onWorker: ReturnType<typeof liveOutcomeRunner>;

const ms = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toString()).padStart(6);

const ROOT = join(__dirname, '..', '..');

/** An entropy job on one read value, as the command builds it. */
const job = (expr: string, value: LiveArray): LiveOutcomeJob => ({
  kind: 'entropy',
  values: [{ expression: expr, at: { text: expr, start: 0, end: 0 }, value }],
  settings: { unit: 'nats', eps: undefined },
  placement: { uri: 'bench:', positions: [] },
});

async function main(): Promise<void> {
  // Loaded at run time: the harness's scripts are ES modules (import.meta), this bench a CommonJS bundle.
  const debian = (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'debian.mjs')).href)) as {
    ensureDebianPackages(packages: string[], why: string): void;
  };
  debian.ensureDebianPackages(['python3-debugpy', 'python3-numpy', 'python3-torch'], 'for the debugger bench');
  const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const worker = createOffThreadCompute(join(ROOT, 'dist', 'computeWorker.js'))!;
  onWorker = liveOutcomeRunner(worker, () => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'entropy-lens-bench-debug-'));
  const program = join(dir, 'program.py');
  writeFileSync(program, PROGRAM);
  const { dap, frame, stop, pids } = await startDebugpy(
    program,
    PROGRAM.split('\n').findIndex((l) => l.startsWith('print(')) + 1,
  );
  const evaluate = async (expression: string, context: string) =>
    (await dap.request<{ result: string }>('evaluate', { expression, frameId: frame.frameId, context })).result;

  const touch = firstTouchMicros();
  console.log(
    `This machine: the first write to fresh memory costs ${touch.first.toFixed(2)} µs per 4 KiB page, a second write ${touch.second.toFixed(2)} µs (64 MiB, best of 3).\n`,
  );
  console.log('debugpy (Debian python3-debugpy), stdio DAP; times in ms, best of 3');
  console.log(
    `| values | dtype | end to end (${PARTS_IN_FLIGHT.python} parts in flight) | one part at a time | probe | wrapper | requests | decode | compute (worker) | compute (this thread) | stall | CPU: program | adapter | this process | page faults (k): program | adapter | this process | MB sent | text path (repl) | text (clipboard + finder) |`,
  );
  console.log('|--:|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:--|--:|');
  for (const n of SIZES) {
    for (const dtype of DTYPES) {
      const expr = name(n, dtype);
      let best: number[] | undefined;
      for (let k = 0; k < 3; k++) {
        settle();
        let computeMs = 0;
        let timings: Timings | undefined;
        // CPU of the read and the outcome in each process (this one: its threads and the worker's).
        const cpu0 = [processCpuMs(pids.program), processCpuMs(pids.adapter), process.cpuUsage()] as const;
        const faults0 = [
          processMinorFaults(pids.program),
          processMinorFaults(pids.adapter),
          process.resourceUsage().minorPageFault,
        ];
        // What the command holds this thread for, from the first request to the outcome (built on the worker).
        const { stall } = await longestStall(async () => {
          const read = await readLive(frame, expr, 'python', { maxElements: 1e8 });
          if (!read.ok) throw new Error(read.error);
          timings = read.timings;
          const c0 = performance.now();
          const out = await onWorker(job(expr, read.value), undefined);
          if (!out.result.ok) throw new Error(out.message);
          computeMs = performance.now() - c0;
        });
        const here = process.cpuUsage(cpu0[2]);
        const cpu = [
          (processCpuMs(pids.program) ?? NaN) - (cpu0[0] ?? NaN),
          (processCpuMs(pids.adapter) ?? NaN) - (cpu0[1] ?? NaN),
          (here.user + here.system) / 1000,
        ];
        const faults = [
          processMinorFaults(pids.program),
          processMinorFaults(pids.adapter),
          process.resourceUsage().minorPageFault,
        ].map((f, i) => ((f ?? NaN) - (faults0[i] ?? NaN)) / 1000);
        // The same outcome built on this thread, for comparison (the decoded values again: the worker took them).
        const again = await readLive(frame, expr, 'python', { maxElements: 1e8 });
        if (!again.ok) throw new Error(again.error);
        const h0 = performance.now();
        liveOutcome(job(expr, again.value));
        const hereMs = performance.now() - h0;
        const total = computeMs + timings!.probe + timings!.evaluate + timings!.decode;
        // The same read waiting for each part's answer before asking for the next.
        const serial = await readLive(frame, expr, 'python', { maxElements: 1e8, partsInFlight: 1 });
        if (!serial.ok) throw new Error(serial.error);
        const serialTotal = computeMs + serial.timings.probe + serial.timings.evaluate + serial.timings.decode;
        // The wrapper's own time in the paused program.
        const inPython =
          1000 *
          Number(
            await evaluate(`__import__('timeit').timeit(lambda: ${dataExpression('python', expr)}, number=1)`, 'repl'),
          );
        const row = [
          total,
          timings!.probe,
          inPython,
          timings!.evaluate + timings!.decode,
          timings!.decode,
          computeMs,
          hereMs,
          stall,
          ...cpu,
          ...faults,
          timings!.chars / 1e6,
          serialTotal,
        ];
        if (!best || row[0]! < best[0]!) best = row;
      }
      // The text path: what a reader without the wrapper gets.
      let t = performance.now();
      const repl = await evaluate(`${expr}.tolist()`, 'repl');
      const replMs = performance.now() - t;
      const replRead = decodePrinted(repl);
      const complete = replRead.ok && replRead.value.data.length === n;
      t = performance.now();
      const clip = await evaluate(`${expr}.tolist()`, 'clipboard');
      const parsed = decodePrinted(clip);
      const clipMs = performance.now() - t;
      const clipNote =
        parsed.ok && parsed.value.data.length === n
          ? ms(clipMs)
          : /\.\.\.|…/.test(clip)
            ? `summarised (${clip.length} chars)`
            : `unreadable: ${clip.slice(0, 30)}`;
      const [
        total,
        probe,
        wrapper,
        requests,
        decode,
        compute,
        here,
        stall,
        cpuProgram,
        cpuAdapter,
        cpuHere,
        faultsProgram,
        faultsAdapter,
        faultsHere,
        mb,
        serialTotal,
      ] = best!;
      console.log(
        `| ${n.toExponential(0)} | ${dtype} | ${ms(total!)} | ${ms(serialTotal!)} | ${ms(probe!)} | ${ms(wrapper!)} | ${ms(requests!)} | ${ms(decode!)} | ${ms(compute!)} | ${ms(here!)} | ${ms(stall!)} | ${ms(cpuProgram!)} | ${ms(cpuAdapter!)} | ${ms(cpuHere!)} | ${ms(faultsProgram!)} | ${ms(faultsAdapter!)} | ${ms(faultsHere!)} | ${mb!.toFixed(1)} | ${ms(replMs)} ${complete ? 'complete' : `cut at ${repl.length} chars`} | ${clipNote} |`,
      );
    }
  }
  await batches(frame);
  await narrowed(frame);
  stop();
  worker.dispose();
  await inVsCode();
  process.exit(0);
}

/**
 * The cross-entropy of a batch, as the command computes it for the selection
 * `labels, logits` (computeLive: both values read at once, then the pair's
 * outcome — analyze's per-row figures, breakdown subject — on the compute
 * worker); then each read alone and the outcome alone, for the split.
 */
async function batches(frame: Parameters<typeof readLive>[0]): Promise<void> {
  console.log('\nA batch: `labels, logits` (int64 labels, logits rows × classes), cross-entropy; ms, best of 3');
  console.log(
    '| rows × classes | logits dtype | end to end (reads at once) | read labels alone | read logits alone | compute (worker) | compute (this thread) | stall |',
  );
  console.log('|--:|:--|--:|--:|--:|--:|--:|--:|');
  const pairJob = (labels: LiveArray, logits: LiveArray, expr: string): LiveOutcomeJob => ({
    kind: 'crossEntropy',
    values: [
      { expression: 'labels', at: { text: 'labels', start: 0, end: 6 }, value: labels },
      { expression: expr, at: { text: expr, start: 8, end: 8 + expr.length }, value: logits },
    ],
    settings: { unit: 'nats', eps: undefined },
    placement: { uri: 'bench:', positions: [] },
  });
  for (const [rows, classes] of BATCHES) {
    for (const dtype of DTYPES) {
      const expr = batchName(rows, dtype);
      let best: number[] | undefined;
      for (let k = 0; k < 3; k++) {
        settle();
        const row = [0, 0, 0, 0, 0, 0];
        const { stall } = await longestStall(async () => {
          const t0 = performance.now();
          const out = await computeLive(
            'crossEntropy',
            frame,
            [
              { text: `labels_${rows}`, start: 0, end: 6 },
              { text: expr, start: 8, end: 8 + expr.length },
            ],
            'python',
            { uri: 'bench:', positionAt: () => ({ line: 0, character: 0 }) },
            {
              settings: () => ({ unit: 'nats', eps: undefined }),
              maxElements: () => 1e8,
              log: () => undefined,
              pickPartner: () => Promise.resolve(undefined),
              acceptSlice: () => Promise.resolve(false),
              outcome: onWorker,
            },
          );
          if (!out.result.ok) throw new Error(out.message);
          row[0] = performance.now() - t0;
        });
        row[5] = stall;
        const t0 = performance.now();
        const labels = await readLive(frame, `labels_${rows}`, 'python', { maxElements: 1e8 });
        const t1 = performance.now();
        const logits = await readLive(frame, expr, 'python', { maxElements: 1e8 });
        const t2 = performance.now();
        if (!labels.ok || !logits.ok) throw new Error('the batch could not be read again');
        const w0 = performance.now();
        const out = await onWorker(pairJob(labels.value, logits.value, expr), undefined);
        if (!out.result.ok) throw new Error(out.message);
        row.splice(1, 3, t1 - t0, t2 - t1, performance.now() - w0);
        // The worker took those values' buffers: the same outcome on this thread reads them again.
        const labelsHere = await readLive(frame, `labels_${rows}`, 'python', { maxElements: 1e8 });
        const logitsHere = await readLive(frame, expr, 'python', { maxElements: 1e8 });
        if (!labelsHere.ok || !logitsHere.ok) throw new Error('the batch could not be read again');
        const h0 = performance.now();
        liveOutcome(pairJob(labelsHere.value, logitsHere.value, expr));
        row[4] = performance.now() - h0;
        if (!best || row[0]! < best[0]!) best = row;
      }
      const [total, readLabels, readLogits, compute, here, stall] = best!;
      console.log(
        `| ${rows.toExponential(0)} × ${classes} | ${dtype} | ${ms(total!)} | ${ms(readLabels!)} | ${ms(readLogits!)} | ${ms(compute!)} | ${ms(here!)} | ${ms(stall!)} |`,
      );
    }
  }
}

/** Values of 10^7 sent in narrower types: the read end to end and the bytes it moved. */
async function narrowed(frame: Parameters<typeof readLive>[0]): Promise<void> {
  console.log('\nValues of 10^7, each part sent in the narrowest type that holds it exactly; ms, best of 3');
  console.log('| value | read end to end | stall | MB sent |');
  console.log('|:--|--:|--:|--:|');
  for (const [label, expr] of NARROWED) {
    let best: [number, number, number] | undefined;
    for (let k = 0; k < 3; k++) {
      settle();
      let chars = 0;
      const { wall, stall } = await longestStall(async () => {
        const read = await readLive(frame, expr, 'python', { maxElements: 1e8 });
        if (!read.ok) throw new Error(read.error);
        if (read.value.data.length !== 1e7) throw new Error(`${expr}: read ${read.value.data.length} values`);
        chars = read.timings.chars;
      });
      if (!best || wall < best[0]) best = [wall, stall, chars / 1e6];
    }
    console.log(`| ${label} | ${ms(best![0])} | ${ms(best![1])} | ${best![2].toFixed(1)} |`);
  }
}

/**
 * The same reads inside a real VS Code (code-server, through the integration
 * harness and test/integration/live.test.ts's timing suite), from js-debug and
 * debugpy: the command end to end (what the user waits for) for 10^4, 10^6
 * and 10^7 values and 10^7 one-hot values (sent in narrower types), and up
 * to 10^6 the wrapper's evaluate request alone and the decode, beside the
 * repl-context text path.
 */
async function inVsCode(): Promise<void> {
  const root = ROOT;
  const out = join(mkdtempSync(join(tmpdir(), 'entropy-lens-bench-vscode-')), 'timings.json');
  process.env.ENTROPY_LENS_LIVE_BENCH = out;
  process.env.ENTROPY_LENS_TEST_GREP = 'live timings';
  const harness = pathToFileURL(join(root, 'scripts', 'integration.mjs')).href;
  const { runIntegration } = (await import(harness)) as {
    runIntegration(o: { log(s: string): void }): Promise<{ failed: number }>;
  };
  const { failed } = await runIntegration({ log: () => undefined });
  if (failed || !existsSync(out)) throw new Error('the timing suite in VS Code failed: see .test-output');
  const rows = JSON.parse(readFileSync(out, 'utf8')) as {
    adapter: string;
    n: number;
    dtype: string;
    command: number;
    stall: number;
    /** The stages, for values up to 10^6 only. */
    request?: number;
    decode?: number;
    chars?: number;
    textMs?: number;
    textChars?: number;
  }[];
  console.log('\nIn VS Code (code-server 4.139.1, remote extension host); ms, the command best of 3, the rest one run');
  console.log(
    '| adapter | values | dtype | command end to end | longest stall of the host | evaluate request | decode | MB | text path (repl) |',
  );
  console.log('|:--|--:|:--|--:|--:|--:|--:|--:|:--|');
  for (const r of rows) {
    const stages =
      r.request === undefined
        ? '— | — | — | — (the command only at this size)'
        : `${ms(r.request)} | ${ms(r.decode!)} | ${(r.chars! / 1e6).toFixed(1)} | ${ms(r.textMs!)}, ${r.textChars} chars${r.textChars! < r.n ? ' (cut)' : ''}`;
    console.log(
      `| ${r.adapter} | ${r.n.toExponential(0)} | ${r.dtype} | ${ms(r.command)} | ${ms(r.stall)} | ${stages} |`,
    );
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
