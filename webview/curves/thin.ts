// Thinning a dense curve for drawing: per pixel column keep only the first,
// lowest, highest and last point, in x order. The drawn polyline is then
// pixel-identical to the full one but has at most 4 points per column, so a
// 10^6-point curve costs what a 10^3-point one does.

/**
 * x must be ascending. Points outside [xMin, xMax] and points with a
 * non-finite y are dropped. Returns interleaved [x0, y0, x1, y1, …].
 */
export function thinMinMax(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xMin: number,
  xMax: number,
  columns: number,
): Float64Array<ArrayBuffer> {
  const cols = Math.max(1, Math.floor(columns));
  const out = new Float64Array(Math.min(x.length, cols * 4) * 2);
  let k = 0;
  const span = xMax - xMin;
  let col = -1;
  let firstI = -1,
    minI = -1,
    maxI = -1,
    lastI = -1;
  const flush = () => {
    if (firstI < 0) return;
    // Emit the four (possibly equal) indices in x order without duplicates.
    const idx = [firstI, minI, maxI, lastI].sort((a, b) => a - b);
    let prev = -1;
    for (const i of idx) {
      if (i === prev) continue;
      prev = i;
      out[k++] = x[i]!;
      out[k++] = y[i]!;
    }
  };
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!(xi >= xMin && xi <= xMax) || !Number.isFinite(yi)) continue;
    const c = span > 0 ? Math.min(cols - 1, Math.floor(((xi - xMin) / span) * cols)) : 0;
    if (c !== col) {
      flush();
      col = c;
      firstI = minI = maxI = lastI = i;
      continue;
    }
    lastI = i;
    if (yi < y[minI]!) minI = i;
    if (yi > y[maxI]!) maxI = i;
  }
  flush();
  return out.subarray(0, k);
}
