// The fuzz campaign of the visualizer protocol's validators (src/protocol), both
// directions, shared by the unit suite (a seeded slice, fuzz.test.ts) and
// `npm run fuzz -- protocol` (scripts/fuzz.mjs, 10^6 messages). Messages are
// valid ones, then broken: a field replaced by a wrong type, NaN, a BigInt, a
// huge or sparse array, a hole, a deep nesting, a long string; unknown kinds;
// extra and "__proto__" keys; inherited fields. Properties:
//   - a validator never throws, and returns within its budget (no hang);
//   - a rejection says where and what ("pair.target[2]: …"), in a short message;
//   - an accepted message is a fresh plain object with exactly the fields of its
//     kind, each of the declared type, within the caps (MAX_CLASSES, MAX_ROWS,
//     MAX_VALUES, MAX_TEXT), with no hole; validating it again gives it back;
//   - the message validated is not changed.
import fc from 'fast-check';
import {
  MAX_CLASSES,
  MAX_ROWS,
  MAX_TEXT,
  MAX_VALUES,
  validateHostMessage,
  validateWebviewMessage,
  type Validated,
} from '../../../src/protocol/visualizer';

export interface Finding {
  property: string;
  fn: string;
  detail: string;
  args: string;
}

export interface CampaignResult {
  runs: number;
  calls: number;
  /** Messages per outcome: accepted, or rejected. */
  outcomes: Record<string, number>;
  /** Messages per direction and kind asked for. */
  tried: Record<string, number>;
  findings: Finding[];
  slowestMs: number;
  slowestFn: string;
}

/** Longest one validation may take (ms), on a loaded 2-core machine with GC pauses. */
const BUDGET_MS = 250;
const MAX_ERROR = 300;

// --- Values ------------------------------------------------------------------------------

function sparse(length: number, first?: unknown): unknown[] {
  const a: unknown[] = [];
  a.length = length;
  if (first !== undefined) a[0] = first;
  return a;
}
function nested(depth: number): unknown {
  let v: unknown = [0.5];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
const LONG = 'x'.repeat(MAX_TEXT + 1); // one string, shared: the cap's edge without 20 MB per message

const hostile = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    0,
    -1,
    NaN,
    Infinity,
    -Infinity,
    1e300,
    2 ** 53,
    0.5,
    '',
    'Infinity',
    'NaN',
    '0.5',
    10n,
    -1n,
    {},
    [],
    [[]],
    'x'.repeat(5000),
    LONG,
    new Float64Array([0.5, 0.5]),
    new BigInt64Array([1n]),
    new Map([['type', 'ready']]),
    new Date(0),
  ),
  fc.constantFrom(2, 65, 1000, 100_000).map(nested),
  // Made once and shared: mutations never write into arrays this long (slots).
  fc.constantFrom(
    sparse(2 ** 32 - 1),
    sparse(MAX_CLASSES + 1),
    sparse(MAX_ROWS + 1),
    sparse(1e6),
    sparse(2 ** 32 - 1, [0.5, 0.5]),
    sparse(MAX_ROWS + 1, [0.5, 0.5]),
    new Array<number>(MAX_CLASSES + 1).fill(0.5),
    new Array<number>(MAX_ROWS + 1).fill(0.5),
  ),
  fc.integer({ min: 1, max: 3 }).map((h) => {
    const a: unknown[] = [0.5, 0.5, 0.5];
    delete a[h - 1];
    return a;
  }),
  fc.string({ maxLength: 12 }),
  fc.bigInt(),
  fc.double(),
);

const num = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('Infinity', '-Infinity', 'NaN', NaN, -0) },
);
const vec = (n: number) => fc.array(num, { minLength: n, maxLength: n });
const values = fc.oneof(
  fc.integer({ min: 1, max: 8 }).chain(vec),
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
    .chain(([N, C]) => fc.array(vec(C), { minLength: N, maxLength: N })),
);
/** Row 0 of 1 and 9 999 rows of 4 096: within MAX_VALUES by row 0, 41·10^6 values if the rows were copied. */
const WIDE = new Array<number>(MAX_CLASSES).fill(0.5);
const RAGGED = Array.from({ length: MAX_ROWS }, (_, i) => (i === 0 ? [0.5] : WIDE));
const pos = fc.record({ line: fc.nat({ max: 10_000 }), character: fc.nat({ max: 500 }) });
const range = fc.record({ start: pos, end: pos });
const uri = fc.constantFrom('file:///a.py', 'untitled:Untitled-1', 'vscode-notebook-cell:/b.ipynb#W1');
const source = fc.record(
  { uri, targetRange: range, predictionRange: range, rowRanges: fc.array(range, { maxLength: 3 }) },
  { requiredKeys: ['uri'] },
);
const pair = fc.record(
  {
    target: values,
    prediction: values,
    predictionKind: fc.constantFrom('probabilities', 'logits'),
    label: fc.string({ maxLength: 20 }),
    source,
  },
  { requiredKeys: ['target', 'prediction'] },
);

const hostMessage = fc.oneof(
  fc.record({ type: fc.constant('showPair'), pair }),
  fc.record({
    type: fc.constantFrom('exportResult'),
    format: fc.constantFrom('svg', 'png'),
    ok: fc.boolean(),
    detail: fc.string({ maxLength: 30 }),
  }),
  fc.record({
    type: fc.constantFrom('copyResult'),
    format: fc.constantFrom('csv', 'markdown'),
    ok: fc.boolean(),
    detail: fc.string({ maxLength: 30 }),
  }),
);
const fileName = fc.stringMatching(/^[\w.-]{1,20}$/);
const webviewMessage = fc.oneof(
  fc.constant({ type: 'ready' }),
  fc.record({
    type: fc.constant('saveFigure'),
    format: fc.constant('svg'),
    svg: fc.constant('<svg/>'),
    suggestedName: fileName,
  }),
  fc.record({
    type: fc.constant('saveFigure'),
    format: fc.constant('png'),
    pngBase64: fc.stringMatching(/^[A-Za-z0-9+/]{1,40}={0,2}$/),
    suggestedName: fileName,
  }),
  fc.record({
    type: fc.constant('copyData'),
    format: fc.constantFrom('csv', 'markdown'),
    text: fc.string({ maxLength: 40 }),
  }),
  fc.record({ type: fc.constant('reveal'), uri, range }),
  fc.record({
    type: fc.constant('log'),
    level: fc.constantFrom('info', 'warn', 'error'),
    message: fc.string({ maxLength: 40 }),
  }),
);

// --- Breaking a valid message ------------------------------------------------------------

/** Every [holder, key] in a message down to a few levels: the places a mutation may hit. */
function slots(
  v: unknown,
  depth = 0,
  out: [Record<string, unknown>, string][] = [],
): [Record<string, unknown>, string][] {
  if (depth > 4 || v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return out;
  const o = v as Record<string, unknown>;
  if (Array.isArray(v) && v.length > 8) return out; // the shared long arrays above stay as they are
  const keys = Object.keys(v);
  for (const k of keys) {
    out.push([o, k]);
    slots(o[k], depth + 1, out);
  }
  return out;
}

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'proto' }
  | { kind: 'inherit' }
  | { kind: 'unknownType'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostile }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: fc.constantFrom('constructor', 'toString', 'code', 'x', 'then'),
      value: hostile,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'proto' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'inherit' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknownType' as const),
      value: fc.oneof(hostile, fc.constantFrom('runScript', 'eval', '__proto__', 'constructor', 'READY', 'ready ')),
    }),
  },
);

/** Applies mutations to a fresh copy of a message. */
function broken(msg: Record<string, unknown>, ms: Mutation[]): unknown {
  let m: unknown = structuredClone(msg);
  for (const mu of ms) {
    if (m === null || typeof m !== 'object') break;
    const all = slots(m);
    switch (mu.kind) {
      case 'replace':
        if (all.length) {
          const [o, k] = all[mu.at % all.length]!;
          o[k] = mu.value;
        } else m = mu.value;
        break;
      case 'delete':
        if (all.length) {
          const [o, k] = all[mu.at % all.length]!;
          delete o[k];
        }
        break;
      case 'extra':
        (m as Record<string, unknown>)[mu.key] = mu.value;
        break;
      case 'proto': {
        // As JSON.parse makes it: an own "__proto__" key holding a smuggled message.
        const text = fingerprint(m);
        if (text && text.startsWith('{') && text.length < 1e5)
          m = JSON.parse(
            `{"__proto__": {"type": "reveal", "format": "png", "ok": true}, ${text.slice(1)}`.replace(/, }$/, '}'),
          );
        break;
      }
      case 'inherit':
        // Fields only on the prototype: not a message that can cross postMessage, and not one to act on.
        m = Object.create(m as object);
        break;
      case 'unknownType':
        (m as Record<string, unknown>)['type'] = mu.value;
        break;
    }
  }
  return m;
}

// --- Properties --------------------------------------------------------------------------

const isNum = (v: unknown) => typeof v === 'number';
const isNat = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isStr = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** Own keys of a fresh plain object, exactly `required` plus some of `optional`; '' or what is wrong. */
function plain(v: unknown, required: string[], optional: string[] = []): string {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'not an object';
  if (Object.getPrototypeOf(v) !== Object.prototype) return 'not a plain object';
  const keys = Reflect.ownKeys(v).map(String);
  for (const k of required) if (!keys.includes(k)) return `no ${k}`;
  for (const k of keys) if (!required.includes(k) && !optional.includes(k)) return `extra key ${k}`;
  return '';
}

function dense(v: unknown, max: number, ok: (x: unknown) => boolean): string {
  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return 'not an array';
  if (v.length === 0 || v.length > max) return `length ${v.length}`;
  for (let i = 0; i < v.length; i++) {
    if (!(i in v)) return `hole at ${i}`;
    if (!ok(v[i])) return `bad element ${i}`;
  }
  return '';
}

function rangeProblem(v: unknown): string {
  const p = plain(v, ['start', 'end']);
  if (p) return p;
  for (const k of ['start', 'end'] as const) {
    const q = (v as Record<string, unknown>)[k];
    const pp = plain(q, ['line', 'character']);
    if (pp) return `${k}: ${pp}`;
    const r = q as Record<string, unknown>;
    if (!isNat(r['line']) || !isNat(r['character'])) return `${k}: not natural`;
  }
  return '';
}

function valuesProblem(v: unknown): string {
  if (!Array.isArray(v)) return 'not an array';
  if (Array.isArray(v[0])) {
    const w = (v[0] as unknown[]).length;
    if (v.length * w > MAX_VALUES) return 'more than MAX_VALUES';
    return dense(v, MAX_ROWS, (row) => Array.isArray(row) && row.length === w && !dense(row, MAX_CLASSES, isNum));
  }
  return dense(v, MAX_CLASSES, isNum);
}

/** What is wrong with an accepted message, '' when it is what its type says. */
function acceptedProblem(v: unknown, direction: 'host' | 'webview'): string {
  const t = (v as { type?: unknown } | null)?.type;
  const m = v as Record<string, unknown>;
  if (direction === 'host') {
    switch (t) {
      case 'showPair': {
        const p = plain(v, ['type', 'pair']);
        if (p) return p;
        const pr = m['pair'] as Record<string, unknown>;
        const pp = plain(pr, ['target', 'prediction'], ['predictionKind', 'label', 'source']);
        if (pp) return `pair: ${pp}`;
        const vt = valuesProblem(pr['target']) || valuesProblem(pr['prediction']);
        if (vt) return `pair values: ${vt}`;
        if ('predictionKind' in pr && pr['predictionKind'] !== 'probabilities' && pr['predictionKind'] !== 'logits')
          return 'predictionKind';
        if ('label' in pr && !isStr(pr['label'], 500)) return 'label';
        if ('source' in pr) {
          const s = pr['source'] as Record<string, unknown>;
          const ps = plain(s, ['uri'], ['targetRange', 'predictionRange', 'rowRanges']);
          if (ps) return `source: ${ps}`;
          if (!isStr(s['uri'], 8192) || s['uri'] === '') return 'source.uri';
          for (const k of ['targetRange', 'predictionRange'])
            if (k in s && rangeProblem(s[k])) return `source.${k}: ${rangeProblem(s[k])}`;
          if ('rowRanges' in s) {
            const rr = s['rowRanges'];
            if (!Array.isArray(rr) || rr.length > MAX_ROWS) return 'rowRanges';
            for (let i = 0; i < rr.length; i++) if (!(i in rr) || rangeProblem(rr[i])) return `rowRanges[${i}]`;
          }
        }
        return '';
      }
      case 'exportResult':
      case 'copyResult': {
        const p = plain(v, ['type', 'format', 'ok', 'detail']);
        if (p) return p;
        const formats = t === 'exportResult' ? ['svg', 'png'] : ['csv', 'markdown'];
        if (!formats.includes(m['format'] as string)) return 'format';
        if (typeof m['ok'] !== 'boolean' || !isStr(m['detail'], 4096)) return 'ok/detail';
        return '';
      }
    }
    return `unknown type accepted: ${String(t).slice(0, 20)}`;
  }
  switch (t) {
    case 'ready':
      return plain(v, ['type']);
    case 'saveFigure': {
      const data = m['format'] === 'svg' ? 'svg' : 'pngBase64';
      const p = plain(v, ['type', 'format', data, 'suggestedName']);
      if (p) return p;
      if (!isStr(m[data], MAX_TEXT)) return data;
      if (!/^[\w.-]{1,100}$/.test(m['suggestedName'] as string)) return 'suggestedName';
      return '';
    }
    case 'copyData': {
      const p = plain(v, ['type', 'format', 'text']);
      if (p) return p;
      if ((m['format'] !== 'csv' && m['format'] !== 'markdown') || !isStr(m['text'], MAX_TEXT)) return 'format/text';
      return '';
    }
    case 'reveal': {
      const p = plain(v, ['type', 'uri', 'range']);
      if (p) return p;
      if (!isStr(m['uri'], 8192) || m['uri'] === '') return 'uri';
      return rangeProblem(m['range']);
    }
    case 'log': {
      const p = plain(v, ['type', 'level', 'message']);
      if (p) return p;
      if (!['info', 'warn', 'error'].includes(m['level'] as string) || !isStr(m['message'], 4096))
        return 'level/message';
      return '';
    }
  }
  return `unknown type accepted: ${String(t).slice(0, 20)}`;
}

/** A fingerprint of a message to see that validation left it as it was ('' when it cannot be taken). */
function fingerprint(v: unknown): string {
  let nodes = 0;
  try {
    return (
      JSON.stringify(v, (_k, x: unknown) => {
        const big = (typeof x === 'string' || Array.isArray(x)) && x.length > 1e4;
        if (++nodes > 1e4 || big) throw new Error('too large to compare');
        return typeof x === 'bigint' ? `${x}n` : x;
      }) ?? ''
    );
  } catch {
    return ''; // too large, or deep nesting (JSON.stringify recurses)
  }
}

/** A short rendering of a message for a report. */
export function render(v: unknown): string {
  const r = (x: unknown, d: number): string => {
    if (typeof x === 'bigint') return `${x}n`;
    if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
    if (typeof x === 'string') return JSON.stringify(x.length > 20 ? `${x.slice(0, 20)}…(${x.length})` : x);
    if (x === null || x === undefined || typeof x !== 'object') return String(x);
    if (d > 4) return '…';
    if (Array.isArray(x) || ArrayBuffer.isView(x)) {
      const a = x as ArrayLike<unknown>;
      if (a.length > 8) return `${x.constructor.name}(${a.length})`;
      return `[${Array.from({ length: a.length }, (_, i) => (Array.isArray(x) && !(i in x) ? '<hole>' : r(a[i], d + 1))).join(', ')}]`;
    }
    const own = Object.keys(x);
    const proto = Object.getPrototypeOf(x) as object | null;
    const inherited =
      proto && proto !== Object.prototype && !(x instanceof Map) && !(x instanceof Date)
        ? ` <proto ${r(proto, d + 1)}>`
        : '';
    return `{${own
      .slice(0, 8)
      .map((k) => `${JSON.stringify(k)}: ${r((x as Record<string, unknown>)[k], d + 1)}`)
      .join(', ')}}${inherited}`;
  };
  const s = r(v, 0);
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
}

type Message = { direction: 'host' | 'webview'; kind: string; msg: unknown };

const message: fc.Arbitrary<Message> = fc.oneof(
  fc
    .tuple(hostMessage, fc.array(mutation, { maxLength: 3 }))
    .map(([m, ms]) => ({ direction: 'host' as const, kind: String(m.type), msg: broken(m, ms) })),
  fc
    .tuple(webviewMessage, fc.array(mutation, { maxLength: 3 }))
    .map(([m, ms]) => ({ direction: 'webview' as const, kind: String(m.type), msg: broken(m, ms) })),
  fc
    .tuple(fc.constantFrom<'host' | 'webview'>('host', 'webview'), hostile)
    .map(([direction, msg]) => ({ direction, kind: 'not a message', msg })),
  fc.constant({
    direction: 'host' as const,
    kind: 'showPair',
    msg: { type: 'showPair', pair: { target: [[1]], prediction: RAGGED } },
  }),
);

const validate = (d: 'host' | 'webview', m: unknown): Validated<unknown> =>
  d === 'host' ? validateHostMessage(m) : validateWebviewMessage(m);

function check(c: Message, result: CampaignResult): Finding | undefined {
  const fn = `${c.direction === 'host' ? 'validateHostMessage' : 'validateWebviewMessage'}:${c.kind}`;
  const finding = (property: string, detail: string): Finding => ({ property, fn, detail, args: render(c.msg) });
  const before = fingerprint(c.msg);
  const t0 = performance.now();
  let r: Validated<unknown>;
  try {
    r = validate(c.direction, c.msg);
  } catch (e) {
    return finding('never throws', `${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 200)}`);
  }
  const ms = performance.now() - t0;
  if (ms > result.slowestMs) {
    result.slowestMs = ms;
    result.slowestFn = fn;
  }
  // Over budget: timed once more, so that a GC pause or a starved CPU is not taken for a hang (which repeats).
  if (ms > BUDGET_MS) {
    const t1 = performance.now();
    validate(c.direction, c.msg);
    const again = performance.now() - t1;
    if (again > BUDGET_MS) return finding('budget', `${ms.toFixed(0)} ms, then ${again.toFixed(0)} ms`);
  }
  if (before && fingerprint(c.msg) !== before) return finding('unchanged', 'the message was changed by validation');
  if (!r.ok) {
    result.outcomes['rejected'] = (result.outcomes['rejected'] ?? 0) + 1;
    if (typeof r.error !== 'string' || r.error.length > MAX_ERROR)
      return finding('short error', String(r.error).length + ' characters');
    if (!/^[a-zA-Z]\w*(\.[a-zA-Z]\w*|\[\d+\])*: \S/.test(r.error)) return finding('says where', r.error);
    return undefined;
  }
  result.outcomes['accepted'] = (result.outcomes['accepted'] ?? 0) + 1;
  const problem = acceptedProblem(r.value, c.direction);
  if (problem) return finding('accepted is well-typed', problem);
  const again = validate(c.direction, structuredClone(r.value));
  if (!again.ok) return finding('accepted revalidates', again.error);
  if (fingerprint(again.value) !== fingerprint(r.value)) return finding('accepted revalidates', 'a different value');
  return undefined;
}

/**
 * runCampaign(runs, seed, onFinding?) -> CampaignResult
 *
 * `runs` generated messages from `seed`; each distinct finding is recorded
 * (and passed to onFinding as it happens) and the campaign goes on.
 */
export function runCampaign(runs: number, seed: number, onFinding?: (f: Finding) => void): CampaignResult {
  const result: CampaignResult = { runs, calls: 0, outcomes: {}, tried: {}, findings: [], slowestMs: 0, slowestFn: '' };
  const seen = new Set<string>();
  fc.assert(
    fc.property(message, (c) => {
      result.calls++;
      const key = `${c.direction}:${c.kind}`;
      result.tried[key] = (result.tried[key] ?? 0) + 1;
      const f = check(c, result);
      if (f) {
        const k = `${f.property}|${f.fn}|${f.detail.replace(/[\d.e+-]+/g, '#').slice(0, 80)}`;
        if (!seen.has(k)) {
          seen.add(k);
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
