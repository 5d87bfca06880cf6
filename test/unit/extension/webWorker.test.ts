// The finder's Web Worker (web-worker extension host): the worker script, run
// in a stand-in worker scope, says it is ready and then answers like findArrays;
// the adapter queues requests until the worker exists, starts it from a blob:
// URL it releases once the script is loaded, and tells a worker that could not
// start (script not loaded, error before ready, no ready in time) from one that
// died later. A worker that cannot start makes the finder give up at once,
// saying so once; the caller then reads on its own thread.
import * as esbuild from 'esbuild';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findArrays } from '../../../src/parse';
import type { FinderRequest } from '../../../src/extension/offThread/protocol';
import { OffThreadFinder } from '../../../src/extension/offThread/offThreadFinder';
import {
  createWebOffThreadFinder,
  startWebWorker,
  WORKER_NAME,
  type WebWorkerApi,
} from '../../../src/extension/offThread/webWorker';

const PAIR = 'y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\nloss = log_loss(y_true, y_pred)\n';

let script: string;
beforeAll(async () => {
  const built = await esbuild.build({
    entryPoints: ['src/extension/offThread/webFinderWorker.ts'],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  script = built.outputFiles[0]!.text;
});

/** A Web Worker stand-in, driven by the test (or by `behave` once its script is read). */
class FakeWorker {
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  /** Where posted messages go once a script runs (see runScript). */
  deliver: ((m: unknown) => void) | undefined;
  constructor(
    readonly url: string,
    readonly options: WorkerOptions | undefined,
  ) {}
  postMessage(m: unknown): void {
    if (this.deliver) this.deliver(m);
    else this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker sends `data` to the host. */
  send(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as unknown as ErrorEvent);
  }
}

/** A browser API stand-in: blobs are kept by URL; each Worker is recorded. */
function fakeApi(behave?: (w: FakeWorker, source: string) => void) {
  const blobs = new Map<string, Blob>();
  const workers: FakeWorker[] = [];
  let n = 0;
  const api: WebWorkerApi = {
    createObjectURL: (b) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, b);
      return url;
    },
    revokeObjectURL: (u) => {
      blobs.delete(u);
    },
    Worker: class extends FakeWorker {
      constructor(url: string, options?: WorkerOptions) {
        super(url, options);
        const blob = blobs.get(url);
        if (!blob) throw new Error(`no blob at ${url}`);
        workers.push(this);
        void blob.text().then((source) => behave?.(this, source));
      }
    },
  };
  return { api, workers, blobs };
}

/** Runs the worker script in its own context, as a Web Worker would, wired to a fake worker. */
function runScript(w: FakeWorker, source: string): void {
  const scope: Record<string, unknown> = {
    postMessage: (m: unknown) => {
      queueMicrotask(() => w.send(m));
    },
    onmessage: null,
  };
  scope.self = scope;
  runInNewContext(source, scope);
  w.deliver = (m) => queueMicrotask(() => (scope.onmessage as (e: { data: unknown }) => void)({ data: m }));
  w.posted.splice(0).forEach(w.deliver);
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the Web Worker script', () => {
  it('says it is ready, then answers every request like findArrays, counting the documents it read', async () => {
    const scope: Record<string, unknown> = { onmessage: null };
    const sent: unknown[] = [];
    scope.postMessage = (m: unknown, transfer: Transferable[]) => {
      sent.push(m);
      expect(Array.isArray(transfer)).toBe(true);
    };
    scope.self = scope;
    runInNewContext(script, scope);
    expect(sent).toEqual([{ ready: true }]);
    const onmessage = scope.onmessage as (e: { data: FinderRequest }) => void;
    onmessage({ data: { id: 7, text: PAIR, languageId: 'python', limits: {} } });
    const answer = sent[1] as { id: number; result: { arrays: unknown[]; values: Float64Array } };
    expect(answer.id).toBe(7);
    expect(answer.result.arrays).toHaveLength(2);
    expect(Array.from(answer.result.values)).toEqual([0, 1, 0, 0.2, 0.7, 0.1]);
    expect(scope.entropyLensDocumentsRead).toBe(1);
  });
});

describe('the finder on a Web Worker (stand-in browser API)', () => {
  it('reads the same arrays and pairs as findArrays here, with the limits it is given', async () => {
    const { api, workers, blobs } = fakeApi((w) => runScript(w, script));
    const finder = createWebOffThreadFinder(
      async () => script,
      () => ({ maxElements: 2 }),
      {},
      api,
    )!;
    expect(finder).toBeInstanceOf(OffThreadFinder);
    const text = PAIR.repeat(50);
    expect(await finder.find(text, 'python', 'doc')).toEqual(findArrays(text, 'python', { maxElements: 2 }));
    expect(await finder.find(PAIR, 'python', 'other')).toEqual(findArrays(PAIR, 'python', { maxElements: 2 }));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.options).toEqual({ name: WORKER_NAME });
    expect(blobs.size).toBe(0); // released once the script was loaded
    expect(finder.available).toBe(true);
    finder.dispose();
    expect(workers[0]!.terminated).toBe(true);
  });

  it('is not there where this host has no Worker (Node here)', () => {
    expect(
      createWebOffThreadFinder(
        async () => script,
        () => ({}),
      ),
    ).toBeUndefined();
  });
});

describe('starting the Web Worker', () => {
  it('queues requests until the script is loaded, swallows the ready message, forwards answers', async () => {
    const { api, workers } = fakeApi();
    let release!: (s: string) => void;
    const worker = startWebWorker(
      () =>
        new Promise((r) => {
          release = r;
        }),
      api,
    );
    const got: unknown[] = [];
    worker.on('message', (m) => got.push(m));
    const request: FinderRequest = { id: 1, text: PAIR, languageId: 'python', limits: {} };
    worker.postMessage(request);
    await tick();
    expect(workers).toHaveLength(0);
    release('/* the script */');
    await tick();
    expect(workers[0]!.posted).toEqual([request]);
    workers[0]!.send({ ready: true });
    workers[0]!.send({ id: 1, error: 'x' });
    expect(got).toEqual([{ id: 1, error: 'x' }]);
    await worker.terminate();
    expect(workers[0]!.terminated).toBe(true);
  });

  it('calls a script that does not load, an error before ready, or no ready in time a start failure', async () => {
    const errors: unknown[] = [];
    const notLoaded = startWebWorker(async () => {
      throw new Error('404');
    }, fakeApi().api);
    notLoaded.on('error', (e) => errors.push(e));

    const early = fakeApi();
    const failsEarly = startWebWorker(async () => 'x', early.api);
    failsEarly.on('error', (e) => errors.push(e));

    const silent = startWebWorker(async () => 'x', fakeApi().api, 30);
    silent.on('error', (e) => errors.push(e));

    await tick();
    early.workers[0]!.fail('blocked by CSP');
    await new Promise((r) => setTimeout(r, 60));
    expect(errors.map((e) => (e as Error).message)).toEqual([
      "the finder's Web Worker could not start: 404",
      "the finder's Web Worker could not start: blocked by CSP",
      "the finder's Web Worker did not start within 0.03 s",
    ]);
    expect(errors.every((e) => (e as { cannotStart?: boolean }).cannotStart)).toBe(true);
    expect(early.workers[0]!.terminated).toBe(true);
  });

  it('calls an error after ready an ordinary death', async () => {
    const { api, workers } = fakeApi();
    const worker = startWebWorker(async () => 'x', api, 30);
    const errors: unknown[] = [];
    worker.on('error', (e) => errors.push(e));
    await tick();
    workers[0]!.send({ ready: true });
    await new Promise((r) => setTimeout(r, 60)); // past the ready timeout: nothing happens
    expect(errors).toEqual([]);
    workers[0]!.fail('out of memory');
    expect((errors[0] as Error).message).toBe('out of memory');
    expect((errors[0] as { cannotStart?: boolean }).cannotStart).toBeUndefined();
  });
});

describe('the finder when its Web Worker cannot start', () => {
  it('gives up at once, says so once, and answers with an error so the caller reads on its own thread', async () => {
    const said: string[] = [];
    const { api, workers } = fakeApi();
    const finder = createWebOffThreadFinder(
      async () => 'x',
      () => ({}),
      { onUnavailable: (r) => said.push(r) },
      api,
    )!;
    const first = finder.find(PAIR, 'python', 'a');
    const second = finder.find(PAIR, 'python', 'b');
    await tick();
    workers[0]!.fail('Failed to load');
    await expect(first).rejects.toThrow(/could not start: Failed to load/);
    await expect(second).rejects.toThrow(/could not start/);
    expect(finder.available).toBe(false);
    await expect(finder.find(PAIR, 'python', 'a')).rejects.toThrow(/not available/);
    expect(workers).toHaveLength(1); // no second try
    expect(said).toEqual(["the finder's Web Worker could not start: Failed to load"]);
    finder.dispose();
    expect(said).toHaveLength(1);
  });

  it('keeps going after a worker that started dies (a new one next time)', async () => {
    const said: string[] = [];
    const { api, workers } = fakeApi((w, source) => {
      if (source === 'ok') runScript(w, script);
    });
    let sources = ['x', 'ok'];
    const finder = createWebOffThreadFinder(
      async () => sources.shift()!,
      () => ({}),
      { onUnavailable: (r) => said.push(r) },
      api,
    )!;
    const lost = finder.find(PAIR, 'python', 'a');
    await tick();
    workers[0]!.send({ ready: true });
    workers[0]!.fail('out of memory');
    await expect(lost).rejects.toThrow(/worker stopped: out of memory/);
    expect(finder.available).toBe(true);
    expect((await finder.find(PAIR, 'python', 'a')).arrays).toHaveLength(2);
    expect(workers).toHaveLength(2);
    expect(said).toEqual([]);
    sources = [];
    finder.dispose();
  });
});
