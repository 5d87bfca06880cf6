// Timing shared by the Node benches: a seeded generator, a settled heap before
// each timed run, and best-of-N wall and CPU times.

/** A small seeded generator (LCG), so generated documents are the same every run. */
export function rnd(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const gc = (globalThis as { gc?: () => void }).gc;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Collects the garbage of earlier runs and sections, then waits until the
 * collector's background threads are done: a full gc() leaves concurrent
 * sweeping behind, which ran during the next timed call and was counted in its
 * CPU time (ordinary Python: 53 ms CPU for 35 ms wall, against 34 / 34 once
 * the sweeping is waited for). Waits in 10 ms steps until a step costs the
 * process under 1 ms of CPU, at most 300 ms.
 */
export function settle(): void {
  if (!gc) return;
  gc();
  for (let k = 0; k < 30; k++) {
    const c0 = process.cpuUsage();
    Atomics.wait(sleeper, 0, 0, 10);
    const c = process.cpuUsage(c0);
    if (c.user + c.system < 1000) break;
  }
}

/**
 * Best wall time and best CPU time (ms, this process's user + system, all
 * threads) of `runs` runs after `warm` untimed ones, each run starting with
 * the heap settled (settle()). The machine is shared, so throughput is judged
 * on CPU time, which other processes do not inflate.
 */
export function timeIt(fn: () => unknown, runs = 5, warm = 2): { wall: number; cpu: number } {
  for (let i = 0; i < warm; i++) fn();
  let wall = Infinity,
    cpu = Infinity;
  for (let i = 0; i < runs; i++) {
    settle();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, t1 - t0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
}
