// The off-thread finder: a real worker thread built from the worker's source
// gives the same arrays as the finder on this thread; a burst of requests for
// one document costs at most two parses (older ones are superseded); a dead
// worker answers with an error so callers read on their own thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBundle } from './nodeBundle';
import { findArrays } from '../../../src/parse';
import type { FinderRequest, FinderResponse } from '../../../src/extension/offThread/protocol';
import {
  createOffThreadFinder,
  OffThreadFinder,
  SupersededError,
} from '../../../src/extension/offThread/offThreadFinder';
import { packResult, unpackResult } from '../../../src/extension/offThread/pack';

const PAIR = 'y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\nloss = log_loss(y_true, y_pred)\n';

describe('the finder on a real worker thread', () => {
  let script: string;
  let remove: () => void;
  beforeAll(async () => {
    ({ script, remove } = await nodeBundle('src/extension/offThread/finderWorker.ts'));
  });
  afterAll(() => remove());

  it('reads the same arrays and pairs as findArrays here, with the limits it is given', async () => {
    const finder = createOffThreadFinder(script, () => ({ maxElements: 2 }))!;
    expect(finder).toBeInstanceOf(OffThreadFinder);
    try {
      const text = PAIR.repeat(200);
      const there = await finder.find(text, 'python', 'doc');
      expect(there).toEqual(findArrays(text, 'python', { maxElements: 2 }));
      expect(there.arrays.length).toBe(400);
    } finally {
      finder.dispose();
    }
  });
});

/** A worker stand-in that answers when told to. */
function fakeWorker() {
  const posted: FinderRequest[] = [];
  const listeners: Record<string, ((m: never) => void)[]> = {};
  const worker = {
    postMessage: (m: FinderRequest) => {
      posted.push(m);
    },
    on: (event: string, f: (m: never) => void) => {
      (listeners[event] ??= []).push(f);
    },
    terminate: async () => 0,
    unref: () => undefined,
  };
  const emit = (event: string, m: unknown) => listeners[event]?.forEach((f) => f(m as never));
  const answer = (r: FinderRequest) =>
    emit('message', { id: r.id, result: packResult(findArrays(r.text, r.languageId)) } satisfies FinderResponse);
  return { worker, posted, emit, answer };
}

describe('OffThreadFinder scheduling', () => {
  it('runs one request at a time and supersedes older waiting requests for the same document', async () => {
    const fake = fakeWorker();
    const finder = new OffThreadFinder(
      () => fake.worker,
      () => ({}),
    );
    const first = finder.find(PAIR, 'python', 'a');
    const second = finder.find('p = [0.5, 0.5]\n', 'python', 'a');
    const third = finder.find('q = [0.1, 0.9]\n', 'python', 'a');
    const other = finder.find(PAIR, 'python', 'b');
    expect(fake.posted).toHaveLength(1); // only the running one was sent
    await expect(second).rejects.toBeInstanceOf(SupersededError);
    fake.answer(fake.posted[0]!);
    expect((await first).arrays).toHaveLength(2);
    expect(fake.posted).toHaveLength(2);
    fake.answer(fake.posted[1]!);
    expect((await third).arrays[0]!.name).toBe('q');
    fake.answer(fake.posted[2]!);
    expect((await other).pairs).toHaveLength(1);
    finder.dispose();
  });

  it('answers waiting requests with an error when the worker dies, then starts a new worker', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    let started = 0;
    const finder = new OffThreadFinder(
      () => workers[started++]!.worker,
      () => ({}),
    );
    const lost = finder.find(PAIR, 'python', 'a');
    const waiting = finder.find(PAIR, 'python', 'b');
    workers[0]!.emit('error', new Error('out of memory'));
    await expect(lost).rejects.toThrow(/worker stopped: out of memory/);
    await expect(waiting).rejects.toThrow(/worker stopped/);
    const again = finder.find(PAIR, 'python', 'a');
    expect(started).toBe(2);
    workers[1]!.answer(workers[1]!.posted[0]!);
    expect((await again).arrays).toHaveLength(2);
    finder.dispose();
    await expect(finder.find(PAIR, 'python', 'a')).rejects.toThrow(/not available/);
  });

  it('passes an error from the finder through as a rejection', async () => {
    const fake = fakeWorker();
    const finder = new OffThreadFinder(
      () => fake.worker,
      () => ({}),
    );
    const p = finder.find(PAIR, 'python', 'a');
    fake.emit('message', { id: fake.posted[0]!.id, error: 'boom' });
    await expect(p).rejects.toThrow('boom');
    finder.dispose();
  });
});

describe('packing a FindResult for the trip between threads', () => {
  it('gives back exactly what went in: 1-D, 2-D, ragged, empty, NaN, ±Infinity, -0', async () => {
    const text = [
      'a = [0.1, 0.9]',
      'b = [[1, 0], [0, 1], [0.5, 0.5]]',
      'c = [[1, 2, 3], [4]]',
      'd = []',
      "e = [float('nan'), float('inf'), -np.inf, -0.0]",
      'f = [0, 1]',
      'loss = log_loss(f, a)',
    ].join('\n');
    const found = findArrays(text, 'python');
    expect(found.arrays.length).toBeGreaterThanOrEqual(5);
    const back = await unpackResult(packResult(found));
    expect(back).toEqual(found);
    expect(Object.is((back.arrays.find((x) => x.name === 'e')!.values as number[])[3], -0)).toBe(true);
  });

  it('unpacks a large result in slices that yield to the event loop', async () => {
    const text = 'p = [0.25, 0.25, 0.25, 0.25]\n'.repeat(20_000);
    const found = findArrays(text, 'python', { maxArrays: 100_000 });
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 0);
    const back = await unpackResult(packResult(found), 0.01);
    clearInterval(timer);
    expect(back).toEqual(found);
    expect(ticks).toBeGreaterThan(0);
  });
});
