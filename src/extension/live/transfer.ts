// How the numbers of a paused program reach the extension. For each language,
// one expression wraps the user's: evaluated in the paused frame, it returns
// a short string with the dtype, the shape and the base64 of the raw
// little-endian bytes, which `decodePayload` turns into a Float64Array with no
// text parse. The wrappers are single expressions of lambdas / arrow functions:
// nothing is assigned in the program's namespace, nothing is imported into it
// (`__import__` returns modules already loaded or loads them without binding
// a name), and the value itself is only read. Pure (no vscode API), so it is
// tested against the real interpreters.
import { MAX_ELEMENTS } from '../../core';
import { plainValues } from '../../core/elements';
import { findArrays } from '../../parse';
import type { FoundArray, TypedValues } from '../../parse/types';

/** The languages with a compact wrapper; anything else is read from the debugger's printed value. */
export type LiveLanguage = 'python' | 'javascript';

/** The tag every payload starts with (versioned, so a changed format is never misread). */
export const PAYLOAD_TAG = 'ELv1';
/** The tag of a probe's answer: what the value is, without its data. */
export const PROBE_TAG = 'ELm1';

/** The debug types whose adapters speak each language (other types fall back on the printed value). */
const DEBUG_TYPES: Record<LiveLanguage, readonly string[]> = {
  python: ['python', 'debugpy', 'entropyLensTestPython'],
  javascript: [
    'node',
    'pwa-node',
    'node-terminal',
    'pwa-chrome',
    'chrome',
    'pwa-msedge',
    'msedge',
    'pwa-extensionHost',
  ],
};

/** The wrapper language of a debug session, from its type (or the language of the paused file). */
export function liveLanguage(debugType: string, languageId?: string): LiveLanguage | undefined {
  for (const lang of ['python', 'javascript'] as const) if (DEBUG_TYPES[lang].includes(debugType)) return lang;
  if (languageId === 'python') return 'python';
  if (languageId !== undefined && /^(java|type)script(react)?$/.test(languageId)) return 'javascript';
  return undefined;
}

// Python. `throw` raises from inside an expression (a generator's throw), so
// errors reach the debugger's evaluate response with their message.
const PY_THROW = `(lambda m: (_ for _ in ()).throw(TypeError(m)))`;

/** How errors name a Python value: `an int`, `a dict`, `None`. */
const PY_WHAT = `(lambda x: 'None' if x is None else ('an ' if type(x).__name__[:1].lower() in 'aeiou' else 'a ') + type(x).__name__)`;

/**
 * The type a part of a numpy-able value travels in (`p`, the part; `f`, the
 * value's precision, f4 or f8): integers and booleans in the narrowest of
 * u1, i1, i2 and i4 that holds the part's range (int64 class indices in a
 * byte or two, -100 for ignore_index included); floats that are all whole
 * numbers in that range the same way (one-hot targets in u1, class indices
 * held as floats), unless one is -0.0, which integers would make 0; float64
 * values that float32 holds exactly (a float32 value widened by `.double()`)
 * in f4; anything else in `f`. A float part looks at its first 64 values
 * before the whole, so a value that is none of these costs a comparison of
 * 64. The float32 cast runs under errstate: values beyond float32's range
 * must not print an overflow warning in the user's program. Each part
 * chooses for itself, so no pass over the whole value is added.
 */
const PY_WIRE =
  `(lambda np, p, f: (lambda fit: f if p.size == 0 else (fit(int(p.min()), int(p.max())) or f) if p.dtype.kind in 'iub' ` +
  `else ((p[:64] == np.trunc(p[:64])).all() and (p == np.trunc(p)).all() and not (np.signbit(p) & (p == 0)).any() and fit(p.min(), p.max())) ` +
  `or (f == 'f8' and np.errstate(all='ignore')(lambda: (p[:64].astype('<f4') == p[:64]).all() and (p.astype('<f4') == p).all())() and 'f4') or f)` +
  `(lambda lo, hi: next((w for w, a, b in (('u1', 0, 255), ('i1', -128, 127), ('i2', -32768, 32767), ('i4', -2147483648, 2147483647)) if a <= lo and hi <= b), None)))`;

/**
 * The shape of a numpy-able value and the numbers of its part ([RANGE] of its
 * flat elements) as a NumPy array of a number dtype. A torch tensor that is
 * contiguous or on another device is sliced before it is copied to the CPU
 * (a strided one is first made contiguous on its device) and before
 * bfloat16, which NumPy has no dtype for, is widened to float32: widening
 * the whole tensor for each part made 10^7 bfloat16 values take 5.5 s in the
 * program instead of 0.07 s, and a GPU tensor was copied whole for each
 * part. Any other value (a sparse tensor too, which NumPy refuses with its
 * own advice) is read as a whole NumPy array (no copy for NumPy, CPU torch
 * and pandas) and sliced there.
 */
const PY_NUMBERS = `(lambda a: a if a.dtype.kind in 'fiub' else ${PY_THROW}('its dtype is ' + str(a.dtype) + ', not a number type'))`;
const PY_BF16 = `(lambda t: t.float() if str(t.dtype) == 'torch.bfloat16' else t)`;
const PY_FLAT_PART = `(lambda a: (a.shape, (a.reshape(-1) if a.flags.c_contiguous else a.flat)[RANGE]))`;
const PY_SHAPE_AND_PART =
  `((lambda t: (t.shape, ${PY_NUMBERS}(__import__('numpy').asarray(${PY_BF16}(t.reshape(-1)[RANGE].cpu())))) if str(getattr(t, 'layout', '')) == 'torch.strided' and (t.is_contiguous() or t.device.type != 'cpu') ` +
  `else ${PY_FLAT_PART}(${PY_NUMBERS}(__import__('numpy').asarray(${PY_BF16}(t.cpu())))))(v.detach()) ` +
  `if hasattr(v, 'detach') and hasattr(v, 'cpu') else ${PY_FLAT_PART}(${PY_NUMBERS}(__import__('numpy').asarray(v))))`;

/**
 * numpy-able values (NumPy, torch, JAX, pandas): float32 and narrower floats
 * have the precision f4, the rest f8; each part is converted on its own, in
 * the type PY_WIRE chooses (converting the whole value for each part made an
 * int64 value cost its conversion once per part). base64 reads the part's own
 * buffer (contiguous: a strided part is copied, a plain one is not, and a
 * value that is not contiguous is read through `flat`, which copies only the
 * part); a `tobytes()` copy of each part cost the paused program a third of
 * its time at 10^7 values. The header is `f4` or `f8`, followed by `/` and
 * the type sent when it is narrower.
 */
const PY_ARRAY =
  `(lambda np, s, p: (lambda f: (lambda w: '${PAYLOAD_TAG} ' + (f if w == f else f + '/' + w) + ' ' + ','.join(map(str, s)) + ' ' + __import__('base64').b64encode(np.ascontiguousarray(p.astype('<' + w, copy=False))).decode('ascii'))(${PY_WIRE}(np, p, f)))` +
  `('f4' if p.dtype.kind == 'f' and p.dtype.itemsize <= 4 else 'f8'))(__import__('numpy'), *${PY_SHAPE_AND_PART})`;

/**
 * Lists and tuples (1-D, or 2-D with equal rows) without NumPy: the array
 * module's doubles, which take numbers only (a `'0.5'` is refused, as in
 * JavaScript, where `float()` would read it) and convert 10^6 floats four
 * times as fast as `float()` on each. A part converts only its own items (of
 * a 2-D list, the rows it touches, then trimmed): converting the whole list
 * for each part made a list of 10^7 floats cost its whole conversion 38 times over.
 */
const PY_LIST =
  `(lambda two: '${PAYLOAD_TAG} f8 ' + (str(len(v)) + ',' + str(len(v[0])) if two else str(len(v))) + ' ' + __import__('base64').b64encode((lambda a: (a.byteswap(), a)[1] if __import__('sys').byteorder == 'big' else a)(__import__('array').array('d', [x for r in v[ROWS] for x in r][TRIM] if two else v[ITEMS]))).decode('ascii'))` +
  `(len(v) > 0 and isinstance(v[0], (list, tuple)) and (all(isinstance(r, (list, tuple)) for r in v) or (lambda i: ${PY_THROW}('row ' + str(i) + ' is ' + ${PY_WHAT}(v[i]) + ', not a list'))(next(i for i, r in enumerate(v) if not isinstance(r, (list, tuple))))) ` +
  `and (len(set(map(len, v))) == 1 or ${PY_THROW}('it is ragged: its rows have lengths ' + ', '.join(map(str, sorted(set(map(len, v))))))))`;

/** Sequences read item by item (the array module's arrays too: `array('d', …)`). */
const PY_SEQUENCES = `(list, tuple, range, __import__('array').array)`;

/**
 * The probe: the kind and shape, read without copying the data. A NumPy masked
 * array with masked values is refused: its data holds whatever lies under the
 * mask, which NumPy's own reductions leave out.
 */
const PY_MASKED = `(int(__import__('numpy').ma.count_masked(v)) if type(v).__name__ == 'MaskedArray' else 0)`;
const PY_PROBE =
  `'${PROBE_TAG} ' + ((('array ' if isinstance(v, __import__('array').array) else 'list ') + (str(len(v)) + ',' + str(len(v[0])) if len(v) > 0 and isinstance(v[0], (list, tuple)) else str(len(v)))) if isinstance(v, ${PY_SEQUENCES}) ` +
  `else (lambda m: ${PY_THROW}('it is a masked array with ' + str(m) + ' masked value' + ('' if m == 1 else 's') + ': select its .compressed() or .filled(value) values') if m ` +
  `else type(v).__name__ + ':' + str(v.dtype).replace(' ', '') + ' ' + ','.join(map(str, tuple(v.shape))))(${PY_MASKED}) if hasattr(v, 'shape') and hasattr(v, 'dtype') ` +
  `else ${PY_THROW}('it is ' + ${PY_WHAT}(v) + ', not a list, array or tensor'))`;

// JavaScript: arrays (1-D, or 2-D with equal rows), typed arrays, and TF.js
// tensors (read with dataSync(), which copies the values out of the backend
// and changes nothing; a tensor of any rank goes as its flat values and shape).
// base64: Node's Buffer, else the browser's Uint8Array toBase64 (10^6 float64 in
// 32-59 ms in Chromium against 130-356 ms through btoa), else btoa.
const JS_ENCODE =
  `(u) => { if (typeof Buffer === 'function') return Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64'); ` +
  `if (typeof u.toBase64 === 'function') return u.toBase64(); ` +
  `let s = ''; for (let i = 0; i < u.length; i += 32768) s += String.fromCharCode.apply(null, u.subarray(i, i + 32768)); return btoa(s); }`;
// A part in the narrowest type that holds it exactly, as Python's PY_WIRE:
// whole numbers (no -0) in Uint8Array, Int8Array, Int16Array or Int32Array
// by their range (one-hot rows, class indices in plain Arrays, TF.js's
// int32 one-hot tensors), float64 that float32 holds (no NaN) in a
// Float32Array; else the part itself. Where Node's Buffer is, each type is
// tried by a round trip compared byte for byte (a -0 or a fraction does not
// come back the same), first on 64 values, then on the part: all of it
// native work, where a loop over the part runs as code evaluated on a
// paused frame (10^7 int32 one-hot values read from js-debug in code-server
// in 1.35–1.41 s, against 2.96–3.18 s with the loop). Elsewhere (a browser
// page) one loop chooses by the range, which a float value that is neither
// leaves at its first element.
const JS_NARROW =
  `(f) => { if (!(f instanceof Float64Array || f instanceof Float32Array || f instanceof Int32Array || f instanceof Int16Array) || f.length === 0) return f; ` +
  `if (typeof Buffer === 'function') { const F = f.constructor, bytes = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength), ` +
  `fits = (T, x) => bytes(new F(new T(x))).equals(bytes(x)); ` +
  `for (const T of [Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array]) { if (T === F) return f; ` +
  `if (T === Float32Array && f.includes(NaN)) return f; if (fits(T, f.subarray(0, 64)) && fits(T, f)) return new T(f); } return f; } ` +
  `let lo = 0, hi = 0, whole = true, single = f instanceof Float64Array; ` +
  `for (let i = 0; i < f.length && (whole || single); i++) { const x = f[i]; ` +
  `if (whole && (!Number.isInteger(x) || (x === 0 && 1 / x < 0))) whole = false; else if (whole) { if (x < lo) lo = x; else if (x > hi) hi = x; } ` +
  `if (single && Math.fround(x) !== x) single = false; } ` +
  `const T = !whole ? null : hi <= 255 && lo >= 0 ? Uint8Array : hi <= 127 && lo >= -128 ? Int8Array : hi <= 32767 && lo >= -32768 ? Int16Array : hi <= 2147483647 && lo >= -2147483648 ? Int32Array : null; ` +
  `return T ? (f instanceof T ? f : new T(f)) : single ? new Float32Array(f) : f; }`;
// The typed arrays sent in their own type or narrower, by the type they
// travel in (`''` for the rest, which go as float64): TF.js's int32 and bool
// tensors, and integer typed arrays, never take more than their 1, 2 or 4
// bytes a value.
const JS_WIRE =
  `(s) => s instanceof Float32Array ? 'f4' : s instanceof Float64Array ? 'f8' : s instanceof Uint8Array || s instanceof Uint8ClampedArray ? 'u1' ` +
  `: s instanceof Int8Array ? 'i1' : s instanceof Int16Array ? 'i2' : s instanceof Int32Array ? 'i4' : ''`;
// How errors name a JavaScript value (`a string`, `an ArrayBuffer`, `undefined`),
// and what reads as a row: an array or a typed array, not a DataView.
const JS_WHAT =
  `(x) => x === null || x === undefined ? String(x) : Array.isArray(x) ? 'an array' : ` +
  `((w) => (/^[aeiou]/i.test(w) ? 'an ' : 'a ') + w)(typeof x === 'object' && typeof x.constructor === 'function' && x.constructor.name && x.constructor.name !== 'Object' ? x.constructor.name : typeof x)`;
const JS_IS_ROW = `(r) => Array.isArray(r) || (ArrayBuffer.isView(r) && !(r instanceof DataView))`;
// Indexed loops, not every/some/forEach, which skip an array's holes. A part
// converts only its own elements (of rows, the rows it touches): converting a
// whole Array of 10^7 numbers for each of its 77 parts took the program 24 s.
const JS_FLAT =
  `(v, where, what, isRow, from, to, wire) => { if (isRow(v) && !Array.isArray(v)) { const s = v.subarray(Math.min(from, v.length), Math.min(to, v.length)); ` +
  `return wire(s) ? s : Float64Array.from(s, Number); } ` +
  `if (!Array.isArray(v)) throw new TypeError(where + 'is ' + what(v) + ', not an array or typed array'); ` +
  `const a = Math.min(from, v.length), b = Math.min(to, v.length), f = new Float64Array(Math.max(0, b - a)); for (let i = a; i < b; i++) { const x = v[i]; ` +
  `if (typeof x !== 'number' && typeof x !== 'boolean') throw new TypeError(where + 'has ' + what(x) + ' at index ' + i + ', not a number'); f[i - a] = x; } return f; }`;
const JS_DATA =
  `(enc, flat, what, isRow, wire, narrow) => { const two = Array.isArray(v) && v.length > 0 && isRow(v[0]); ` +
  `let part, shape; if (v !== null && typeof v === 'object' && typeof v.dataSync === 'function' && Array.isArray(v.shape)) { ` +
  `if (v.dtype === 'string') throw new TypeError('it is a string tensor, not numbers'); ` +
  `const d = v.dataSync(); part = (wire(d) ? d : Float64Array.from(d, Number)).subarray(__FROM__, __TO__); shape = v.shape.slice(); } ` +
  `else if (two) { const n = v[0].length, lengths = new Set(); ` +
  `for (let i = 0; i < v.length; i++) { if (!isRow(v[i])) throw new TypeError('row ' + i + ' is ' + what(v[i]) + ', not an array or typed array'); lengths.add(v[i].length); } ` +
  `if (lengths.size > 1) throw new TypeError('it is ragged: its rows have lengths ' + [...lengths].join(', ')); ` +
  `const a = Math.min(__FROM__, v.length * n), b = Math.min(__TO__, v.length * n); part = new Float64Array(Math.max(0, b - a)); ` +
  `for (let k = a; k < b;) { const i = Math.floor(k / n), j = k - i * n, m = Math.min(n - j, b - k); part.set(flat(v[i], 'row ' + i + ' ', what, isRow, j, j + m, wire), k - a); k += m; } shape = [v.length, n]; } ` +
  `else { part = flat(v, 'it ', what, isRow, __FROM__, __TO__, wire); shape = [v.length]; } ` +
  `const f = part instanceof Float32Array ? 'f4' : 'f8', sent = narrow(part), w = wire(sent); ` +
  `return '${PAYLOAD_TAG} ' + f + (w === f ? '' : '/' + w) + ' ' + shape.join(',') + ' ' + enc(new Uint8Array(sent.buffer, sent.byteOffset, sent.byteLength)); }`;
const JS_PROBE =
  `((what, isRow) => '${PROBE_TAG} ' + (v !== null && typeof v === 'object' && typeof v.dataSync === 'function' && Array.isArray(v.shape) ? 'Tensor:' + v.dtype + ' ' + v.shape.join(',') ` +
  `: Array.isArray(v) ? 'Array ' + v.length + (v.length > 0 && isRow(v[0]) ? ',' + v[0].length : '') : isRow(v) ? v.constructor.name + ' ' + v.length ` +
  `: (() => { throw new TypeError('it is ' + what(v) + ', not an array or typed array'); })()))(${JS_WHAT}, ${JS_IS_ROW})`;

/**
 * Payload bytes per evaluate request, from every adapter: 1 MiB (2^18 float32
 * or 2^17 float64 values, 1.4 MB of base64). VS Code gathers each message
 * from an adapter by concatenating every incoming 64 KB chunk to what came
 * before (StreamDebugAdapter.handleData), up to 32 chunks in one turn of the
 * extension host's event loop, so its copying and the longest stall grow with
 * a part's size: profiled in code-server, parts of 2 MiB spent up to 72 ms of
 * a turn there. From debugpy in code-server (six commands each), 10^7 float64
 * took 3.0–3.7 s in parts of 1 MiB (longest stall 50–111 ms), 3.4–3.9 s in
 * parts of 2 MiB (65–188 ms) and 2.6–4.0 s in parts of 512 KiB (41–130 ms).
 * Over stdio, where no such concatenation happens and debugpy's cost per
 * request (about 15 ms) weighs more, 10^7 float64 took 1.76–1.78 s in parts
 * of 1 MiB, 1.45–1.83 s in parts of 2 MiB and 1.73–2.56 s in parts of 512 KiB
 * (three runs each). js-debug, whose adapter shares the extension host's
 * thread, was slower at 10^7 in parts of 512 KiB and its stall no shorter.
 * Parts must also stay under debugpy's 16 MiB message cap (`MAX_BODY_SIZE` in
 * debugpy/common/messaging.py), above which a request is never answered.
 */
export const PART_BYTES = 2 ** 20;

/**
 * The most bytes a value of this kind takes in the payload, so that a part
 * never passes PART_BYTES: what its own type needs where the wrappers never
 * send it wider (JavaScript's typed arrays and TF.js tensors, Python's 1, 2
 * and 4-byte types, uint16 in i4), else 8. Parts are sized by it, so a kind
 * known to be narrow still goes in parts of 1 MiB (an Int32Array of 10^7 in
 * 39 parts, not 77); values that turn out narrower than their kind (int64
 * class indices, an int32 one-hot tensor) go in parts of fewer bytes.
 */
export function payloadWidth(probe: Probe): 1 | 2 | 4 | 8 {
  const k = probe.kind;
  if (/^(Int8|Uint8|Uint8Clamped)Array$|[:.](u?int8|bool)$/.test(k)) return 1;
  if (/^Int16Array$|[:.]int16$/.test(k)) return 2;
  if (/^(Int32|Uint16|Float32)Array$|[:.](int32|uint16|b?float16|float32|half)$/.test(k)) return 4;
  return 8;
}

/** Values per evaluate request for a probed value. */
export function partElements(probe: Probe): number {
  return PART_BYTES / payloadWidth(probe);
}

/**
 * The `format` of the wrappers' evaluate requests. Python: debugpy's
 * `rawString`, which returns a string as it is where it would send its repr
 * (one copy and scan fewer of each payload in the paused program, and no
 * quotes to take off).
 */
export function evaluateFormat(language: LiveLanguage): { rawString: true } | undefined {
  return language === 'python' ? { rawString: true } : undefined;
}

/** Values a read asks for with its probe (probeAndDataExpression): one part of float64. */
export const WITH_PROBE_ELEMENTS = PART_BYTES / 8;

/** Elements `from` to `to` (end exclusive) of the flattened value, row-major; all of it without a range. */
export interface ElementRange {
  from: number;
  to: number;
}

/**
 * The payload of the value bound to `v` (or a range of its elements), as an
 * expression in the language: Python a function of v, JavaScript a call that
 * reads v from its scope.
 */
function payloadOfV(language: LiveLanguage, range: ElementRange | undefined): string {
  const from = range ? Math.max(0, Math.floor(range.from)) : undefined;
  const to = range ? Math.max(0, Math.floor(range.to)) : undefined;
  if (language === 'python') {
    const slice = `[${range ? `${from}:${to}` : ':'}]`;
    // Of a 2-D list, rows from // c to ceil(to / c) (c = len(v[0]), not 0 when a range is read), then from % c on.
    const rows = range ? `[${from} // len(v[0]):-(-${to} // len(v[0]))]` : '[:]';
    const trim = range ? `[${from} % len(v[0]):${from} % len(v[0]) + ${Math.max(0, to! - from!)}]` : '[:]';
    const list = PY_LIST.replace('[ROWS]', rows).replace('[TRIM]', trim).replace('[ITEMS]', slice),
      array = PY_ARRAY.replaceAll('[RANGE]', slice);
    return `(lambda v: ${list} if isinstance(v, ${PY_SEQUENCES}) else ${array})`;
  }
  const data = JS_DATA.replaceAll('__FROM__', String(from ?? 0)).replaceAll('__TO__', range ? String(to) : 'Infinity');
  return `(${data})(${JS_ENCODE}, ${JS_FLAT}, ${JS_WHAT}, ${JS_IS_ROW}, ${JS_WIRE}, ${JS_NARROW})`;
}

/**
 * The expression that returns `expression`'s value (or a range of its
 * elements) as a payload string: the header always gives the whole shape.
 */
export function dataExpression(language: LiveLanguage, expression: string, range?: ElementRange): string {
  const payload = payloadOfV(language, range);
  if (language === 'python') return `${payload}((${expression}))`;
  return `((v) => ${payload})((${expression}))`;
}

/** The expression that says what `expression` is and its shape, without its data (for caps and the partner list). */
export function probeExpression(language: LiveLanguage, expression: string): string {
  if (language === 'python') return `(lambda v: ${PY_PROBE})((${expression}))`;
  return `((v) => ${JS_PROBE})((${expression}))`;
}

/**
 * The probe followed by a space and a payload: the whole value when it holds
 * at most `limit` values (a small value is read in one request instead of
 * two), else, when it holds at most `cap`, its first `limit` values (the
 * first part of a large value travels with the probe instead of waiting for
 * it; `firstCount` values of it where the parts come another way, to check
 * that way). The count comes from the probe's own shape, so the probe's
 * errors come first and a value above the cap moves no data.
 */
export function probeAndDataExpression(
  language: LiveLanguage,
  expression: string,
  limit: number,
  cap = limit,
  firstCount = limit,
): string {
  // Counts go into the expression as integer literals (Infinity is not one in Python).
  const count = (x: number) => Math.max(0, Math.floor(Math.min(x, Number.MAX_SAFE_INTEGER)));
  const n = count(limit);
  const c = Math.max(n, count(cap));
  const data = payloadOfV(language, undefined);
  const first = payloadOfV(language, { from: 0, to: Math.min(n, Math.max(1, count(firstCount))) });
  if (language === 'python') {
    const elements = `__import__('functools').reduce(lambda a, b: a * b, [int(d) for d in p.rsplit(' ', 1)[-1].split(',') if d], 1)`;
    const firstPart = n > 0 && c > n ? ` if c <= ${n} else ' ' + ${first}(v) if c <= ${c}` : ` if c <= ${n}`;
    return `(lambda v: (lambda p: (lambda c: p + (' ' + ${data}(v)${firstPart} else ''))(${elements}))(${PY_PROBE}))((${expression}))`;
  }
  const elements = `p.slice(p.lastIndexOf(' ') + 1).split(',').filter(Boolean).reduce((a, d) => a * Number(d), 1)`;
  const firstPart = n > 0 && c > n ? ` : c <= ${c} ? ' ' + ${first}` : '';
  return `((v) => ((p) => ((c) => p + (c <= ${n} ? ' ' + ${data}${firstPart} : ''))(${elements}))(${JS_PROBE}))((${expression}))`;
}

/** The payload that follows the probe in an answer to probeAndDataExpression, if the value was small enough to carry one. */
export function payloadAfterProbe(answer: string): string | undefined {
  const at = answer.indexOf(` ${PAYLOAD_TAG} `);
  if (at < 0) return undefined;
  const quote = answer.trimStart()[0];
  const rest = answer.slice(at + 1).trimEnd();
  return quote === "'" || quote === '"' ? rest.replace(new RegExp(`${quote}$`), '') : rest;
}

/** The first `count` elements (rows of a 2-D value), as an expression in the language. */
export function sliceExpression(language: LiveLanguage, expression: string, count: number): string {
  const n = Math.max(0, Math.floor(count));
  return language === 'python' ? `(${expression})[:${n}]` : `(${expression}).slice(0, ${n})`;
}

/** A live value, decoded: row-major data and its shape (1-D or rows × columns). */
export interface LiveArray {
  /** What was sent: float32 or float64 little-endian. */
  dtype: 'f4' | 'f8';
  shape: number[];
  data: Float64Array;
}

export type Decoded = { ok: true; value: LiveArray } | { ok: false; error: string };

/** What a probe says: the kind (`ndarray:float32`, `Tensor:torch.float32`, `list`, `Float64Array`) and shape. */
export interface Probe {
  kind: string;
  shape: number[];
  elements: number;
}

/** The payload inside the debugger's answer, which may quote it ('…' or "…"). */
function unquote(text: string, tag: string): string | undefined {
  const at = text.indexOf(tag + ' ');
  if (at < 0) return undefined;
  let body = text.slice(at + tag.length + 1);
  const q = text[at - 1];
  if (q === "'" || q === '"') {
    const close = body.lastIndexOf(q);
    if (close >= 0) body = body.slice(0, close);
  }
  return body.trim();
}

function parseShape(text: string): number[] | undefined {
  if (text === '') return [];
  const dims = text.split(',').map((d) => Number(d));
  return dims.every((d) => Number.isInteger(d) && d >= 0) ? dims : undefined;
}

export function decodeProbe(text: string): Probe | undefined {
  const body = unquote(text, PROBE_TAG);
  if (body === undefined) return undefined;
  const [kind, shapeText = ''] = body.split(' ');
  const shape = parseShape(shapeText);
  if (!kind || !shape) return undefined;
  return { kind, shape, elements: shape.reduce((n, d) => n * d, 1) };
}

/**
 * Bytes of base64 text: Node's Buffer where there is one, else the browser's
 * Uint8Array.fromBase64 (the web worker host: 10^6 float64 in 50-73 ms in
 * Chromium against 170-300 ms through atob and a loop), else atob.
 */
function base64Bytes(b64: string): Uint8Array {
  const B = nodeBuffer();
  if (B) return B.from(b64, 'base64');
  const U = Uint8Array as { fromBase64?(s: string): Uint8Array };
  if (typeof U.fromBase64 === 'function') return U.fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The part of Node's Buffer used here. */
interface NodeBuffer {
  from(s: string, encoding: 'base64'): Uint8Array;
  from(
    b: ArrayBufferLike,
    offset: number,
    length: number,
  ): { write(s: string, o: number, n: number, enc: string): number };
}

/** Node's Buffer where there is one (the extension host, the compute worker), else undefined. */
function nodeBuffer(): NodeBuffer | undefined {
  return (globalThis as { Buffer?: NodeBuffer }).Buffer;
}

/** Decodes base64 into `length` bytes of `buffer` from `offset` (Node's Buffer.write): the bytes written. */
function decodeInto(B: NodeBuffer, b64: string, buffer: ArrayBufferLike, offset: number, length: number): number {
  return B.from(buffer, offset, length).write(b64, 0, length, 'base64');
}

/** Bytes that base64 text of this length (padding included or not) decodes to. */
function decodedLength(b64: string): number {
  let pad = 0;
  while (pad < 2 && b64.charCodeAt(b64.length - 1 - pad) === 61 /* = */) pad++;
  return Math.floor((b64.length * 3) / 4) - pad;
}

/**
 * A payload's fields, quotes taken off: the precision, the type the values
 * travel in, anything more the header says (an error), the shape and the
 * base64; undefined for an answer that is not a payload.
 */
function payloadFields(text: string) {
  const body = unquote(text, PAYLOAD_TAG);
  if (body === undefined) return undefined;
  const [header = '', shape = '', b64 = ''] = body.split(' ');
  const [d = '', sent = d, extra] = header.split('/');
  return { header, d, sent, extra, shape, b64 };
}

/** A payload of a few values, decoded on its own (PayloadDecoder makes room for the whole shape its header gives). */
export interface PayloadSample {
  /** Precision and shape, as the header gives them. */
  header: string;
  values: Float64Array;
}

export function payloadSample(answer: string): PayloadSample | undefined {
  const fields = payloadFields(answer);
  if (!fields || !isWireType(fields.sent)) return undefined;
  const { d, sent, shape, b64 } = fields;
  const [width, View] = WIRE_TYPES[sent];
  // A copy of its own, at offset 0 (a Buffer's slice would be a view into a shared pool).
  const bytes = new Uint8Array(base64Bytes(b64));
  if (bytes.byteLength % width !== 0) return undefined;
  return { header: `${d} ${shape}`, values: Float64Array.from(new View(bytes.buffer, 0, bytes.byteLength / width)) };
}

/** Decodes a payload string (as the debugger returns it, quotes and all), or the chunks of one value in order. */
export function decodePayload(text: string | readonly string[]): Decoded {
  const decoder = new PayloadDecoder();
  for (const t of typeof text === 'string' ? [text] : text) {
    const error = decoder.add(t);
    if (error) return { ok: false, error };
  }
  return decoder.finish();
}

/** The types a part may travel in (PY_WIRE, JS_WIRE): bytes per value and the typed array that reads them. */
const WIRE_TYPES = {
  f4: [4, Float32Array],
  f8: [8, Float64Array],
  u1: [1, Uint8Array],
  i1: [1, Int8Array],
  i2: [2, Int16Array],
  i4: [4, Int32Array],
} as const;
type WireType = keyof typeof WIRE_TYPES;
const isWireType = (w: string): w is WireType => Object.hasOwn(WIRE_TYPES, w);

/**
 * A value's payload decoded part by part as the debugger answers, into one
 * Float64Array allocated at the first part (whose header gives the shape):
 * each part is decoded while the next is awaited, so no single step holds the
 * thread for the whole value, and narrower types widen in one native copy
 * per part. Every part carries the value's precision (`f4`, `f8`) and shape,
 * which must not change, and the type it travels in (`f8/u1`), which may.
 */
export class PayloadDecoder {
  private dtype: 'f4' | 'f8' | undefined;
  private shapeText: string | undefined;
  private shape: number[] | undefined;
  private data: Float64Array | undefined;
  private filled = 0;
  private bytes = 0;
  /** A part whose bytes were not whole values, or more than the shape holds. */
  private malformed = false;
  private scratch: Uint8Array | undefined;

  /** Values decoded so far. */
  get decoded(): number {
    return this.filled;
  }

  /**
   * Whether a small payload (payloadSample) is the start of this value: the
   * same precision and shape, and each of its values, bit for bit, among
   * those decoded so far.
   */
  startsWith(sample: PayloadSample): boolean {
    const n = sample.values.length;
    if (!this.data || `${this.dtype} ${this.shapeText}` !== sample.header || n === 0 || n > this.filled) return false;
    const mine = new Uint8Array(this.data.buffer, this.data.byteOffset, n * 8);
    const theirs = new Uint8Array(sample.values.buffer, 0, n * 8);
    return mine.every((b, i) => b === theirs[i]);
  }

  /** Adds the next part; returns what is wrong with it, if anything. */
  add(text: string): string | undefined {
    const fields = payloadFields(text);
    if (!fields) return 'the debugger did not return the expected payload';
    const { header, d, sent, extra, shape: sh, b64 } = fields;
    if (this.dtype !== undefined && (d !== this.dtype || sh !== this.shapeText))
      return 'the value changed between two reads of its parts';
    if ((d !== 'f4' && d !== 'f8') || !isWireType(sent) || extra !== undefined)
      return `unreadable payload header "${header} ${sh}"`;
    if (this.dtype === undefined) {
      const shape = parseShape(sh);
      if (!shape) return `unreadable payload header "${header} ${sh}"`;
      if (shape.length === 0) return 'it is a scalar, not an array';
      const elements = shape.reduce((n, k) => n * k, 1);
      // The header comes from the program: a shape it cannot back with bytes must not allocate.
      if (elements > MAX_ELEMENTS)
        return `it holds ${elements.toLocaleString('en-US')} values, more than the ${MAX_ELEMENTS.toLocaleString('en-US')} a read can take`;
      this.dtype = d;
      this.shapeText = sh;
      this.shape = shape;
      this.data = new Float64Array(elements);
    }
    const [width, View] = WIRE_TYPES[sent];
    const data = this.data!;
    const B = nodeBuffer();
    const expected = decodedLength(b64);
    if (B && width === 8 && expected <= (data.length - this.filled) * 8) {
      // Straight into the values, no bytes in between (a third of the decode of 10^7 float64).
      const written = decodeInto(B, b64, data.buffer, data.byteOffset + this.filled * 8, expected);
      this.bytes += written;
      if (written % 8 === 0) this.filled += written / 8;
      else this.malformed = true;
      return undefined;
    }
    let bytes: Uint8Array;
    if (B) {
      // Narrower parts are widened from one reused buffer: no fresh memory per part.
      if (!this.scratch || this.scratch.byteLength < expected) this.scratch = new Uint8Array(expected);
      bytes = this.scratch.subarray(0, decodeInto(B, b64, this.scratch.buffer, 0, expected));
    } else bytes = base64Bytes(b64);
    this.bytes += bytes.byteLength;
    const count = Math.floor(bytes.byteLength / width);
    if (count * width !== bytes.byteLength || this.filled + count > data.length) {
      this.malformed = true; // said by finish
      return undefined;
    }
    // Typed arrays need aligned offsets; Node's pooled buffers may not be.
    if (bytes.byteOffset % width !== 0) bytes = bytes.slice();
    data.set(new View(bytes.buffer as ArrayBuffer, bytes.byteOffset, count), this.filled);
    this.filled += count;
    return undefined;
  }

  finish(): Decoded {
    if (!this.data || !this.shape) return { ok: false, error: 'the debugger did not return the expected payload' };
    if (this.malformed || this.filled !== this.data.length)
      return {
        ok: false,
        error: `the debugger returned ${this.bytes} bytes for ${this.data.length} values: the value was cut short`,
      };
    return { ok: true, value: { dtype: this.dtype!, shape: rowsShape(this.shape), data: this.data } };
  }
}

/** More than two dimensions: rows of the last one (a (batch, time, classes) tensor is batch × time rows). */
function rowsShape(shape: number[]): number[] {
  if (shape.length <= 2) return shape;
  const last = shape[shape.length - 1]!;
  return [shape.slice(0, -1).reduce((n, d) => n * d, 1), last];
}

/**
 * The fallback for adapters without a wrapper: the numeric list the debugger
 * printed (`[0.25, 0.6, 0.15]`, `array([...], dtype=float32)`, `tensor([[…]])`,
 * gdb's `{0.25, 0.6, 0.15}`, R's `[1] 0.25 0.6 0.15`, Julia's
 * `3-element Vector{Float64}:` and one value a line, NumPy's `[0.25 0.6 0.15]`),
 * read by the array finder. A summarised printout (`...`) is refused.
 */
export function decodePrinted(text: string): Decoded {
  const trimmed = text.trim();
  if (/\.\.\.|…/.test(trimmed))
    return { ok: false, error: 'the debugger printed a summary (…), not every value: nothing was computed on it' };
  // js-debug prints a length first (`(3) [0.25, 0.6, 0.15]`, `Float32Array(3) […]`), which would read as a subscript.
  const body = trimmed.replace(/^[\w$]*\(\d+\)\s*/, '');
  let a: FoundArray | undefined;
  for (const languageId of printedReadings(body)) {
    a = largestArray(findArrays(body, languageId, { maxElements: Number.MAX_SAFE_INTEGER, maxArrays: 4 }).arrays);
    if (a) break;
  }
  if (!a) return { ok: false, error: `the debugger printed ${preview(trimmed)}, not a numeric list` };
  if (a.issues.length > 0) return { ok: false, error: a.issues[0]! };
  const flat = a.shape.length === 2 ? (a.values as number[][]).flat() : (a.values as number[]);
  return { ok: true, value: { dtype: 'f8', shape: [...a.shape], data: Float64Array.from(flat) } };
}

/**
 * The languages a printout is read as, in turn until one finds an array: a
 * REPL's printout (R's `[1]`, which a list reading takes for the value
 * `[1]`, Julia's `-element`, Octave's `x =`) only as text; else as Python
 * (lists, reprs), then text (space-separated values in brackets), then C
 * (braces). A reading that needs a bracket the text lacks is skipped: each is
 * a pass of the finder over the whole printout, on the extension host's thread.
 */
function printedReadings(text: string): readonly string[] {
  if (/^\s*\[1\]\s|-element |×| =\n/m.test(text)) return ['plaintext'];
  return ['python', ...(text.includes('[') ? ['plaintext'] : []), ...(text.includes('{') ? ['cpp'] : [])];
}

function largestArray(arrays: readonly FoundArray[]): FoundArray | undefined {
  return arrays.reduce<FoundArray | undefined>(
    (best, x) => (best === undefined || elementCount(x.values) > elementCount(best.values) ? x : best),
    undefined,
  );
}

function elementCount(values: number[] | number[][]): number {
  return values.reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 1), 0);
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text || 'nothing';
}

/** The values without a copy: the array itself, or rows that are views of it. */
export function typedValues(value: LiveArray): TypedValues {
  const { data, shape } = value;
  if (shape.length === 1) return data;
  const [rows, cols] = shape as [number, number];
  return Array.from({ length: rows }, (_, r) => data.subarray(r * cols, (r + 1) * cols));
}

/** The values as plain arrays (what the framework emulators take): a list, or rows. */
export function toValues(value: LiveArray): number[] | number[][] {
  return plainValues(typedValues(value));
}
