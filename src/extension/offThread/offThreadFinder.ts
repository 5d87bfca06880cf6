// Runs the array finder off the extension host's thread: on a Node worker
// thread in the desktop host (createOffThreadFinder), in a Web Worker in the
// browser's web-worker host (createWebOffThreadFinder, webWorker.ts). One
// document is read at a time; while it runs, only the newest request per
// document waits (older ones are answered as superseded), so a burst of edits
// to a large file costs one or two parses, not one per keystroke. A worker that
// dies answers what waits with an error (callers read on their own thread);
// after three deaths, or one worker that could not start at all, the finder
// gives up and says so once through `onUnavailable`.
import type * as vscode from 'vscode';
import type { FinderLimits, FindResult } from '../../parse/types';
import { unpackResult } from './pack';
import type { FinderRequest, FinderResponse } from './protocol';

/** Answer to a request that a newer one for the same document replaced. */
export class SupersededError extends Error {
  readonly superseded = true;
  constructor() {
    super('superseded by a newer version of the document');
  }
}

interface Job {
  key: string;
  request: FinderRequest;
  resolve(r: FindResult): void;
  reject(e: Error): void;
}

/** What the off-thread clients need of a worker: the shape of node:worker_threads' Worker (webWorker.ts adapts a Web Worker to it). */
export type WorkerLike<Req = FinderRequest, Res = FinderResponse> = {
  postMessage(m: Req, transfer?: Transferable[]): void;
  on(event: 'message', f: (m: Res) => void): void;
  on(event: 'error' | 'exit', f: (e: unknown) => void): void;
  terminate(): Promise<number>;
  unref(): void;
};

/** A worker that never started (its script could not load, or workers are not allowed): no point in trying again. */
export class WorkerStartError extends Error {
  readonly cannotStart = true;
}

const MAX_FAILURES = 3;

export interface OffThreadFinderOptions {
  /** Called once when the finder stops using its worker for good (the features then read on their own thread). */
  onUnavailable?(reason: string): void;
}

export class OffThreadFinder implements vscode.Disposable {
  private worker: WorkerLike | undefined;
  private running: Job | undefined;
  private readonly queued = new Map<string, Job>();
  private nextId = 1;
  private failures = 0;
  private disposed = false;
  /** Documents read on the worker so far (for tests and the output channel). */
  completed = 0;

  constructor(
    private readonly start: () => WorkerLike,
    private readonly limits: () => Partial<FinderLimits>,
    private readonly options: OffThreadFinderOptions = {},
  ) {}

  /** Whether requests still go to the worker (false once disposed or given up). */
  get available(): boolean {
    return !this.disposed && this.failures < MAX_FAILURES;
  }

  /** The arrays of `text`; rejects with SupersededError when a newer request for `key` arrives first. */
  find(text: string, languageId: string, key: string): Promise<FindResult> {
    if (!this.available) return Promise.reject(new Error('the finder worker is not available'));
    return new Promise((resolve, reject) => {
      this.queued.get(key)?.reject(new SupersededError());
      this.queued.set(key, {
        key,
        request: { id: this.nextId++, text, languageId, limits: this.limits() },
        resolve,
        reject,
      });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.queued.size === 0) return;
    const [key, job] = this.queued.entries().next().value as [string, Job];
    this.queued.delete(key);
    this.running = job;
    try {
      this.ensureWorker().postMessage(job.request);
    } catch (e) {
      this.fail(e);
    }
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.unref();
    worker.on('message', (m: FinderResponse) => {
      const job = this.running;
      if (!job || job.request.id !== m.id) return;
      this.running = undefined;
      if ('result' in m) {
        this.completed++;
        unpackResult(m.result).then(
          (r) => job.resolve(r),
          (e: unknown) => job.reject(e instanceof Error ? e : new Error(String(e))),
        );
      } else job.reject(new Error(m.error));
      this.pump();
    });
    const lost = (e: unknown) => {
      if (this.worker === worker) this.fail(e);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
    return worker;
  }

  /** The worker died: answer what waits with an error (callers read on their own thread) and start afresh next time. */
  private fail(e: unknown): void {
    const wasAvailable = this.available;
    const reason = e instanceof Error ? e.message : String(e);
    this.failures = (e as { cannotStart?: boolean } | undefined)?.cannotStart ? MAX_FAILURES : this.failures + 1;
    if (wasAvailable && !this.available && !this.disposed) this.options.onUnavailable?.(reason);
    const error = new Error(`the finder worker stopped: ${reason}`);
    this.running?.reject(error);
    this.running = undefined;
    for (const job of this.queued.values()) job.reject(error);
    this.queued.clear();
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate().catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.fail(new Error('disposed'));
  }
}

/** The off-thread finder in the Node host; undefined where worker threads do not exist (vscode.dev: see createWebOffThreadFinder). */
export function createOffThreadFinder(
  workerScript: string,
  limits: () => Partial<FinderLimits>,
  options: OffThreadFinderOptions = {},
): OffThreadFinder | undefined {
  const W = nodeWorkerClass<WorkerLike>();
  return W && new OffThreadFinder(() => new W(workerScript), limits, options);
}

/** node:worker_threads' Worker, or undefined where there is none (the browser's web-worker host). */
export function nodeWorkerClass<W>(): (new (path: string) => W) | undefined {
  try {
    // A plain require keeps the browser bundle free of Node modules (marked external there, never reached).
    return typeof require === 'function'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('node:worker_threads') as { Worker: new (path: string) => W }).Worker
      : undefined;
  } catch {
    return undefined;
  }
}
