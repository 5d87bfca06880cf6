// What this machine charges for the first write to fresh memory. Every part
// of a live value passes through fresh buffers in three processes (the
// program's base64, the adapter's copies of each message, this process's
// strings and the value's array), so the cost of a page fault weighs on the
// debug bench's figures as much as the work itself: printed with them, so
// figures from machines that differ there are read as such.

const PAGE = 4096;

/** Microseconds per 4 KiB page of the first and of a second write to `mib` MiB of fresh memory, best of 3. */
export function firstTouchMicros(mib = 64): { first: number; second: number } {
  let first = Infinity,
    second = Infinity;
  for (let k = 0; k < 3; k++) {
    const a = new Float64Array((mib * 2 ** 20) / 8);
    const t0 = performance.now();
    a.fill(1);
    const t1 = performance.now();
    a.fill(2);
    const t2 = performance.now();
    first = Math.min(first, t1 - t0);
    second = Math.min(second, t2 - t1);
  }
  const pages = (mib * 2 ** 20) / PAGE;
  return { first: (first * 1000) / pages, second: (second * 1000) / pages };
}
