// The fuzz campaign of the core's public surface, shared by the unit suite (a
// seeded slice, fuzz.test.ts) and `npm run fuzz` (scripts/fuzz.mjs, 10^6 inputs).
// Every call gets hostile arguments - wrong types, null, BigInts, "__proto__"
// keys, huge and negative lengths, deep nesting, sparse and typed arrays of
// every kind, NaN / ±0 / ±Infinity / subnormals - mixed with valid ones, and
// must keep these properties:
//   - only CoreError is thrown (classify, entropyOf, softplus, sigmoid: nothing);
//   - a call returns within its budget (no hang);
//   - a returned value never holds NaN (valid input never gives NaN);
//   - an error's message is at most MAX_MESSAGE long, and an element problem
//     (NON_FINITE, NEGATIVE) names the array it is in.
import fc from 'fast-check';
import * as core from '../../../../src/core';
import { MAX_MESSAGE } from '../../../../src/core/errors';

/** One failure: which property, on which call, with a short rendering of the arguments. */
export interface Finding {
  property: string;
  fn: string;
  detail: string;
  args: string;
}

export interface CampaignResult {
  runs: number;
  calls: number;
  /** Calls per outcome: returned, or the CoreError code thrown. */
  outcomes: Record<string, number>;
  /** Calls per function (evaluate:… per fn it was asked for). */
  tried: Record<string, number>;
  findings: Finding[];
  slowestMs: number;
  slowestFn: string;
}

/** Longest a call may take on these small inputs (ms): a loaded 2-core machine, and GC pauses. */
const BUDGET_MS = 250;

// --- Values ------------------------------------------------------------------------------

const specials = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2.2250738585072014e-308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e-310,
  1e308,
  -1e308,
  1 - 2 ** -53,
  2 ** 53,
  1e9,
  -100,
);
const number = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: specials },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 12 }) },
);
const odd = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    'Infinity',
    '-Infinity',
    'NaN',
    '0.5',
    '',
    'x'.repeat(500),
    10n,
    -1n,
    {},
    [],
    () => 1,
  ),
  fc.bigInt(),
  fc.string({ maxLength: 8 }),
);
const element = fc.oneof({ weight: 12, arbitrary: number }, { weight: 1, arbitrary: odd });

/** A distribution (sums to 1 within rounding), so that much of the input is valid. */
const dist = (n: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((w) => {
    const s = w.reduce((a, b) => a + b, 0);
    return s > 0 ? w.map((x) => x / s) : w.map((_, i) => (i === 0 ? 1 : 0));
  });
const logits = (n: number) =>
  fc.array(
    fc.oneof(
      { weight: 9, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
      { weight: 1, arbitrary: specials },
    ),
    { minLength: n, maxLength: n },
  );

const TYPED = [
  Float64Array,
  Float32Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
] as const;

/** A 1-D input of width n: plain, typed (every kind), sparse, strings, or broken. */
function vector(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: dist(n) },
    { weight: 3, arbitrary: logits(n) },
    { weight: 3, arbitrary: fc.array(element, { minLength: n, maxLength: n }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(dist(n), fc.integer({ min: 0, max: TYPED.length - 1 }))
        .map(([v, k]) => TYPED[k]!.from(v.map((x) => x * (k > 1 ? 10 : 1)))),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.bigInt({ min: -5n, max: 5n }), { minLength: n, maxLength: n })
        .map((v) => BigInt64Array.from(v)),
    },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { minLength: n, maxLength: n }) },
    {
      weight: 1,
      arbitrary: dist(n).map((v) => {
        const s = v.slice();
        delete s[Math.floor(s.length / 2)];
        return s;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { length: 1e15 },
        { length: 1e15, 0: 0.5 },
        { length: -1 },
        { length: 2.5, 0: 1 },
        { length: NaN },
        { length: 2 ** 32 - 1 },
        sparse(),
        sparse(0.5),
        'abc',
        5,
        null,
        undefined,
        {},
      ),
    },
  );
}

/** A sparse array of length 2^32 - 1, with `first` at index 0 when given. */
function sparse(first?: number): unknown[] {
  const a: unknown[] = [];
  a.length = 2 ** 32 - 1;
  if (first !== undefined) a[0] = first;
  return a;
}

/** Nested `depth` deep around a small distribution. */
const deep = fc.integer({ min: 3, max: 20000 }).map((depth) => {
  let v: unknown = [0.5, 0.5];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
});

/** An input of C columns: 1-D, or N rows (sometimes ragged or mixed), or deep. */
function input(C: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: vector(C) },
    {
      weight: 5,
      arbitrary: fc.integer({ min: 1, max: 4 }).chain((N) => fc.array(vector(C), { minLength: N, maxLength: N })),
    },
    { weight: 1, arbitrary: fc.tuple(vector(C), vector(C + 1)).map(([a, b]) => [a, b]) },
    { weight: 1, arbitrary: fc.tuple(vector(C), number).map(([a, b]) => [a, b]) },
    { weight: 1, arbitrary: deep },
  );
}

const optionValue = fc.oneof(
  fc.constantFrom<unknown>(
    'mean',
    'sum',
    'none',
    'bogus',
    true,
    false,
    2,
    10,
    0.5,
    1,
    0,
    -1,
    NaN,
    Infinity,
    1e-7,
    0.1,
    -100,
    3,
    null,
    10n,
    'logits',
    'probabilities',
    'auto',
    'figures',
    [1, 2],
    [0.5, 1.5],
  ),
  number,
);
const OPTION_NAMES = [
  'base',
  'normalize',
  'reduction',
  'fromLogits',
  'weight',
  'posWeight',
  'eps',
  'ignoreIndex',
  'labelSmoothing',
  'prediction',
  'detail',
  'bse',
  'constructor',
  'toString',
];

/** Options: undefined, null, a non-object, or a record of known and unknown names (sometimes with a "__proto__" own key). */
const options = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...OPTION_NAMES), optionValue, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom(...OPTION_NAMES), optionValue, { maxKeys: 2 }).map((o) => withProto(o)),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, 'sum', [], 10n) },
);

/** `{...o, "__proto__": {base: 2, fromLogits: true}}` as JSON.parse makes it: an own key. */
function withProto(o: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify({ ...o, ['__proto__' as string]: undefined }, (_k, v: unknown) =>
    typeof v === 'bigint' ? 1 : v,
  );
  const body = text.slice(1, -1);
  return JSON.parse(
    `{${body}${body ? ',' : ''}"__proto__": {"base": 2, "fromLogits": true, "reduction": "none"}}`,
  ) as Record<string, unknown>;
}

// --- Calls -------------------------------------------------------------------------------

type Call = { fn: string; run: () => unknown; args: unknown[]; neverThrows?: boolean };

const width = fc.integer({ min: 1, max: 8 });

/** One call of a public function on generated arguments. */
const call: fc.Arbitrary<Call> = width.chain((C) =>
  fc.oneof(
    fc
      .tuple(input(C), options)
      .map(([p, o]) => ({ fn: 'entropy', run: () => core.entropy(p as never, o as never), args: [p, o] })),
    fc
      .tuple(fc.constantFrom('crossEntropy', 'klDivergence', 'jsDivergence'), input(C), input(C), options)
      .map(([fn, p, q, o]) => ({
        fn,
        run: () => core[fn as 'crossEntropy'](p as never, q as never, o as never),
        args: [p, q, o],
      })),
    fc
      .tuple(fc.constantFrom('logSumExp', 'softmax', 'logSoftmax'), input(C))
      .map(([fn, x]) => ({ fn, run: () => core[fn as 'softmax'](x as never), args: [x] })),
    fc.tuple(input(C), input(C), options).map(([t, x, o]) => ({
      fn: 'binaryCrossEntropy',
      run: () => readAll(core.binaryCrossEntropy(t as never, x as never, o as never)),
      args: [t, x, o],
    })),
    fc.tuple(fc.oneof(vector(2), input(C)), input(C), options).map(([t, x, o]) => ({
      fn: 'categoricalCrossEntropy',
      run: () => readAll(core.categoricalCrossEntropy(t as never, x as never, o as never)),
      args: [t, x, o],
    })),
    fc.tuple(fc.oneof(vector(1), input(C)), input(C), options).map(([t, x, o]) => ({
      fn: 'analyze',
      run: () => core.analyze(t as never, x as never, o as never),
      args: [t, x, o],
    })),
    input(C).map((x) => ({ fn: 'classify', run: () => core.classify(x as never), args: [x], neverThrows: true })),
    input(C).map((x) => ({ fn: 'entropyOf', run: () => core.entropyOf(x as never), args: [x], neverThrows: true })),
    fc
      .tuple(fc.constantFrom('softplus', 'sigmoid'), fc.double({ noNaN: true }))
      .map(([fn, z]) => ({ fn, run: () => core[fn as 'softplus'](z), args: [z], neverThrows: true })),
    fc
      .tuple(fc.constantFrom(...core.FUNCTION_NAMES, 'nope', '__proto__'), input(C), input(C), options)
      .map(([fn, a, b, o]) => {
        const names =
          fn === 'logSumExp' || fn === 'softmax' || fn === 'logSoftmax'
            ? ['x']
            : fn.endsWith('CrossEntropy')
              ? ['target', 'input']
              : ['p', 'q'];
        const args: Record<string, unknown> =
          o !== null && typeof o === 'object' && !Array.isArray(o) ? { ...(o as object) } : {};
        if (o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, '__proto__'))
          Object.defineProperty(args, '__proto__', {
            value: (o as Record<string, unknown>)['__proto__'],
            enumerable: true,
          });
        args[names[0]!] = a;
        if (names[1]) args[names[1]] = b;
        return { fn: `evaluate:${fn}`, run: () => core.evaluate({ fn, args }), args: [fn, args] };
      }),
  ),
);

function readAll(r: { value: unknown; grad?: unknown }): unknown {
  return { value: r.value, grad: r.grad };
}

// --- Properties --------------------------------------------------------------------------

/** Where a NaN is in a result (a path), or '' - with a cap on how much is walked. */
function nanIn(x: unknown, path = '', budget = { left: 100_000 }): string {
  if (budget.left-- <= 0) return '';
  if (typeof x === 'number') return Number.isNaN(x) ? path || 'value' : '';
  if (x === null || typeof x !== 'object') return '';
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const a = x as ArrayLike<unknown>;
    for (let i = 0; i < a.length; i++) {
      const p = nanIn(a[i], `${path}[${i}]`, budget);
      if (p) return p;
    }
    return '';
  }
  for (const [k, v] of Object.entries(x)) {
    const p = nanIn(v, `${path}.${k}`, budget);
    if (p) return p;
  }
  return '';
}

/** A short rendering of arguments for a report. */
export function render(args: unknown[]): string {
  const r = (v: unknown, d: number): string => {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
    if (typeof v === 'function') return 'fn';
    if (v === null || v === undefined) return String(v);
    if (d > 3) return '…';
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const a = v as ArrayLike<unknown>;
      if (a.length > 12) return `${ArrayBuffer.isView(v) ? v.constructor.name : 'Array'}(${a.length})`;
      const body = Array.from({ length: a.length }, (_, i) =>
        Array.isArray(v) && !(i in v) ? '<hole>' : r(a[i], d + 1),
      ).join(', ');
      return ArrayBuffer.isView(v) ? `${v.constructor.name}[${body}]` : `[${body}]`;
    }
    return `{${Object.keys(v)
      .slice(0, 6)
      .map((k) => `${JSON.stringify(k)}: ${r((v as Record<string, unknown>)[k], d + 1)}`)
      .join(', ')}}`;
  };
  const s = args.map((a) => r(a, 0)).join(', ');
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
}

const ELEMENT_NAMES = /^(p|q|x|target|input|prediction|weight|posWeight)\b/;

/** Runs one call and returns what it broke ('' when nothing). */
function check(c: Call, result: CampaignResult): Finding | undefined {
  const t0 = performance.now();
  let value: unknown,
    thrown: unknown,
    threw = false;
  try {
    value = c.run();
  } catch (e) {
    thrown = e;
    threw = true;
  }
  const ms = performance.now() - t0;
  if (ms > result.slowestMs) {
    result.slowestMs = ms;
    result.slowestFn = c.fn;
  }
  const finding = (property: string, detail: string): Finding => ({ property, fn: c.fn, detail, args: render(c.args) });
  // Over budget: timed once more, so that a GC pause or a starved CPU (6 jobs on 2 cores) is not taken for a
  // hang, which repeats.
  if (ms > BUDGET_MS) {
    const t1 = performance.now();
    try {
      c.run();
    } catch {
      /* the outcome was checked on the first run */
    }
    const again = performance.now() - t1;
    if (again > BUDGET_MS) return finding('budget', `${ms.toFixed(0)} ms, then ${again.toFixed(0)} ms`);
  }
  if (threw) {
    if (!(thrown instanceof core.CoreError)) {
      return finding(
        c.neverThrows ? 'never throws' : 'only CoreError',
        `${(thrown as Error)?.name}: ${String((thrown as Error)?.message).slice(0, 200)}`,
      );
    }
    if (c.neverThrows) return finding('never throws', `${thrown.code}: ${thrown.message}`);
    result.outcomes[thrown.code] = (result.outcomes[thrown.code] ?? 0) + 1;
    if (thrown.message.length > MAX_MESSAGE) return finding('message cap', `${thrown.message.length} characters`);
    if ((thrown.code === 'NON_FINITE' || thrown.code === 'NEGATIVE') && !ELEMENT_NAMES.test(thrown.message))
      return finding('names the element', thrown.message);
    return undefined;
  }
  result.outcomes['returned'] = (result.outcomes['returned'] ?? 0) + 1;
  const nan = nanIn(value);
  if (nan) return finding('no NaN', `NaN at ${nan}`);
  return undefined;
}

/**
 * runCampaign(runs, seed, onFinding?) -> CampaignResult
 *
 * `runs` generated calls from `seed`; each finding is recorded (and passed to
 * onFinding as it happens) and the campaign goes on.
 */
export function runCampaign(runs: number, seed: number, onFinding?: (f: Finding) => void): CampaignResult {
  const result: CampaignResult = { runs, calls: 0, outcomes: {}, tried: {}, findings: [], slowestMs: 0, slowestFn: '' };
  const seen = new Set<string>();
  fc.assert(
    fc.property(call, (c) => {
      result.calls++;
      result.tried[c.fn] = (result.tried[c.fn] ?? 0) + 1;
      const f = check(c, result);
      if (f) {
        const key = `${f.property}|${f.fn}|${f.detail.replace(/[\d.e+-]+/g, '#').slice(0, 80)}`;
        if (!seen.has(key)) {
          seen.add(key);
          result.findings.push(f);
          onFinding?.(f);
        }
      }
      return true;
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return result;
}
