// The WebAssembly SIMD kernels (wasm/kernels.wat) for long arrays: entropy,
// cross-entropy and KL in one pass that checks, sums and computes, two lanes at
// a time. The module is compiled synchronously at first use; where WebAssembly
// or its SIMD cannot start (an old host, a CSP without 'wasm-unsafe-eval', the
// webview bundle, which gets no bytes), every function here returns undefined
// and the callers keep their JavaScript path. Each term is bit-identical to the
// JavaScript kernels' (same operations in the same order); the terms are summed
// per lane with two-sum compensation (on long arrays, entropy's and
// cross-entropy's four pairs of terms per two-sum: QUADS_FROM) and the lanes
// combined at the end, so a result differs from the JavaScript path's in the
// last bit at most.

import { LN2_HI, LN2_LO, LOG_POINTS } from './log';
import { KERNELS_WASM } from './wasm/kernelsBytes';

// The core is typed against ES2022 only; this is the part of WebAssembly used here.
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
    }
  | undefined;

type Kernel = (n: number, quads: number) => void;

interface Kernels {
  memory: { buffer: ArrayBuffer };
  init: () => void;
  reset: () => void;
  log: (n: number) => void;
  /** Terms of the n doubles at P; the first 8·quads by four pairs per two-sum. */
  entropy: Kernel;
  crossEntropy: Kernel;
  /** KL's terms have either sign: every one goes into the two-sum (quads is ignored). */
  kl: Kernel;
}

/** Elements per kernel call: P and Q each fill 32 KiB of the module's memory. */
const CHUNK = 4096;
/**
 * From this many elements, entropy's and cross-entropy's kernels add four pairs
 * of terms before each compensated addition (kernels.wat): 10 % faster, and at
 * most one ulp further from the exact sum of the terms. Shorter arrays keep a
 * compensated addition per term, like the JavaScript path.
 */
export const QUADS_FROM = CHUNK;
/** Offsets (in doubles) of P, Q, L and the log tables in the module's memory (kernels.wat). */
const P = 16384 / 8;
const Q = 49152 / 8;
const L = 114688 / 8;
const TABLE_A = 256 / 8;
const TABLE_B = 4608 / 8;
const TABLE_E = 147456 / 8;

/**
 * From this many elements the SIMD kernels are used (scripts/simd-threshold.mjs
 * measures where they overtake the JavaScript loops); below it the set-up of
 * a call (copy, reset, combining the lanes) costs more than it saves.
 */
export const SIMD_THRESHOLD = 32;

/** 'auto': SIMD from SIMD_THRESHOLD elements; 'off': never; 'always': from one element (tests). */
export type SimdMode = 'auto' | 'off' | 'always';
let mode: SimdMode = 'auto';
let minLength = SIMD_THRESHOLD;

/** Internal, for tests and benchmarks: which path the kernels take. */
export function setSimdMode(m: SimdMode): void {
  mode = m;
  minLength = m === 'always' ? 1 : m === 'off' ? Infinity : SIMD_THRESHOLD;
}

let state: Kernels | null | undefined; // undefined: not tried yet; null: unavailable
let f64 = new Float64Array(0);
let i32 = new Int32Array(0);

function decodeBase64(s: string): Uint8Array {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Uint8Array(128);
  for (let i = 0; i < 64; i++) value[digits.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array((clean.length * 3) >> 2);
  let bits = 0,
    n = 0,
    o = 0;
  for (let i = 0; i < clean.length; i++) {
    bits = (bits << 6) | value[clean.charCodeAt(i)]!;
    n += 6;
    if (n >= 8) {
      n -= 8;
      out[o++] = (bits >> n) & 255;
    }
  }
  return out;
}

function load(): Kernels | null {
  if (typeof WebAssembly !== 'object' || WebAssembly === null || KERNELS_WASM === '') return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(KERNELS_WASM)), {});
    const k = instance.exports as unknown as Kernels;
    k.init();
    f64 = new Float64Array(k.memory.buffer);
    i32 = new Int32Array(k.memory.buffer);
    // The log table, from log.ts's own: the same c, 1/c and log c to the bit.
    for (let j = 0; j <= 256; j++) {
      f64[TABLE_A + 2 * j] = LOG_POINTS[4 * j]!;
      f64[TABLE_A + 2 * j + 1] = LOG_POINTS[4 * j + 1]!;
      f64[TABLE_B + 2 * j] = LOG_POINTS[4 * j + 2]!;
    }
    // k ln2_hi and k ln2_lo per biased exponent, the products fastLog computes.
    for (let e = 0; e < 2048; e++) {
      f64[TABLE_E + 2 * e] = (e - 1023) * LN2_HI;
      f64[TABLE_E + 2 * e + 1] = (e - 1023) * LN2_LO;
    }
    return k;
  } catch {
    // No SIMD (CompileError), or compilation refused (a CSP): the JavaScript path.
    return null;
  }
}

/** The kernels, compiled at first use; undefined where they cannot run. */
function kernels(): Kernels | undefined {
  if (state === undefined) state = load();
  return state ?? undefined;
}

/** Whether the SIMD kernels can run here (for tests and the bench's report). */
export function simdAvailable(): boolean {
  return kernels() !== undefined;
}

type Floats = Float64Array | Float32Array;

// The typed arrays' own buffer, offset and length, read through the built-in
// getters: an instance's own properties (or a `constructor` that subarray would
// call) cannot run code or lie about its size in the middle of a pass.
const typedArrayPrototype = Object.getPrototypeOf(Float64Array.prototype) as object;
const intrinsic = (name: string): ((this: unknown) => unknown) =>
  Object.getOwnPropertyDescriptor(typedArrayPrototype, name)!.get!;
const bufferOf = intrinsic('buffer'),
  offsetOf = intrinsic('byteOffset'),
  lengthOf = intrinsic('length');

/** Length of a plain Float64Array or Float32Array (not a subclass), or -1. */
function floatLength(x: unknown): number {
  if (x === null || typeof x !== 'object') return -1;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Float64Array.prototype || proto === Float32Array.prototype ? (lengthOf.call(x) as number) : -1;
}

/** Typed float arrays of at least minLength: copying them into the module's memory runs no user code. */
function eligible(x: unknown): x is Floats {
  return floatLength(x) >= minLength;
}

/** Elements [a, a + m) of x as a new view (not subarray, which looks up x.constructor). */
function view(x: Floats, a: number, m: number): Floats {
  const buffer = bufferOf.call(x) as ArrayBuffer,
    offset = offsetOf.call(x) as number;
  return x instanceof Float32Array
    ? new Float32Array(buffer, offset + 4 * a, m)
    : new Float64Array(buffer, offset + 8 * a, m);
}

/**
 * Chunks per call of runSpan. The chunk loop is a function called many times
 * rather than one long loop in a function called rarely: V8 optimizes such a
 * loop by on-stack replacement, whose code it drops at each garbage collection,
 * so every long call after one compiled it again (about 4 ms of compiler
 * threads' CPU per call on 10^7 elements, 0.4 ns per element).
 */
const SPAN = 32;

/** Runs `kernel` over p (and q, as long) in chunks copied into the module's memory; each chunk padded with 0 to an even length. */
function run(k: Kernels, kernel: Kernel, p: Floats, q: Floats | undefined): void {
  k.reset();
  const n = lengthOf.call(p) as number;
  const quads = n >= QUADS_FROM;
  for (let a = 0; a < n; a += SPAN * CHUNK)
    runSpan(kernel, p, q, a, a + SPAN * CHUNK < n ? a + SPAN * CHUNK : n, quads);
}

/** Chunks [start, end) of p (and q). */
function runSpan(kernel: Kernel, p: Floats, q: Floats | undefined, start: number, end: number, quads: boolean): void {
  for (let a = start; a < end; a += CHUNK) {
    const b = a + CHUNK < end ? a + CHUNK : end;
    const m = b - a;
    f64.set(view(p, a, m), P);
    if (q) f64.set(view(q, a, m), Q);
    if (m & 1) {
      f64[P + m] = 0;
      f64[Q + m] = 0;
    }
    kernel((m + 1) & ~1, quads ? m >> 3 : 0);
  }
}

/**
 * Writes elements [from, to) of a derived row at dst[at], dst[at + 1], … (a
 * row computed from the input as it goes: normalised counts, softmax of
 * logits), so that a long derived row need not exist in memory at once.
 */
export type RowFill = (dst: Float64Array | number[], at: number, from: number, to: number) => void;

/** As run, each chunk written into the module's memory by `fill` rather than copied from an array. */
function runFilled(k: Kernels, kernel: Kernel, n: number, fill: RowFill): void {
  k.reset();
  const quads = n >= QUADS_FROM;
  for (let a = 0; a < n; a += SPAN * CHUNK)
    runFilledSpan(kernel, fill, a, a + SPAN * CHUNK < n ? a + SPAN * CHUNK : n, quads);
}

function runFilledSpan(kernel: Kernel, fill: RowFill, start: number, end: number, quads: boolean): void {
  for (let a = start; a < end; a += CHUNK) {
    const b = a + CHUNK < end ? a + CHUNK : end;
    const m = b - a;
    fill(f64, P, a, b);
    if (m & 1) f64[P + m] = 0;
    kernel((m + 1) & ~1, quads ? m >> 3 : 0);
  }
}

/** s0 + s1 + c0 + c1 (two lanes' sums and compensations), with Neumaier's compensation. */
function combine(at: number): number {
  let s = 0,
    c = 0;
  for (let i = at; i < at + 4; i++) {
    const x = f64[i]!;
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** What one pass found: the compensated sum of the terms, Σp, Σq, whether a term was +Infinity, and KL's Σ_near (p - q). */
export interface SimdPass {
  value: number;
  massP: number;
  massQ: number;
  infinite: boolean;
  nearDiff: number;
}

/** The pass's results, or undefined if an element failed the checks or a term needs the JavaScript path. */
function results(): SimdPass | undefined {
  if (i32[13]! < 0 || i32[15]! < 0) return undefined; // bad lanes: an element outside [+0, 1]
  for (let i = 28; i < 32; i++) if (i32[i] !== 0) return undefined; // special mask
  let infinite = false;
  for (let i = 16; i < 20; i++) if (i32[i] !== 0) infinite = true;
  return {
    value: combine(0),
    massP: f64[4]! + f64[5]!,
    massQ: f64[16]! + f64[17]!,
    infinite,
    nearDiff: combine(10),
  };
}

/** The kernels sum p log p and p log q: the sums of -p log p and -p log q, bit for bit, once negated. */
function negated(r: SimdPass | undefined): SimdPass | undefined {
  if (r) r.value = -r.value;
  return r;
}

/**
 * simdEntropy(p) -> SimdPass | undefined
 *
 * -Σ p log p (0 log 0 = 0) and Σp of a long typed array, checking 0 <= p <= 1;
 * undefined when the kernels are off, unavailable or the array is short or
 * not a typed float array, or an element fails the check (the caller's
 * JavaScript path then names it) or is subnormal (the kernels' log is for
 * normal doubles; JavaScript takes those rare arrays).
 */
export function simdEntropy(p: unknown): SimdPass | undefined {
  if (!eligible(p)) return undefined;
  const k = kernels();
  if (!k) return undefined;
  run(k, k.entropy, p, undefined);
  return negated(results());
}

/**
 * simdEntropy of the row of n doubles that `fill` writes, chunk by chunk: the
 * same chunks, terms and sums as simdEntropy of that row held in a
 * Float64Array, bit for bit, without the row in memory. Undefined as
 * simdEntropy (then the caller makes the row and takes the JavaScript path).
 */
export function simdEntropyFilled(n: number, fill: RowFill): SimdPass | undefined {
  if (!(n >= minLength)) return undefined;
  const k = kernels();
  if (!k) return undefined;
  runFilled(k, k.entropy, n, fill);
  return negated(results());
}

/** -Σ p log q, Σp, Σq and whether p > 0 where q = 0, as simdEntropy (p, q the same length; undefined for a subnormal q). */
export function simdCrossEntropy(p: unknown, q: unknown): SimdPass | undefined {
  if (!eligible(p) || !eligible(q) || floatLength(q) !== floatLength(p)) return undefined;
  const k = kernels();
  if (!k) return undefined;
  run(k, k.crossEntropy, p, q);
  return negated(results());
}

/**
 * The KL sums of kernels.ts's klRange over a long pair: value = Σ_far p log(p/q)
 * + Σ_near q·φ(r), nearDiff = Σ_near (p - q); KL = value + nearDiff. Undefined
 * as simdEntropy (a subnormal p), and when a ratio p/q is +Infinity: p > 0 where q = 0 (KL is
 * +Infinity; the JavaScript pass says so) or a subnormal q (relEntrFar's case).
 */
export function simdKl(p: unknown, q: unknown): SimdPass | undefined {
  if (!eligible(p) || !eligible(q) || floatLength(q) !== floatLength(p)) return undefined;
  const k = kernels();
  if (!k) return undefined;
  run(k, k.kl, p, q);
  return results();
}

const MIN_NORMAL = 2 ** -1022;

/**
 * The kernels' log of each element (tests); undefined where the kernels cannot
 * run. Their log is for normal doubles: a subnormal goes in scaled by 2^54 and
 * 54 ln 2 comes off after, as fastLog does.
 */
export function simdLog(x: Float64Array): Float64Array | undefined {
  const k = kernels();
  if (!k) return undefined;
  const out = new Float64Array(x.length);
  for (let a = 0; a < x.length; a += CHUNK) {
    const b = Math.min(x.length, a + CHUNK);
    f64.set(x.subarray(a, b), P);
    if ((b - a) & 1) f64[P + b - a] = 1;
    const subnormal = (i: number): boolean => x[a + i]! > 0 && x[a + i]! < MIN_NORMAL;
    for (let i = 0; i < b - a; i++) if (subnormal(i)) f64[P + i]! *= 2 ** 54;
    k.log((b - a + 1) & ~1);
    for (let i = 0; i < b - a; i++) if (subnormal(i)) f64[L + i] = f64[L + i]! - 54 * LN2_HI - 54 * LN2_LO;
    out.set(f64.subarray(L, L + b - a), a);
  }
  return out;
}

/** The current mode (tests restore it). */
export function simdMode(): SimdMode {
  return mode;
}
