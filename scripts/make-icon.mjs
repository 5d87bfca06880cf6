// Draws media/icon.png (128×128): the −log p curve of cross-entropy on a dark tile.
// Run once with `node scripts/make-icon.mjs`; the PNG is committed. No dependencies.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Uint8Array(N * N * 4);
const set = (x, y, r, g, b, a) => {
  const i = (y * N + x) * 4;
  px[i] = r;
  px[i + 1] = g;
  px[i + 2] = b;
  px[i + 3] = a;
};
for (let y = 0; y < N; y++)
  for (let x = 0; x < N; x++) {
    // rounded dark tile
    const dx = Math.max(0, Math.abs(x - 63.5) - 48),
      dy = Math.max(0, Math.abs(y - 63.5) - 48);
    set(x, y, 24, 32, 58, Math.hypot(dx, dy) <= 16 ? 255 : 0);
  }
// distance from a pixel to the curve y = −ln p, p ∈ (0, 1], drawn with anti-aliasing
const curve = [];
for (let k = 1; k <= 2000; k++) {
  const p = k / 2000;
  curve.push([18 + p * 92, 106 - Math.min(4.2, -Math.log(p)) * 21]);
}
const axes = (x, y) =>
  Math.min(
    Math.hypot(x - Math.min(Math.max(x, 18), 110), y - 108),
    Math.hypot(x - 16, y - Math.min(Math.max(y, 18), 108)),
  );
for (let y = 0; y < N; y++)
  for (let x = 0; x < N; x++) {
    let d = Infinity;
    for (const [cx, cy] of curve) d = Math.min(d, Math.hypot(x - cx, y - cy));
    const c = Math.max(0, Math.min(1, 4.5 - d));
    const a = Math.max(0, Math.min(1, 2 - axes(x, y))) * 0.55;
    const i = (y * N + x) * 4;
    if (px[i + 3] === 0) continue;
    const mix = (base, top, t) => Math.round(base * (1 - t) + top * t);
    px[i] = mix(mix(px[i], 200, a), 255, c);
    px[i + 1] = mix(mix(px[i + 1], 210, a), 140, c);
    px[i + 2] = mix(mix(px[i + 2], 230, a), 60, c);
  }
const dot = curve[Math.round(0.7 * 2000) - 1];
for (let y = 0; y < N; y++)
  for (let x = 0; x < N; x++) {
    const t = Math.max(0, Math.min(1, 8 - Math.hypot(x - dot[0], y - dot[1])));
    const i = (y * N + x) * 4;
    if (t > 0) {
      px[i] = Math.round(px[i] * (1 - t) + 120 * t);
      px[i + 1] = Math.round(px[i + 1] * (1 - t) + 220 * t);
      px[i + 2] = Math.round(px[i + 2] * (1 - t) + 255 * t);
    }
  }
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
writeFileSync(
  new URL('../media/icon.png', import.meta.url),
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
