// The live compute's worker: a real worker thread built from the worker's
// source gives the outcome the host's thread gives (figures, message,
// breakdown subject, the normalise offer's outcome), with the values'
// buffers transferred; cancelling a computation stops only it (the worker,
// when it is the one running) and the others go on; a worker that keeps dying is given up, and the runner then
// computes on its own thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { nodeBundle } from './nodeBundle';
import type * as vscode from 'vscode';
import {
  createOffThreadCompute,
  liveOutcomeRunner,
  OffThreadCompute,
  WORKER_MIN_ELEMENTS,
  type ComputeWorker,
} from '../../../src/extension/offThread/offThreadCompute';
import { liveOutcome, type LiveOutcomeJob } from '../../../src/extension/live/liveOutcome';
import type { ComputeResponse } from '../../../src/extension/offThread/protocol';
import { warmUp, WARM_UP_ELEMENTS } from '../../../src/extension/offThread/serveCompute';
import type { Outcome } from '../../../src/extension/commands/outcome';

/** A pair of n values: a one-hot target and a smooth prediction (scaled when `off`, so it does not sum to 1). */
function pairJob(n: number, kind: LiveOutcomeJob['kind'] = 'crossEntropy', off = 1): LiveOutcomeJob {
  const target = new Float64Array(n);
  target[3] = 1;
  const prediction = Float64Array.from({ length: n }, (_, i) => (off * (1 + (i % 7))) / (4 * n));
  const sum = prediction.reduce((s, v) => s + v, 0);
  if (off === 1) for (let i = 0; i < n; i++) prediction[i] = prediction[i]! / sum;
  return {
    kind,
    values: [
      {
        expression: 'labels',
        at: { text: 'labels', start: 10, end: 16 },
        value: { dtype: 'f8', shape: [n], data: target },
      },
      {
        expression: 'probs',
        at: { text: 'probs', start: 18, end: 23 },
        value: { dtype: 'f4', shape: [n], data: prediction },
      },
    ],
    settings: { unit: 'nats', eps: undefined },
    placement: {
      uri: 'file:///train.py',
      positions: [
        [10, 4, 8],
        [16, 4, 14],
        [18, 4, 16],
        [23, 4, 21],
      ],
    },
  };
}

/** A deep copy of a job (the worker takes the original's buffers). */
const copyOf = (job: LiveOutcomeJob): LiveOutcomeJob => structuredClone(job);

/** What the user gets from an outcome, without its closures. */
function seen(o: Outcome) {
  const { offer, ...rest } = o;
  return { ...rest, offer: offer?.offer };
}

function token() {
  let cancel: () => void = () => undefined;
  const t = {
    isCancellationRequested: false,
    onCancellationRequested: (f: () => void) => {
      cancel = () => {
        t.isCancellationRequested = true;
        f();
      };
      return { dispose: () => undefined };
    },
  };
  return { token: t as unknown as vscode.CancellationToken, cancel: () => cancel() };
}

describe('the live compute on a real worker thread', () => {
  let script: string;
  let remove: () => void;
  beforeAll(async () => {
    ({ script, remove } = await nodeBundle('src/extension/offThread/computeWorker.ts'));
  });
  afterAll(() => remove());

  it("gives the host thread's outcome for 2 × 300 000 values, taking their buffers rather than copying them", async () => {
    const worker = createOffThreadCompute(script)!;
    try {
      const job = pairJob(300_000);
      const q3 = job.values[1]!.value.data[3]!;
      const here = liveOutcome(copyOf(job));
      const there = await worker.compute(job);
      expect(job.values[0]!.value.data.length).toBe(0); // transferred: detached here
      expect(here.result.ok).toBe(true);
      expect(seen(there)).toEqual(seen(here));
      if (!there.result.ok || there.result.kind === 'entropy') throw new Error(there.message);
      expect(there.result.crossEntropy).toBeCloseTo(-Math.log(q3), 12);
      expect(there.result.target.range.start).toEqual({ line: 4, character: 8 });
      expect(worker.completed).toBe(1);
    } finally {
      worker.dispose();
    }
  });

  it('prepare starts the worker for a value of half the threshold or more, once; the next computation runs on it', async () => {
    const started: Worker[] = [];
    const worker = new OffThreadCompute(() => {
      const w = new Worker(script);
      started.push(w);
      return w as unknown as ComputeWorker;
    });
    try {
      worker.prepare(WORKER_MIN_ELEMENTS / 2 - 1);
      expect(started).toHaveLength(0);
      worker.prepare(WORKER_MIN_ELEMENTS / 2);
      expect(started).toHaveLength(1);
      // Started, not waiting for a job: it comes online by itself.
      await new Promise((resolve) => started[0]!.once('online', resolve));
      worker.prepare(10 ** 7);
      const job = pairJob(WORKER_MIN_ELEMENTS);
      const here = liveOutcome(copyOf(job));
      expect(seen(await worker.compute(job))).toEqual(seen(here));
      expect(started).toHaveLength(1);
      expect(worker.completed).toBe(1);
    } finally {
      worker.dispose();
    }
    // Disposed: nothing starts.
    worker.prepare(10 ** 7);
    expect(started).toHaveLength(1);
  });

  it('warms up as it starts and posts nothing of it: its first message answers the first job', async () => {
    const w = new Worker(script);
    const messages: ComputeResponse[] = [];
    w.on('message', (m: ComputeResponse) => messages.push(m));
    try {
      await new Promise((resolve) => w.once('online', resolve));
      const job = pairJob(1000);
      const here = liveOutcome(copyOf(job));
      w.postMessage({ id: 7, job });
      await new Promise((resolve) => w.once('message', resolve));
      expect(messages.map((m) => m.id)).toEqual([7]);
      expect('outcome' in messages[0]! && messages[0].outcome.message).toBe(here.message);
    } finally {
      await w.terminate();
    }
  });

  it('carries the normalise offer across, with the outcome its button gives', async () => {
    const worker = createOffThreadCompute(script)!;
    try {
      const job = pairJob(200_000, 'klDivergence', 3);
      const here = liveOutcome(copyOf(job));
      const there = await worker.compute(job);
      expect(here.offer).toBeDefined();
      expect(there.offer?.offer).toEqual(here.offer!.offer);
      expect(seen(there.offer!.accept())).toEqual(seen(here.offer!.accept()));
      expect(there.offer!.accept().result.ok).toBe(true);
    } finally {
      worker.dispose();
    }
  });

  it("values that exhaust the worker's memory are refused with a message, not retried here; the next computation starts another worker", async () => {
    // A worker with a 48 MB heap: a binary pair of 600 000 elements needs several times that.
    const worker = new OffThreadCompute(
      () => new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 48 } }) as unknown as ComputeWorker,
    );
    const log: string[] = [];
    const run = liveOutcomeRunner(worker, (l) => log.push(l));
    try {
      const out = await run(binaryJob(600_000), undefined);
      expect(out.result).toMatchObject({ ok: false, code: 'NOT_COMPUTABLE' });
      expect(out.message).toContain('labels, probs: 1,200,000 values need more memory than the compute worker has');
      expect(log.some((l) => l.includes('out of memory'))).toBe(true);
      expect(worker.available).toBe(true);
      const next = await run(pairJob(WORKER_MIN_ELEMENTS), undefined);
      expect(next.result.ok).toBe(true);
      expect(worker.completed).toBe(1);
    } finally {
      worker.dispose();
    }
  });

  it('cancelling stops the worker; the next computation starts another', async () => {
    const worker = createOffThreadCompute(script)!;
    const run = liveOutcomeRunner(worker, () => undefined);
    try {
      const { token: t, cancel } = token();
      const pending = run(pairJob(2_000_000, 'entropy'), t);
      setTimeout(cancel, 20);
      const cancelled = await pending;
      expect(cancelled.result).toMatchObject({ ok: false, code: 'CANCELLED' });
      expect(worker.completed).toBe(0);
      const next = await run(pairJob(WORKER_MIN_ELEMENTS), undefined);
      expect(next.result.ok).toBe(true);
      expect(worker.completed).toBe(1);
      expect(worker.available).toBe(true);
    } finally {
      worker.dispose();
    }
  });

  it('cancelling one computation leaves the others: a queued one leaves the queue, the running one its worker', async () => {
    const worker = createOffThreadCompute(script)!;
    const run = liveOutcomeRunner(worker, () => undefined);
    try {
      // Three at once, as a command and two live lenses may ask: cancel the queued second.
      const expected = seen(liveOutcome(pairJob(300_000)));
      const queued = token();
      const first = run(pairJob(300_000), undefined);
      const second = run(pairJob(300_000), queued.token);
      const third = run(pairJob(300_000), undefined);
      queued.cancel();
      expect((await second).result).toMatchObject({ ok: false, code: 'CANCELLED' });
      expect(seen(await first)).toEqual(expected);
      expect(seen(await third)).toEqual(expected);
      expect(worker.completed).toBe(2);

      // Cancel the running one: the one queued behind it is computed on a fresh worker.
      const running = token();
      const big = run(pairJob(2_000_000, 'entropy'), running.token);
      const behind = run(pairJob(300_000), undefined);
      // Posted to the worker as run() returns, so cancelling now stops it while it runs (a timer could come after its answer).
      running.cancel();
      expect((await big).result).toMatchObject({ ok: false, code: 'CANCELLED' });
      expect(seen(await behind)).toEqual(expected);
      expect(worker.completed).toBe(3);
      expect(worker.available).toBe(true);
    } finally {
      worker.dispose();
    }
  });
});

/** A binary pair of n elements: 0/1 labels and P(class 1) per element (2n rows of two classes to analyze). */
function binaryJob(n: number): LiveOutcomeJob {
  const job = pairJob(n);
  const labels = job.values[0]!.value.data,
    probs = job.values[1]!.value.data;
  for (let i = 0; i < n; i++) {
    labels[i] = i % 3 === 0 ? 1 : 0;
    probs[i] = ((i * 7919) % 1000) / 1000 + 0.0005;
  }
  return job;
}

/** A worker stand-in that dies when asked. */
function dyingWorker() {
  const listeners: Record<string, ((m: never) => void)[]> = {};
  const worker: ComputeWorker = {
    postMessage: () => undefined,
    on: (event: string, f: (m: never) => void) => {
      (listeners[event] ??= []).push(f);
    },
    terminate: async () => 0,
    unref: () => undefined,
  } as ComputeWorker;
  const emit = (event: string, m: unknown) => listeners[event]?.forEach((f) => f(m as never));
  return { worker, emit };
}

describe("the compute worker's warm-up", () => {
  it('computes real figures on made-up values: ln n for a uniform distribution, and against it for a one-hot target', () => {
    const figures = warmUp();
    expect(figures.entropy).toBeCloseTo(Math.log(WARM_UP_ELEMENTS), 12);
    expect(figures.crossEntropy).toBeCloseTo(Math.log(WARM_UP_ELEMENTS), 12);
  });
});

describe('liveOutcomeRunner', () => {
  it('computes small values here without starting the worker', async () => {
    let started = 0;
    const worker = new OffThreadCompute(() => {
      started++;
      return dyingWorker().worker;
    });
    const out = await liveOutcomeRunner(worker, () => undefined)(pairJob(WORKER_MIN_ELEMENTS / 2 - 1), undefined);
    expect(out.result.ok).toBe(true);
    expect(started).toBe(0);
  });

  it('says to run again when the worker dies, and after three deaths computes here and says why once', async () => {
    const workers: ReturnType<typeof dyingWorker>[] = [];
    const unavailable: string[] = [];
    const worker = new OffThreadCompute(
      () => {
        const w = dyingWorker();
        workers.push(w);
        return w.worker;
      },
      { onUnavailable: (r) => unavailable.push(r) },
    );
    const log: string[] = [];
    const run = liveOutcomeRunner(worker, (l) => log.push(l));
    for (let k = 0; k < 3; k++) {
      const pending = run(pairJob(WORKER_MIN_ELEMENTS), undefined);
      workers[k]!.emit('error', new Error('out of memory'));
      const out = await pending;
      expect(out.result).toMatchObject({
        ok: false,
        code: 'INTERNAL',
        error: 'the compute worker stopped: out of memory: run the command again',
      });
    }
    expect(worker.available).toBe(false);
    expect(unavailable).toEqual(['out of memory']);
    const here = await run(pairJob(WORKER_MIN_ELEMENTS), undefined);
    expect(here.result.ok).toBe(true);
    expect(workers).toHaveLength(3);
    expect(log.filter((l) => l.includes('out of memory'))).toHaveLength(3);
  });

  it('passes an error thrown in the worker through as the reason', async () => {
    const w = dyingWorker();
    const worker = new OffThreadCompute(() => w.worker);
    const pending = worker.compute(pairJob(10));
    w.emit('message', { id: 1, error: 'RangeError: boom\n    at x' } satisfies ComputeResponse);
    await expect(pending).rejects.toThrow('RangeError: boom');
    worker.dispose();
  });
});
