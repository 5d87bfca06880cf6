// How long a thread is held: no Node or DOM API, so the Node benches and the
// browser host of bench/offThread.bench.ts share it.

/** Runs `work` while a 1 ms interval measures the longest time the thread did not get to it. */
export async function longestStall(work: () => Promise<unknown> | unknown): Promise<{ wall: number; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 20));
  stall = 0;
  last = performance.now();
  const t = performance.now();
  await work();
  const wall = performance.now() - t;
  stall = Math.max(stall, performance.now() - last);
  clearInterval(timer);
  return { wall, stall };
}
