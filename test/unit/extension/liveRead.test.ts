// readLive against the real debugpy adapter (Debian's python3-debugpy, over
// DAP on its stdio as VS Code speaks it): values large enough to go in parts
// arrive whole and in order while several parts are in flight, and a read
// cancelled mid-way leaves the session answering the next read correctly, and
// a live computation announces each value's size before its data moves.
// With a tracker on the adapter's messages (adapterAnswers.ts), a read needs
// no answer from customRequest at all.
// Each element of the values is its own index, so any part out of place shows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PARTS_IN_FLIGHT, readLive, type LiveRead, type PausedFrame } from '../../../src/extension/live/evaluator';
import { PART_BYTES, PAYLOAD_TAG, PROBE_TAG, WITH_PROBE_ELEMENTS } from '../../../src/extension/live/transfer';
import { startDebugpy, type PausedDebugpy } from '../../../bench/lib/debugpy';
import { isRelayNote, SessionAnswers } from '../../../src/extension/live/adapterAnswers';
import { computeLive, type LiveDeps } from '../../../src/extension/live/liveCompute';
import { readTogether } from '../../../src/extension/live/readTogether';
// @ts-expect-error: a plain .mjs script with no types
import { ensureDebianPackages } from '../../../scripts/lib/debian.mjs';

const N = 10 ** 6;
/** Parts of `ramp` after the first, which comes with its probe (float64: 8 bytes a value). */
const RAMP_PARTS = Math.ceil((N - WITH_PROBE_ELEMENTS) / (PART_BYTES / 8));
const PROGRAM = `import numpy as np
ramp = np.arange(${N}, dtype=np.float64)
grid = np.arange(${N}, dtype=np.float32).reshape(1000, 1000)
small = np.arange(1000, dtype=np.float64)
probs = np.full(1000, 0.001)
onehot = np.eye(1000)[3]
title = 'not numbers'
mixed = [0.5, '0.5']
late = [0.5] * 300000 + ['0.5']
masked = np.ma.masked_array([0.25, 0.6, 0.15], mask=[False, True, False])
print('paused')
`;

let debugpy: PausedDebugpy;
/** The frame, with its data requests counted: how many were unanswered at once, at most. */
let frame: PausedFrame;
let outstanding = 0;
let mostOutstanding = 0;
/** Every evaluate request sent, and the length of each answer. */
let answers: number[] = [];
/** The first characters of each answer. */
let openings: string[] = [];
let answered: (() => void) | undefined;
/** Probes (evaluate requests that move no parts) unanswered at once, at most. */
let probesOutstanding = 0;
let mostProbesOutstanding = 0;

beforeAll(async () => {
  ensureDebianPackages(['python3-debugpy', 'python3-numpy'], 'to read live values from a real debugger');
  const program = join(mkdtempSync(join(tmpdir(), 'entropy-lens-live-read-')), 'program.py');
  writeFileSync(program, PROGRAM);
  debugpy = await startDebugpy(program, PROGRAM.split('\n').findIndex((l) => l.startsWith('print(')) + 1);
  const session = debugpy.frame.session;
  frame = {
    frameId: debugpy.frame.frameId,
    session: {
      type: session.type,
      customRequest: async (command: string, args: { expression?: string }) => {
        if (command !== 'evaluate') return session.customRequest(command, args);
        // The parts' requests (the probe, which may bring a first part, is counted with the other answers).
        const isData = args.expression?.includes(PAYLOAD_TAG) === true && !args.expression.includes(PROBE_TAG);
        if (!isData) {
          mostProbesOutstanding = Math.max(mostProbesOutstanding, ++probesOutstanding);
          return session.customRequest(command, args).then((b: { result: string }) => {
            probesOutstanding--;
            answers.push(b.result.length);
            openings.push(b.result.slice(0, 5));
            return b;
          });
        }
        mostOutstanding = Math.max(mostOutstanding, ++outstanding);
        try {
          const b = (await session.customRequest(command, args)) as { result: string };
          answers.push(b.result.length);
          openings.push(b.result.slice(0, 5));
          return b;
        } finally {
          outstanding--;
          answered?.();
        }
      },
    } as unknown as vscode.DebugSession,
  };
}, 180_000);

afterAll(() => debugpy?.stop());

function values(read: LiveRead): Float64Array {
  if (!read.ok) throw new Error(read.error);
  return read.value.data;
}

/** Indices whose value is not the index (the first few), and how many. */
function misplaced(data: Float64Array): { count: number; first: number[] } {
  const first: number[] = [];
  let count = 0;
  for (let i = 0; i < data.length; i++)
    if (data[i] !== i) {
      count++;
      if (first.length < 5) first.push(i);
    }
  return { count, first };
}

describe('a value read in parts from debugpy', () => {
  it('arrives whole and in order with every part in flight at once', async () => {
    const parts = RAMP_PARTS;
    expect(parts).toBeGreaterThan(1);
    expect(parts).toBeLessThanOrEqual(PARTS_IN_FLIGHT.python);
    mostOutstanding = 0;
    const ramp = await readLive(frame, 'ramp', 'python', { maxElements: 1e8 });
    expect(values(ramp).length).toBe(N);
    expect(misplaced(values(ramp))).toEqual({ count: 0, first: [] });
    expect(mostOutstanding).toBe(parts);

    const grid = await readLive(frame, 'grid', 'python', { maxElements: 1e8 });
    if (!grid.ok) throw new Error(grid.error);
    expect(grid.value.shape).toEqual([1000, 1000]);
    expect(grid.value.dtype).toBe('f4');
    expect(misplaced(grid.value.data)).toEqual({ count: 0, first: [] });
  }, 60_000);

  it('a small value comes with its probe, in one request; a large one its first part; one above the cap no data', async () => {
    answers = [];
    const small = await readLive(frame, 'small', 'python', { maxElements: 1e8 });
    expect(misplaced(values(small))).toEqual({ count: 0, first: [] });
    expect(values(small).length).toBe(1000);
    expect(answers).toHaveLength(1);
    // Capped below its size, the same value is refused without its data.
    answers = [];
    const capped = await readLive(frame, 'small', 'python', { maxElements: 999 });
    expect(capped.ok ? 'ok' : capped.code).toBe('TOO_LARGE');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toBeLessThan(100);
    // 10^6 values: the probe's answer brings the first part, then the other parts. The ramp's float64
    // values are whole numbers below 2^31, so each part travels as int32: 4 bytes a value.
    // The read says what is coming once the probe is in, before any part is asked for (none in flight).
    answers = [];
    const probed: [number, number, number][] = [];
    const ramp = await readLive(frame, 'ramp', 'python', {
      maxElements: 1e8,
      onProbe: (p) => probed.push([p.elements, answers.length, outstanding]),
    });
    expect(misplaced(values(ramp))).toEqual({ count: 0, first: [] });
    expect(answers).toHaveLength(1 + RAMP_PARTS);
    expect(answers[0]).toBeGreaterThan((WITH_PROBE_ELEMENTS * 4 * 4) / 3);
    expect(answers[0]).toBeLessThan((WITH_PROBE_ELEMENTS * 8 * 4) / 3);
    expect(probed).toEqual([[N, 1, 0]]);
    // Capped below its size, the large value is refused and its probe moves no data (nor is it announced).
    answers = [];
    probed.length = 0;
    const rampCapped = await readLive(frame, 'ramp', 'python', {
      maxElements: N - 1,
      onProbe: (p) => probed.push([p.elements, answers.length, outstanding]),
    });
    expect(rampCapped.ok ? 'ok' : rampCapped.code).toBe('TOO_LARGE');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toBeLessThan(100);
    expect(probed).toEqual([]);
  }, 60_000);

  it('asks debugpy for the payload strings themselves, not their repr: no quotes, nothing escaped', async () => {
    openings = [];
    const ramp = await readLive(frame, 'ramp', 'python', { maxElements: 1e8 });
    expect(misplaced(values(ramp))).toEqual({ count: 0, first: [] });
    expect(openings).toEqual([`${PROBE_TAG} `, ...Array<string>(RAMP_PARTS).fill(`${PAYLOAD_TAG} `)]);
  }, 60_000);

  it("says what went wrong in Python's words, not as the exception's repr", async () => {
    const undefinedName = await readLive(frame, 'nope', 'python', { maxElements: 1e8 });
    expect(undefinedName.ok ? 'ok' : undefinedName.error).toBe("`nope`: NameError: name 'nope' is not defined");
    // The wrapper's own refusals are sentences: no exception type.
    const text = await readLive(frame, 'title', 'python', { maxElements: 1e8 });
    expect(text.ok ? 'ok' : text.error).toBe('`title`: it is a str, not a list, array or tensor');
    // A string among a list's numbers, in the probe's data or in a later part (past the first 2^17 items).
    for (const name of ['mixed', 'late']) {
      const r = await readLive(frame, name, 'python', { maxElements: 1e8 });
      expect(r.ok ? 'ok' : r.error).toBe(`\`${name}\`: it holds a str among its values, not only numbers`);
    }
    const masked = await readLive(frame, 'masked', 'python', { maxElements: 1e8 });
    expect(masked.ok ? 'ok' : masked.error).toBe(
      '`masked`: it is a masked array with 1 masked value: select its .compressed() or .filled(value) values',
    );
    const compressed = await readLive(frame, 'masked.compressed()', 'python', { maxElements: 1e8 });
    expect(Array.from(values(compressed))).toEqual([0.25, 0.15]);
  }, 60_000);

  it('through a debug type it has no wrapper for, a list debugpy summarises is refused, not read as its first 100 items', async () => {
    // debugpy lists a long list's first 100 items as children, then `more`.
    const unknown = { ...frame, session: { ...frame.session, type: 'someAdapter' } as vscode.DebugSession };
    const r = await readLive(unknown, 'late', undefined, { maxElements: 1e8 });
    expect(r.ok ? `read ${r.value.data.length}` : r.error).toBe(
      '`late`: the debugger printed [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, ...] and its children list 100 of its elements and "more" for the rest: not all of them',
    );
    // A short one prints whole and is read from the printout.
    expect(Array.from(values(await readLive(unknown, 'small[:5]', undefined, { maxElements: 1e8 })))).toEqual([
      0, 1, 2, 3, 4,
    ]);
  }, 60_000);

  it('with fewer parts in flight than parts, as many requests are outstanding and the values are the same', async () => {
    mostOutstanding = 0;
    const ramp = await readLive(frame, 'ramp', 'python', { maxElements: 1e8, partsInFlight: 2 });
    expect(misplaced(values(ramp))).toEqual({ count: 0, first: [] });
    expect(mostOutstanding).toBe(2);
  }, 60_000);

  it('one part at a time gives the same values, one request at a time', async () => {
    mostOutstanding = 0;
    const ramp = await readLive(frame, 'ramp', 'python', { maxElements: 1e8, partsInFlight: 1 });
    expect(misplaced(values(ramp))).toEqual({ count: 0, first: [] });
    expect(mostOutstanding).toBe(1);
  }, 60_000);

  it('cancelled when its first part after the probe is answered: CANCELLED, and the next read is whole', async () => {
    let cancel: () => void = () => undefined;
    const token = {
      isCancellationRequested: false,
      onCancellationRequested: (f: () => void) => {
        cancel = () => {
          token.isCancellationRequested = true;
          f();
        };
        return { dispose: () => undefined };
      },
    };
    let inFlightAtCancel = 0;
    answered = () => {
      answered = undefined;
      inFlightAtCancel = outstanding;
      cancel();
    };
    const read = await readLive(frame, 'ramp', 'python', {
      maxElements: 1e8,
      token: token as unknown as vscode.CancellationToken,
    });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.code).toBe('CANCELLED');
    // Cancelled among the parts, not at the probe: the other parts were still in flight.
    expect(inFlightAtCancel).toBe(RAMP_PARTS - 1);
    // The parts still in flight are answered and dropped; the next read gets its own.
    const again = await readLive(frame, 'ramp', 'python', { maxElements: 1e8 });
    expect(misplaced(values(again))).toEqual({ count: 0, first: [] });
  }, 60_000);
});

describe('a live computation', () => {
  const placement = { uri: 'file:///program.py', positionAt: (offset: number) => ({ line: 0, character: offset }) };
  const deps = (more: Partial<LiveDeps> = {}): LiveDeps => ({
    settings: () => ({ unit: 'nats', eps: undefined }),
    maxElements: () => 1e8,
    log: () => undefined,
    pickPartner: () => Promise.resolve(undefined),
    acceptSlice: () => Promise.resolve(false),
    ...more,
  });
  /** The command on the selection `a, b, …` of these expressions. */
  const compute = (kind: Parameters<typeof computeLive>[0], texts: string[], more?: Partial<LiveDeps>) => {
    const expressions = texts.map((text, i) => {
      const start = texts.slice(0, i).reduce((n, t) => n + t.length + 2, 0);
      return { text, start, end: start + text.length };
    });
    return computeLive(kind, frame, expressions, 'python', placement, deps(more));
  };

  it('reads the expressions of a selection at once: both probes in flight together', async () => {
    mostProbesOutstanding = 0;
    const outcome = await compute('crossEntropy', ['onehot', 'probs']);
    expect(mostProbesOutstanding).toBe(2);
    if (!outcome.result.ok || outcome.result.kind === 'entropy') throw new Error(outcome.message);
    expect(outcome.result.crossEntropy).toBeCloseTo(Math.log(1000), 12);
  }, 60_000);

  it('a pair of three expressions is refused before anything is read; entropy takes all three', async () => {
    answers = [];
    const three = ['onehot', 'probs', 'small'];
    const pair = await compute('crossEntropy', three);
    expect(pair.result.ok).toBe(false);
    expect(pair.message).toMatch(
      /`onehot`, `probs`, `small`: a cross-entropy takes two expressions, the target and the prediction .* and 3 were selected/,
    );
    expect(answers).toHaveLength(0);
    const entropy = await compute('entropy', three);
    if (!entropy.result.ok || entropy.result.kind !== 'entropy') throw new Error(entropy.message);
    expect(entropy.result.arrays.map((a) => a.array.shape)).toEqual([[1000], [1000], [1000]]);
  }, 60_000);

  it('the first to fail stops the others: a string beside 10^6 values fails at once, no part of them moves', async () => {
    mostOutstanding = 0;
    answers = [];
    const outcome = await compute('crossEntropy', ['title', 'ramp']);
    expect(outcome.result.ok).toBe(false);
    expect(outcome.message).toMatch(/`title`: it is a str, not a list, array or tensor —/);
    // Back before the probe of `ramp` (which brings its first part) has answered, and no part was asked for.
    expect(answers).toHaveLength(1);
    expect(mostOutstanding).toBe(0);
    // Its answer comes later, and is dropped.
    for (let t = 0; answers.length < 2 && t < 200; t++) await new Promise((r) => setTimeout(r, 50));
    expect(answers).toHaveLength(2);
    expect(mostOutstanding).toBe(0);
  }, 60_000);

  it('as a live lens reads its two arguments: the failure stops the other read; a value over the cap is among the reads', async () => {
    mostOutstanding = 0;
    answers = [];
    // The lens's cap (10^5): `title` fails, `ramp` would be over the cap; the failure is what the lens shows.
    const failedFirst = await readTogether(frame, ['ramp', 'title'], 'python', { maxElements: 100_000 });
    expect(Array.isArray(failedFirst) ? 'reads' : failedFirst.error).toMatch(/^`title`: it is a str/);
    // `ramp[:200000]` would move a part after its probe: `title`'s failure, answered first, stops it before.
    const stopped = await readTogether(frame, ['title', 'ramp[:200000]'], 'python', { maxElements: 1e6 });
    expect(Array.isArray(stopped) ? 'reads' : stopped.error).toMatch(/^`title`: /);
    expect(mostOutstanding).toBe(0);
    // Nothing fails: the reads in order, one over the cap among them for the lens to name.
    const reads = await readTogether(frame, ['small', 'ramp'], 'python', { maxElements: 100_000 });
    if (!Array.isArray(reads)) throw new Error(reads.error);
    expect(values(reads[0]!).length).toBe(1000);
    expect(reads[1]).toMatchObject({ ok: false, code: 'TOO_LARGE' });
  }, 60_000);

  it('a value over the cap is offered as a slice after the reads, once, and its slice is read', async () => {
    const offers: string[] = [];
    const outcome = await compute('entropy', ['small', 'ramp'], {
      maxElements: () => 100_000,
      acceptSlice: (message) => {
        offers.push(message);
        return Promise.resolve(true);
      },
    });
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatch(/`ramp`: it holds 1,000,000 values/);
    if (!outcome.result.ok || outcome.result.kind !== 'entropy') throw new Error(outcome.message);
    expect(outcome.result.arrays.map((a) => a.array.shape)).toEqual([[1000], [100_000]]);
  }, 60_000);

  it("with one expression, offers the frame's numeric variables with kinds and shapes, probed all at once", async () => {
    let offered: { label: string; description: string }[] = [];
    mostProbesOutstanding = 0;
    const outcome = await compute('crossEntropy', ['probs'], {
      pickPartner: (items) => {
        offered = items.map((i) => ({ label: i.label, description: i.description ?? '' }));
        return Promise.resolve(items.find((i) => i.label === 'onehot'));
      },
    });
    // In debugpy's (alphabetical) order; not the module, the string, the masked array with a
    // masked value (its probe refuses it) or the selected value itself.
    expect(offered).toEqual([
      { label: 'grid', description: 'ndarray:float32 · 1000 × 1000' },
      { label: 'late', description: 'list · 300001' },
      { label: 'mixed', description: 'list · 2' },
      { label: 'onehot', description: 'ndarray:float64 · 1000' },
      { label: 'ramp', description: 'ndarray:float64 · 1000000' },
      { label: 'small', description: 'ndarray:float64 · 1000' },
    ]);
    // np, ramp, grid, small, probs, onehot, title, mixed, late, masked: ten probes in flight at once.
    expect(mostProbesOutstanding).toBe(10);
    if (!outcome.result.ok || outcome.result.kind === 'entropy') throw new Error(outcome.message);
    // The one-hot target picked, against a uniform prediction: -ln(0.001).
    expect(outcome.result.target.name).toBe('onehot');
    expect(outcome.result.crossEntropy).toBeCloseTo(Math.log(1000), 12);
  }, 60_000);

  it('tells its host the size of each value before its data moves, so the compute worker can start meanwhile', async () => {
    const prepared: [number, number][] = [];
    const outcome = await compute('entropy', ['small', 'ramp'], {
      prepareOutcome: (elements) => prepared.push([elements, outstanding]),
    });
    expect(outcome.result.ok).toBe(true);
    expect(prepared).toEqual([
      [1000, 0],
      [N, 0],
    ]);
  }, 60_000);
});

describe("answers taken from the adapter's messages", () => {
  /** Answers kept by a tracker on the session, as the extension's tracker keeps them. */
  const trackedAnswers = (): SessionAnswers => {
    const answers = new SessionAnswers();
    debugpy.dap.tracker = {
      onWillReceiveMessage: (m) => answers.toAdapter(m),
      onDidSendMessage: (m) => answers.fromAdapter(m),
    };
    return answers;
  };
  afterEach(() => {
    debugpy.dap.tracker = undefined;
  });

  it("a read resolves from the tracker's copy while customRequest has not answered", async () => {
    const answers = trackedAnswers();
    const session = debugpy.frame.session;
    let unanswered = 0;
    // The workbench's leg: the request goes to the adapter, its answer is never handed back.
    const slowFrame: PausedFrame = {
      frameId: debugpy.frame.frameId,
      answers,
      session: {
        type: session.type,
        customRequest: (command: string, args: object) => {
          void session.customRequest(command, args);
          unanswered++;
          return new Promise(() => undefined);
        },
      } as unknown as vscode.DebugSession,
    };
    const ramp = await readLive(slowFrame, 'ramp', 'python', { maxElements: 1e8 });
    expect(misplaced(values(ramp))).toEqual({ count: 0, first: [] });
    // The probe and every part, each answered from the adapter's message.
    expect(unanswered).toBe(1 + RAMP_PARTS);
    expect(answers.taken).toBe(unanswered);
    // A failed evaluation is left to customRequest, which says what went wrong.
    const failing = readLive({ ...debugpy.frame, answers }, 'no_such_name', 'python', { maxElements: 1e8 });
    const failed = await failing;
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatch(/no_such_name/);
  }, 60_000);

  it("the customRequest copy of a taken answer is a note, and the read's values come from the tracker's", async () => {
    // As in VS Code: the tracker sees each message before the copy is made that answers customRequest.
    const answers = trackedAnswers();
    const session = debugpy.frame.session;
    const relayed: string[] = [];
    const frame: PausedFrame = {
      frameId: debugpy.frame.frameId,
      answers,
      session: {
        type: session.type,
        customRequest: async (command: string, args: object) => {
          const body = (await session.customRequest(command, args)) as { result: string };
          relayed.push(body.result);
          return body;
        },
      } as unknown as vscode.DebugSession,
    };
    const ramp = await readLive(frame, 'ramp', 'python', { maxElements: 1e8 });
    expect(misplaced(values(ramp))).toEqual({ count: 0, first: [] });
    expect(relayed).toHaveLength(1 + RAMP_PARTS);
    expect(relayed.every(isRelayNote)).toBe(true);
    // Each note is a few dozen characters where its answer was megabytes.
    expect(Math.max(...relayed.map((r) => r.length))).toBeLessThan(100);
    expect(ramp.ok && ramp.timings.chars).toBeGreaterThan(4 * N);
  }, 60_000);
});
