// Builds the outcome of large live values off the extension host's thread: on
// a Node worker thread in the desktop host, in a Web Worker in the browser's
// web-worker host. Jobs go to the worker one at a time, each job's buffers
// transferred (not copied) when it starts. Cancelling a queued job takes it
// off the queue; cancelling the running one stops the worker (a computation
// cannot be interrupted otherwise) and the queue goes on with a fresh one. A
// worker that dies answers its job with an error; after three deaths, or one
// worker that could not start, computations stay on the host's thread and
// `onUnavailable` says so once.
// A worker that ran out of memory is not a death that counts: the same values
// would exhaust the host's thread, so they are refused with a message instead.
import type * as vscode from 'vscode';
import { failure, type Outcome } from '../commands/outcome';
import { fromPortable, jobBuffers, jobElements, liveOutcome, type LiveOutcomeJob } from '../live/liveOutcome';
import { nodeWorkerClass, type WorkerLike } from './offThreadFinder';
import type { ComputeRequest, ComputeResponse } from './protocol';
import { browserWorkerApi, COMPUTE_WORKER_NAME, startWebWorker, type LoadScript, type WebWorkerApi } from './webWorker';

/**
 * From this many values a live computation goes to the worker. Below it the
 * outcome is built in under ~30 ms on the host's thread (10^5 values of a
 * pair, bench/debug.bench.ts), less than the worker's round trip costs.
 */
export const WORKER_MIN_ELEMENTS = 100_000;

const MAX_FAILURES = 3;

export type ComputeWorker = WorkerLike<ComputeRequest, ComputeResponse>;

class Cancelled extends Error {
  readonly cancelled = true;
}

class OutOfMemory extends Error {
  readonly outOfMemory = true;
}

/** Node ends a worker whose heap is full with this code, and the host lives on. */
function isOutOfMemory(e: unknown): boolean {
  return (e as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

interface Job {
  id: number;
  job: LiveOutcomeJob;
  resolve(o: Outcome): void;
  reject(e: Error): void;
}

export class OffThreadCompute implements vscode.Disposable {
  private worker: ComputeWorker | undefined;
  /** Jobs not yet posted: their buffers are still here, so they survive the worker. */
  private readonly queue: Job[] = [];
  /** The job on the worker (one at a time, so cancelling it stops nothing else). */
  private running: Job | undefined;
  private nextId = 1;
  private failures = 0;
  private disposed = false;
  /** Outcomes built on the worker so far (for tests and the output channel). */
  completed = 0;

  constructor(
    private readonly start: () => ComputeWorker,
    private readonly options: { onUnavailable?(reason: string): void } = {},
  ) {}

  get available(): boolean {
    return !this.disposed && this.failures < MAX_FAILURES;
  }

  /**
   * A value of `elements` values is about to be read: from half the worker's
   * threshold (a pair of two such values goes to it), the worker starts now,
   * while the data moves, instead of after it (starting it took 0.1–0.2 s).
   */
  prepare(elements: number): void {
    if (elements >= WORKER_MIN_ELEMENTS / 2 && this.available) this.ensureWorker();
  }

  /** The outcome of `job`, built on the worker; rejects when the worker stops or `token` is cancelled. */
  compute(job: LiveOutcomeJob, token?: vscode.CancellationToken): Promise<Outcome> {
    if (!this.available) return Promise.reject(new Error('the compute worker is not available'));
    if (token?.isCancellationRequested) return Promise.reject(new Cancelled('cancelled'));
    return new Promise<Outcome>((resolve, reject) => {
      const sub = token?.onCancellationRequested(() => this.cancel(entry));
      const entry: Job = {
        id: this.nextId++,
        job,
        resolve: (o) => {
          sub?.dispose();
          resolve(o);
        },
        reject: (e) => {
          sub?.dispose();
          reject(e);
        },
      };
      this.queue.push(entry);
      this.next();
    });
  }

  /** Posts the next queued job when the worker is free. */
  private next(): void {
    if (this.running || this.queue.length === 0) return;
    if (!this.available) {
      const error = new Error('the compute worker is not available');
      for (const j of this.queue.splice(0)) j.reject(error);
      return;
    }
    const job = this.queue.shift()!;
    this.running = job;
    try {
      this.ensureWorker().postMessage({ id: job.id, job: job.job }, jobBuffers(job.job));
    } catch (e) {
      this.lose(e, true);
    }
  }

  /** A queued job leaves the queue; the running one stops the worker (a computation cannot be interrupted otherwise). */
  private cancel(job: Job): void {
    const at = this.queue.indexOf(job);
    if (at >= 0) {
      this.queue.splice(at, 1);
      job.reject(new Cancelled('cancelled'));
    } else if (this.running === job) this.lose(new Cancelled('cancelled'), false);
  }

  private ensureWorker(): ComputeWorker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.unref();
    worker.on('message', (m: ComputeResponse) => {
      const job = this.running;
      if (this.worker !== worker || job?.id !== m.id) return;
      this.running = undefined;
      if ('outcome' in m) {
        this.completed++;
        job.resolve(fromPortable(m.outcome));
      } else job.reject(new Error(m.error));
      this.next();
    });
    const lost = (e: unknown) => {
      if (this.worker !== worker) return;
      if (isOutOfMemory(e)) this.lose(new OutOfMemory(e instanceof Error ? e.message : String(e)), false);
      else this.lose(e, true);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
    return worker;
  }

  /**
   * Stops the worker and answers the running job with `e`; a failure counts
   * towards giving up, a cancellation or running out of memory does not. The
   * queue goes on with a fresh worker while one is available.
   */
  private lose(e: unknown, failed: boolean): void {
    const wasAvailable = this.available;
    if (failed)
      this.failures = (e as { cannotStart?: boolean } | undefined)?.cannotStart ? MAX_FAILURES : this.failures + 1;
    if (wasAvailable && !this.available && !this.disposed)
      this.options.onUnavailable?.(e instanceof Error ? e.message : String(e));
    const error = e instanceof Error ? e : new Error(String(e));
    const job = this.running;
    this.running = undefined;
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate().catch(() => undefined);
    job?.reject(failed ? new Error(`the compute worker stopped: ${error.message}`) : error);
    this.next();
  }

  dispose(): void {
    this.disposed = true;
    this.lose(new Error('disposed'), false);
  }
}

/**
 * How a live computation is run: large ones on the worker, small ones (or all,
 * without a worker) here. A cancelled computation is a CANCELLED outcome; a
 * worker that stopped is an error that says to run the command again (the
 * values went to the worker with it).
 */
export function liveOutcomeRunner(
  worker: OffThreadCompute | undefined,
  log: (line: string) => void,
): (job: LiveOutcomeJob, token: vscode.CancellationToken | undefined) => Promise<Outcome> {
  return async (job, token) => {
    const n = jobElements(job);
    if (!worker?.available || n < WORKER_MIN_ELEMENTS) return liveOutcome(job);
    const t0 = performance.now();
    try {
      const outcome = await worker.compute(job, token);
      log(
        `computed ${n.toLocaleString('en-US')} values on the compute worker in ${Math.round(performance.now() - t0)} ms`,
      );
      return outcome;
    } catch (e) {
      if ((e as Partial<Cancelled>).cancelled) return failure(job.kind, 'CANCELLED', 'cancelled');
      const why = e instanceof Error ? e.message : String(e);
      log(`compute worker: ${why}`);
      if ((e as Partial<OutOfMemory>).outOfMemory)
        return failure(
          job.kind,
          'NOT_COMPUTABLE',
          `${job.values.map((v) => v.expression).join(', ')}: ${n.toLocaleString('en-US')} values need more memory than the compute worker has; select a slice of them`,
        );
      return failure(job.kind, 'INTERNAL', `${why.split('\n')[0]}: run the command again`);
    }
  };
}

/** The compute worker of the Node host; undefined where worker threads do not exist (see createWebOffThreadCompute). */
export function createOffThreadCompute(
  workerScript: string,
  options: { onUnavailable?(reason: string): void } = {},
): OffThreadCompute | undefined {
  const W = nodeWorkerClass<ComputeWorker>();
  return W && new OffThreadCompute(() => new W(workerScript), options);
}

/** The compute worker as a Web Worker; undefined where this host cannot start workers. */
export function createWebOffThreadCompute(
  load: LoadScript,
  options: { onUnavailable?(reason: string): void } = {},
  api: WebWorkerApi | undefined = browserWorkerApi(),
): OffThreadCompute | undefined {
  if (!api) return undefined;
  return new OffThreadCompute(
    () => startWebWorker<ComputeRequest, ComputeResponse>(load, api, undefined, COMPUTE_WORKER_NAME),
    options,
  );
}
