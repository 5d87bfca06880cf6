// The extension's workers (the finder's, the live compute's) in the browser's
// web-worker extension host (vscode.dev, VS Code for the Web, code-server): a
// Web Worker started from inside the extension host's own worker, adapted to
// the WorkerLike shape the off-thread clients drive (the shape of
// node:worker_threads' Worker).
//
// The script is loaded as text and started from a blob: URL. The extension's
// files are not always at a URL a worker may load: an extension installed on a
// remote server has a vscode-remote: location, from which VS Code refuses to
// start workers, and only its fetch() (or workspace.fs) knows how to reach it.
// VS Code (1.76+) starts nested workers for web extensions by wrapping the URL
// in a classic script that importScripts() it, so a blob: URL of this
// extension host's origin works wherever nested workers do.
import type { FinderLimits } from '../../parse/types';
import { OffThreadFinder, WorkerStartError, type OffThreadFinderOptions, type WorkerLike } from './offThreadFinder';
import type { FinderRequest, FinderResponse, WorkerReady } from './protocol';

/** The worker script's text or bytes (dist/web/finderWorker.js, dist/web/computeWorker.js). */
export type LoadScript = () => Promise<string | Uint8Array>;

/** The few browser APIs used, injectable for tests. */
export interface WebWorkerApi {
  Worker: new (
    url: string,
    options?: WorkerOptions,
  ) => Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

/** A worker that has not said it is ready by then is taken as one that cannot start (its first request is then read on the host's thread). */
export const READY_TIMEOUT_MS = 15_000;

export const WORKER_NAME = 'Entropy Lens finder';
/** The live compute's worker (offThreadCompute.ts). */
export const COMPUTE_WORKER_NAME = 'Entropy Lens compute';

/** The browser's worker APIs, or undefined where this host has none. */
export function browserWorkerApi(): WebWorkerApi | undefined {
  const g = globalThis as { Worker?: WebWorkerApi['Worker']; Blob?: unknown; URL?: { createObjectURL?: unknown } };
  if (typeof g.Worker !== 'function' || typeof g.Blob !== 'function' || typeof g.URL?.createObjectURL !== 'function')
    return undefined;
  return {
    Worker: g.Worker,
    createObjectURL: (b) => URL.createObjectURL(b),
    revokeObjectURL: (u) => URL.revokeObjectURL(u),
  };
}

const isReady = (m: unknown): m is WorkerReady =>
  typeof m === 'object' && m !== null && (m as WorkerReady).ready === true;
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Starts a Web Worker from the script `load` gives. Requests posted before the
 * worker exists wait in order. Failing to load the script, an error before the
 * worker's ready message, or no ready message within `readyTimeoutMs` is a
 * WorkerStartError; an error after it is an ordinary worker death.
 */
export function startWebWorker<Req = FinderRequest, Res = FinderResponse>(
  load: LoadScript,
  api: WebWorkerApi,
  readyTimeoutMs = READY_TIMEOUT_MS,
  name = WORKER_NAME,
): WorkerLike<Req, Res> {
  const what = `the ${name.replace(/^Entropy Lens /, '')}'s Web Worker`;
  const listeners: Record<'message' | 'error' | 'exit', ((m: never) => void)[]> = { message: [], error: [], exit: [] };
  const emit = (event: 'message' | 'error' | 'exit', m: unknown) => {
    for (const f of listeners[event]) f(m as never);
  };
  let worker: InstanceType<WebWorkerApi['Worker']> | undefined;
  let url: string | undefined;
  let ready = false;
  let ended = false;
  const outbox: [Req, Transferable[]][] = [];

  const release = () => {
    if (url !== undefined) api.revokeObjectURL(url);
    url = undefined;
  };
  const end = (e: Error) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    worker?.terminate();
    release();
    emit('error', e);
  };
  const timer = setTimeout(
    () => end(new WorkerStartError(`${what} did not start within ${readyTimeoutMs / 1000} s`)),
    readyTimeoutMs,
  );

  Promise.resolve()
    .then(load)
    .then((script) => {
      if (ended) return;
      url = api.createObjectURL(new Blob([script as BlobPart], { type: 'text/javascript' }));
      const w = new api.Worker(url, { name });
      worker = w;
      w.onmessage = (e: MessageEvent) => {
        if (ended) return;
        if (isReady(e.data)) {
          ready = true;
          clearTimeout(timer);
          release(); // the script is loaded: the blob is no longer needed
          return;
        }
        emit('message', e.data as Res);
      };
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault?.();
        const error = e.message || `an error in ${what}`;
        end(ready ? new Error(error) : new WorkerStartError(`${what} could not start: ${error}`));
      };
      for (const [m, transfer] of outbox.splice(0)) w.postMessage(m, transfer);
    })
    .catch((e: unknown) => end(new WorkerStartError(`${what} could not start: ${message(e)}`)));

  return {
    postMessage(m: Req, transfer: Transferable[] = []) {
      if (ended) return;
      if (worker) worker.postMessage(m, transfer);
      else outbox.push([m, transfer]);
    },
    on(event: 'message' | 'error' | 'exit', f: (m: never) => void) {
      listeners[event].push(f);
    },
    terminate: async () => {
      if (!ended) {
        ended = true;
        clearTimeout(timer);
        worker?.terminate();
        release();
      }
      return 0;
    },
    unref() {
      /* a Web Worker does not keep anything alive */
    },
  } as WorkerLike<Req, Res>;
}

/** The off-thread finder on a Web Worker; undefined where this host cannot start workers. */
export function createWebOffThreadFinder(
  load: LoadScript,
  limits: () => Partial<FinderLimits>,
  options: OffThreadFinderOptions = {},
  api: WebWorkerApi | undefined = browserWorkerApi(),
): OffThreadFinder | undefined {
  if (!api) return undefined;
  return new OffThreadFinder(() => startWebWorker(load, api), limits, options);
}
