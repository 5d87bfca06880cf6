// readLive against an adapter without a wrapper whose evaluate gives a summary
// and the elements as children: Debian's lldb-vscode (lldb-15) paused in a C
// program built by gcc -g, over DAP on its stdio. Arrays of doubles, floats
// and ints, rows, a pointer and what is not numbers, and a cross-entropy on
// two of them as the command computes it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLive, type LiveRead } from '../../../src/extension/live/evaluator';
import { computeLive, type LiveDeps } from '../../../src/extension/live/liveCompute';
import { startLldb, LLDB_VSCODE, type PausedLldb } from '../../../bench/lib/lldb';
// @ts-expect-error: a plain .mjs script with no types
import { ensureDebianPackages } from '../../../scripts/lib/debian.mjs';

const SOURCE = `#include <stdio.h>
#include <stdlib.h>

int main(void) {
  double probs[3] = {0.25, 0.6, 0.15};
  int target[3] = {0, 1, 0};
  float logits[2][3] = {{0.1f, -2.5f, 1e-7f}, {3.4028235e38f, 0.0f, -1.0f / 3.0f}};
  double *heap = malloc(4 * sizeof(double));
  for (int i = 0; i < 4; i++) heap[i] = i / 4.0;
  const char *title = "not numbers";
  struct point { double x, y; } points[2] = {{1, 2}, {3, 4}};
  printf("%f %d %f %f %s %f\\n", probs[0], target[0], logits[0][0], heap[1], title, points[0].x);
  return 0;
}
`;

let lldb: PausedLldb;

beforeAll(async () => {
  ensureDebianPackages(['lldb-15', 'gcc', 'libc6-dev'], 'to read live values through an adapter without a wrapper');
  const dir = mkdtempSync(join(tmpdir(), 'entropy-lens-live-lldb-'));
  const source = join(dir, 'program.c');
  const program = join(dir, 'program');
  writeFileSync(source, SOURCE);
  const built = spawnSync('gcc', ['-g', '-O0', '-o', program, source], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`gcc failed: ${built.stderr}`);
  lldb = await startLldb(program, source, SOURCE.split('\n').findIndex((l) => l.includes('printf(')) + 1);
}, 180_000);

afterAll(() => lldb?.stop());

const read = (expression: string, maxElements = 1e8) => readLive(lldb.frame, expression, 'c', { maxElements });

function ok(r: LiveRead) {
  if (!r.ok) throw new Error(r.error);
  return { dtype: r.value.dtype, shape: r.value.shape, data: Array.from(r.value.data) };
}

describe(`a C program paused in ${LLDB_VSCODE}`, () => {
  it('reads arrays from their children: doubles exactly, ints, float rows as float32', async () => {
    expect(ok(await read('probs'))).toEqual({ dtype: 'f8', shape: [3], data: [0.25, 0.6, 0.15] });
    expect(ok(await read('target'))).toEqual({ dtype: 'f8', shape: [3], data: [0, 1, 0] });
    // lldb prints floats with 9 significant digits: read back as the float32 the program holds.
    const f = (x: number) => Math.fround(x);
    expect(ok(await read('logits'))).toEqual({
      dtype: 'f4',
      shape: [2, 3],
      data: [f(0.1), -2.5, f(1e-7), f(3.4028235e38), 0, f(-1 / 3)],
    });
    expect(ok(await read('*(double(*)[4])heap'))).toEqual({ dtype: 'f8', shape: [4], data: [0, 0.25, 0.5, 0.75] });
  }, 60_000);

  it('says what is wrong: a pointer, a string, an array of structs, a cap, an unknown name', async () => {
    const error = async (e: string, max?: number) => {
      const r = await read(e, max);
      return r.ok ? 'read' : `${r.code} ${r.error}`;
    };
    expect(await error('heap')).toBe(
      'NOT_NUMERIC `heap`: it is a pointer (double *), not an array: select the n values it points to as an array, *(double(*)[n])heap',
    );
    expect(await error('title')).toMatch(/^NOT_NUMERIC `title`: it is a pointer \(const char \*\)/);
    expect(await error('points')).toMatch(/^NOT_NUMERIC `points`: \[0\] is .*, not a number or a row of numbers$/);
    expect(await error('points[0]')).toMatch(
      /^NOT_NUMERIC `points\[0\]`: the debugger printed point @ 0x[0-9a-f]+ and its children in the debugger are not elements \[0\], \[1\], …$/,
    );
    // The type says how many values there are: nothing is listed above the cap.
    expect(await error('logits', 5)).toBe('TOO_LARGE `logits`: it holds 6 values (float[2][3]), above the cap of 5');
    expect(await error('nope')).toBe("EVALUATE_FAILED `nope`: use of undeclared identifier 'nope'");
  }, 60_000);

  /** The command on the selection `a, b` of these expressions, the partner picked by `pick`. */
  const compute = (texts: string[], pick: LiveDeps['pickPartner'] = () => Promise.resolve(undefined)) =>
    computeLive(
      'crossEntropy',
      lldb.frame,
      texts.map((text, i) => {
        const start = texts.slice(0, i).reduce((n, t) => n + t.length + 2, 0);
        return { text, start, end: start + text.length };
      }),
      'c',
      { uri: 'file:///program.c', positionAt: (offset: number) => ({ line: 0, character: offset }) },
      {
        settings: () => ({ unit: 'nats', eps: undefined }),
        maxElements: () => 1e8,
        log: () => undefined,
        pickPartner: pick,
        acceptSlice: () => Promise.resolve(false),
      },
    );

  it('computes a cross-entropy on two of them, as the command does', async () => {
    const outcome = await compute(['target', 'probs']);
    if (!outcome.result.ok || outcome.result.kind === 'entropy') throw new Error(outcome.message);
    expect(outcome.result.crossEntropy).toBeCloseTo(-Math.log(0.6), 14);
  }, 60_000);

  it("with one expression, offers the frame's arrays of numbers by their types, and computes with the one picked", async () => {
    let offered: { label: string; description: string }[] = [];
    const outcome = await compute(['probs'], (items) => {
      offered = items.map((i) => ({ label: i.label, description: i.description ?? '' }));
      return Promise.resolve(items.find((i) => i.label === 'target'));
    });
    // Not the pointer, the string, the array of structs or the selected value itself.
    expect(offered).toEqual([
      { label: 'target', description: 'int[3] · 3' },
      { label: 'logits', description: 'float[2][3] · 2 × 3' },
    ]);
    if (!outcome.result.ok || outcome.result.kind === 'entropy') throw new Error(outcome.message);
    expect(outcome.result.target.name).toBe('target');
    expect(outcome.result.crossEntropy).toBeCloseTo(-Math.log(0.6), 14);
  }, 60_000);
});
