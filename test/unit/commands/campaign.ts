// The fuzz campaign of the compute commands' path - finding the arrays in any
// text, choosing them from any selection, computing, formatting what the user
// reads, the breakdown, the visualizer payload - shared by the unit suite (a
// seeded slice, fuzz.test.ts) and `npm run fuzz -- commands` (scripts/fuzz.mjs).
// Texts are Python-like documents mixed with hostile ones: random characters,
// 10^5-deep brackets, long lines of digits, labels such as [0, 1e12], 10^4
// elements, numbers beyond double range, unbalanced and ragged literals. Properties:
//   - nothing throws (a failure is an Outcome with a code, never INTERNAL);
//   - a run stays within a budget per character of the text (no hang);
//   - the heap grows by at most a multiple of the text (no table sized by a value);
//   - the message is short and clear: no NaN, undefined, [object …] or stack;
//   - figures are never NaN; the breakdown renders and the payload validates.
import fc from 'fast-check';
import { breakdownMarkdown } from '../../../src/extension/commands/breakdownMarkdown';
import { chooseArrays, orderPartner } from '../../../src/extension/commands/chooseArrays';
import { entropyOutcome, pairOutcome, type Outcome } from '../../../src/extension/commands/outcome';
import type { ComputeKind } from '../../../src/extension/commands/types';
import { findArrays } from '../../../src/parse';
import { validatePair } from '../../../src/protocol/visualizer';

export interface Finding {
  property: string;
  fn: string;
  detail: string;
  args: string;
}

export interface CampaignResult {
  runs: number;
  calls: number;
  /** Runs per outcome: ok, or the failure code. */
  outcomes: Record<string, number>;
  /** Runs per command and kind of text. */
  tried: Record<string, number>;
  findings: Finding[];
  slowestMs: number;
  slowestFn: string;
}

/** A run's budget: a fixed part (GC pauses on a loaded machine) and a part per character. */
const BUDGET_MS = 250;
const BUDGET_MS_PER_CHAR = 0.01; // linear: 1 MB in 10 s at most on a loaded machine
/** Heap growth allowed: a fixed part and a multiple of the text's size (2 bytes a character). */
const HEAP_FIXED = 64 * 2 ** 20;
const HEAP_PER_CHAR = 200;
const MAX_MESSAGE = 600;

// --- Texts -------------------------------------------------------------------------------

/** Large texts, made once and shared: the campaign reuses them with other selections. */
const made = new Map<string, string>();
function once(key: string, make: () => string): string {
  let t = made.get(key);
  if (t === undefined) made.set(key, (t = make()));
  return t;
}
const number = fc.oneof(
  fc.double({ min: -5, max: 5, noNaN: true }).map((x) => String(Number(x.toPrecision(3)))),
  fc.constantFrom(
    '0',
    '1',
    '0.5',
    '-0.2',
    '1e-300',
    '1e400',
    '-1e400',
    '1e12',
    '1e9',
    '2**31',
    'float("nan")',
    'float("inf")',
    '-float("inf")',
    '1e308',
    '0x10',
    '1_000',
    'True',
    'None',
    '"a"',
    '.',
    '1.2.3',
  ),
);
const literal = fc.oneof(
  { weight: 8, arbitrary: fc.array(number, { minLength: 0, maxLength: 6 }).map((xs) => `[${xs.join(', ')}]`) },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.array(number, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
      .map((rows) => `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('[0, 1e12]', '[0, 1000000000]', '[0, 1e12, 1e12, 3]', '[[1], [1], [0]]', '[1, [2]]'),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(100, 4097, 5000)
      .map((n) => once(`long${n}`, () => `[${Array.from({ length: n }, (_, i) => (i % 7) / 7).join(',')}]`)),
  },
);
const name = fc.constantFrom('y_true', 'y_pred', 'p', 'q', 'logits', 'labels', 'x', 'targets');
const line = fc.tuple(name, literal).map(([n, l]) => `${n} = ${l}`);
const call = fc.constantFrom(
  '',
  'loss = log_loss(y_true, y_pred)',
  'F.cross_entropy(logits, labels)',
  'F.binary_cross_entropy(q, p)',
  'torch.tensor([[',
  ']])',
);
const pythonDoc = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 5 }), call)
  .map(([ls, c]) => [...ls, c].join('\n') + '\n');

const largeHostileDoc = fc.oneof(
  fc.constantFrom(1000, 100_000).map((n) => once(`open${n}`, () => `x = ${'['.repeat(n)}0.5${']'.repeat(n)}\n`)),
  fc.constantFrom(100_000).map((n) => once(`unclosed${n}`, () => `x = ${'['.repeat(n)}0.5, 0.5\n`)),
  fc.constantFrom(100_000, 1_000_000).map((n) => once(`digits${n}`, () => `x = [${'7'.repeat(n)}, 0]\n`)),
  fc.constantFrom(100_000).map((n) => once(`bare${n}`, () => '9'.repeat(n))),
  fc.constant(once('manyArrays', () => Array.from({ length: 12_000 }, (_, i) => `a${i} = [0.5, 0.5]`).join('\n'))),
  fc.constant(once('wide', () => `p = [${new Array<string>(150_000).fill('0.5').join(', ')}]\n`)),
);
const smallHostileDoc = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.constantFrom('[', ']', ',', '0', '1', '.', 'e', '-', ' ', '\n', '(', ')', '#', '"'), { maxLength: 300 })
    .map((cs) => cs.join('')),
);
const LANGUAGES = ['python', 'json', 'plaintext', 'javascript', 'markdown', 'julia', 'r', 'cpp', 'jupyter'] as const;

// --- The command path --------------------------------------------------------------------

/** Positions as a TextDocument gives them (binary search over line starts). */
function positionsOf(text: string) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    lineOf,
    positionAt: (offset: number) => ({ line: lineOf(offset), character: offset - starts[lineOf(offset)]! }),
  };
}

interface Run {
  text: string;
  source: string;
  languageId: string;
  kind: ComputeKind;
  unit: 'nats' | 'bits';
  start: number;
  end: number;
  partnerAt: number;
}

/** The path of computeInEditor with the partner picked (by index) and the normalise offer accepted. */
function command(r: Run): Outcome {
  const find = findArrays(r.text, r.languageId);
  const pos = positionsOf(r.text);
  const where = { uri: 'untitled:fuzz', positionAt: pos.positionAt };
  const settings = { unit: r.unit, eps: undefined };
  const pairKind = r.kind === 'klDivergence' ? r.kind : 'crossEntropy';
  const choice = chooseArrays(
    find,
    { selections: [{ start: r.start, end: r.end }], cursor: r.end, lineOf: pos.lineOf },
    r.kind,
  );
  let out: Outcome;
  switch (choice.type) {
    case 'none':
      out = { result: { ok: false, kind: r.kind, code: choice.code, error: choice.message }, message: choice.message };
      break;
    case 'arrays':
      out = entropyOutcome(find, choice.indices, settings, where);
      break;
    case 'pair':
      out = pairOutcome(pairKind, find, choice, settings, where);
      break;
    case 'partner': {
      const partner = choice.candidates[r.partnerAt % choice.candidates.length]!;
      out = pairOutcome(pairKind, find, orderPartner(find, choice.index, partner), settings, where);
      break;
    }
  }
  return out.offer ? out.offer.accept() : out;
}

const run: fc.Arbitrary<Run> = fc
  .tuple(
    fc.oneof(
      { weight: 12, arbitrary: pythonDoc.map((text) => ({ text, source: 'python' })) },
      { weight: 3, arbitrary: smallHostileDoc.map((text) => ({ text, source: 'hostile' })) },
      { weight: 1, arbitrary: largeHostileDoc.map((text) => ({ text, source: 'hostile' })) },
    ),
    fc.constantFrom(...LANGUAGES),
    fc.constantFrom<ComputeKind>('crossEntropy', 'klDivergence', 'entropy'),
    fc.constantFrom<'nats' | 'bits'>('nats', 'bits'),
    fc.nat(),
    fc.nat(),
    fc.nat(),
    fc.boolean(),
  )
  .map(([{ text, source }, languageId, kind, unit, a, b, partnerAt, whole]) => {
    const start = whole ? 0 : Math.min(a, b) % (text.length + 1);
    const end = whole ? text.length : Math.max(a, b) % (text.length + 1);
    return { text, source, languageId: source === 'python' ? 'python' : languageId, kind, unit, start, end, partnerAt };
  });

// --- Properties --------------------------------------------------------------------------

const UNCLEAR = /= NaN|\bundefined\b|\[object |TypeError|RangeError|ReferenceError|\bat \S+ \(|^\s*$/;

function render(r: Run): string {
  const t =
    r.text.length > 160 ? `${JSON.stringify(r.text.slice(0, 160))}…(${r.text.length} chars)` : JSON.stringify(r.text);
  return `${r.kind} ${r.languageId} ${r.unit} selection [${r.start}, ${r.end}) of ${t}`;
}

function heapUsed(): number {
  return typeof process === 'undefined' ? 0 : process.memoryUsage().heapUsed;
}

function check(r: Run, result: CampaignResult): Finding | undefined {
  const fn = `${r.kind}:${r.source}`;
  const finding = (property: string, detail: string): Finding => ({ property, fn, detail, args: render(r) });
  const heap0 = heapUsed();
  const t0 = performance.now();
  let out: Outcome;
  try {
    out = command(r);
  } catch (e) {
    return finding('never throws', `${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 200)}`);
  }
  const ms = performance.now() - t0;
  const grew = heapUsed() - heap0;
  if (ms > result.slowestMs) {
    result.slowestMs = ms;
    result.slowestFn = `${fn} (${r.text.length} chars)`;
  }
  const budget = BUDGET_MS + BUDGET_MS_PER_CHAR * r.text.length;
  if (ms > budget) {
    // Timed once more, so that a GC pause or a starved CPU is not taken for a hang (which repeats).
    const t1 = performance.now();
    command(r);
    const again = performance.now() - t1;
    if (again > budget)
      return finding('budget', `${ms.toFixed(0)} ms, then ${again.toFixed(0)} ms for ${r.text.length} chars`);
  }
  if (grew > HEAP_FIXED + HEAP_PER_CHAR * r.text.length)
    return finding('memory', `heap grew ${(grew / 2 ** 20).toFixed(0)} MiB for ${r.text.length} chars`);
  const res = out.result;
  result.outcomes[res.ok ? 'ok' : res.code] = (result.outcomes[res.ok ? 'ok' : res.code] ?? 0) + 1;
  if (out.message.length === 0 || out.message.length > MAX_MESSAGE || UNCLEAR.test(out.message))
    return finding('clear message', out.message.slice(0, 300));
  if (!res.ok) {
    if (res.code === 'INTERNAL') return finding('no INTERNAL failure', res.error.slice(0, 300));
    return undefined;
  }
  const figures =
    res.kind === 'entropy'
      ? [res.entropy, res.perplexity]
      : [res.entropy, res.crossEntropy, res.klPQ, res.klQP, res.js, res.perplexity];
  if (figures.some((f) => Number.isNaN(f))) return finding('no NaN figure', figures.join(', '));
  if (out.subject && !/^# Entropy Lens breakdown/.test(breakdownMarkdown(out.subject)))
    return finding('breakdown renders', 'no heading');
  if (out.payload) {
    try {
      validatePair(out.payload);
    } catch (e) {
      return finding('payload validates', String((e as Error).message).slice(0, 200));
    }
  }
  return undefined;
}

/**
 * runCampaign(runs, seed, onFinding?) -> CampaignResult
 *
 * `runs` generated command runs from `seed`; each distinct finding is recorded
 * (and passed to onFinding as it happens) and the campaign goes on.
 */
export function runCampaign(runs: number, seed: number, onFinding?: (f: Finding) => void): CampaignResult {
  const result: CampaignResult = { runs, calls: 0, outcomes: {}, tried: {}, findings: [], slowestMs: 0, slowestFn: '' };
  const seen = new Set<string>();
  fc.assert(
    fc.property(run, (r) => {
      result.calls++;
      const key = `${r.kind}:${r.source}`;
      result.tried[key] = (result.tried[key] ?? 0) + 1;
      const f = check(r, result);
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
