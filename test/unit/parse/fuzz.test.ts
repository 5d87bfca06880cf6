// Fuzzes findArrays with fast-check: random text, corpus snippets mangled by
// deletions, insertions, duplications, truncation and splicing, literals
// generated in every language, random caps, deep nesting and long lines.
// Whatever the text, the finder must not throw, every range must lie inside
// the text and read back as the same array on its own, ranges must nest or be
// disjoint, pairs must point at real arrays, and a cap that is hit is said.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findArrays, type FinderIssueKind, type FindResult } from '../../../src/parse/index';
import { Scanner } from '../../../src/parse/scanner';
import { corpusFamilies } from './corpus/all';

const LANGUAGES = [
  'python',
  'json',
  'jsonc',
  'javascript',
  'typescript',
  'julia',
  'matlab',
  'octave',
  'r',
  'c',
  'cpp',
  'java',
  'csharp',
  'rust',
  'markdown',
  'plaintext',
  'yaml',
  'no-such-language',
] as const;

const language = fc.constantFrom(...LANGUAGES);

/** Runs per property: bounded so the suite stays fast; FUZZ_SCALE=20 (say) for a long local hunt. */
const scale = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);
const runs = (n: number): { numRuns: number } => ({ numRuns: n * scale });

/** Characters that matter to the scanner, so random text hits its branches often. */
const TRICKY = [
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ',',
  ';',
  ' ',
  '\n',
  '\r',
  '\t',
  '"',
  "'",
  '`',
  '#',
  '%',
  '/',
  '*',
  '\\',
  '0',
  '1',
  '5',
  '9',
  '.',
  '-',
  '+',
  'e',
  'E',
  '_',
  'x',
  'j',
  'L',
  'f',
  'c',
  'n',
  'a',
  'i',
  '!',
  '=',
  ':',
  '<',
  '>',
  '$',
  '@',
  '?',
];
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 300 });

/** Pieces of real syntax glued in random order. */
const PIECES = [
  'np.array(',
  'torch.tensor(',
  'new Float32Array(',
  'vec!',
  'c(',
  'Float64',
  'float("inf")',
  'np.inf',
  '-np.inf',
  'math.nan',
  'Infinity',
  'NaN',
  'Inf',
  'NA',
  'f64::NAN',
  'Double.NaN',
  'y_true = ',
  'y_pred = ',
  'const q = ',
  'p <- ',
  'double p[] = ',
  'log_loss(',
  'F.cross_entropy(',
  'nn.CrossEntropyLoss()(',
  'scipy.stats.entropy(',
  'F.kl_div(',
  'keras.losses.categorical_crossentropy(',
  '[0.1, 0.9]',
  '[1, 0]',
  '[[0.2, 0.8], [0.5, 0.5]]',
  '{0.5, 0.5}',
  '[0.1 0.9; 0.3 0.7]',
  '1e-3',
  '.5',
  '5.',
  '1_000',
  '0x1F',
  '"""',
  "'''",
  '/*',
  '*/',
  '//',
  '#=',
  '=#',
  '%{',
  '%}',
  '\n',
  ', ',
  ' ',
  'x[0]',
  'a[1:3]',
  '...',
  '\\\n',
  '🐱',
  '\u2028',
  '\0',
  '\uD800',
  '\uDC00',
];
const pieceText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((p) => p.join(''));

const snippets = corpusFamilies.flatMap((f) => f.cases.map((c) => ({ text: c.text, lang: c.lang })));

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'truncate'; at: number; len: number; char: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  char: fc.constantFrom(...TRICKY),
});

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    switch (m.kind) {
      case 'delete':
        t = t.slice(0, at) + t.slice(at + m.len);
        break;
      case 'insert':
        t = t.slice(0, at) + m.char.repeat(1 + (m.len % 3)) + t.slice(at);
        break;
      case 'duplicate':
        t = t.slice(0, at) + t.slice(at, at + m.len) + t.slice(at);
        break;
      case 'truncate':
        t = t.slice(0, at);
        break;
    }
  }
  return t;
}

/** NaN-aware equality of values (Object.is also tells -0 from 0, as the text does). */
function sameValues(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValues(x, b[i]));
  return Object.is(a, b);
}

const ISSUE_KINDS = new Set<FinderIssueKind>([
  'max-arrays',
  'max-depth',
  'too-deep',
  'unclosed',
  'more-issues',
  'not-a-string',
  'internal-failure',
]);

/** Checks every invariant of one result; `reparse` also reads each range back on its own. */
function checkInvariants(text: string, lang: string, result: FindResult, reparse = true): void {
  expect(Array.isArray(result.arrays) && Array.isArray(result.pairs) && Array.isArray(result.issues)).toBe(true);
  const { arrays, pairs } = result;

  // Ranges inside the text, non-empty, in text order, nested or disjoint (a stack of open ranges).
  const open: { start: number; end: number }[] = [];
  let lastStart = -1;
  for (const a of arrays) {
    if (!(
      Number.isInteger(a.start) &&
      Number.isInteger(a.end) &&
      a.start >= 0 &&
      a.end <= text.length &&
      a.start < a.end
    )) {
      throw new Error(`range [${a.start}, ${a.end}) is not inside a text of ${text.length} characters`);
    }
    if (a.start < lastStart) throw new Error(`array at ${a.start} comes after one at ${lastStart}`);
    lastStart = a.start;
    while (open.length && open[open.length - 1]!.end <= a.start) open.pop();
    const outer = open[open.length - 1];
    if (outer && a.end > outer.end)
      throw new Error(`ranges [${outer.start}, ${outer.end}) and [${a.start}, ${a.end}) overlap without nesting`);
    open.push(a);
    expect(Array.isArray(a.values)).toBe(true);
    expect(Array.isArray(a.shape)).toBe(true);
    expect(a.issues.every((s) => typeof s === 'string')).toBe(true);
  }

  // Pairs point at two different arrays; an array is the prediction of at most one pair and never both sides.
  const targets = new Set<number>();
  const predictions = new Set<number>();
  for (const p of pairs) {
    for (const i of [p.target, p.prediction]) {
      if (!(Number.isInteger(i) && i >= 0 && i < arrays.length))
        throw new Error(`pair index ${i} is not one of ${arrays.length} arrays`);
    }
    expect(p.target).not.toBe(p.prediction);
    expect(typeof p.reason).toBe('string');
    expect(predictions.has(p.prediction)).toBe(false);
    predictions.add(p.prediction);
    targets.add(p.target);
  }
  for (const t of targets) expect(predictions.has(t)).toBe(false);

  for (const i of result.issues) {
    expect(typeof i.message).toBe('string');
    expect(i.offset >= 0 && i.offset <= text.length).toBe(true);
    expect(ISSUE_KINDS.has(i.kind), `issue kind ${String(i.kind)}`).toBe(true);
    // A caught exception is a bug of the finder, never an outcome the text may have.
    if (i.kind === 'internal-failure')
      throw new Error(`${lang}: the finder failed inside on ${JSON.stringify(text.slice(0, 200))}: ${i.message}`);
  }
  for (const a of arrays) {
    expect(a.issueDetails?.map((d) => d.message)).toEqual(a.issues);
  }

  if (!reparse) return;
  for (const a of arrays) {
    if (a.printed !== undefined) continue; // REPL output: not a literal of any language
    const slice = text.slice(a.start, a.end);
    const again = findArrays(slice, lang).arrays;
    // A literal given its shape by the code around it reads back as its flat numbers.
    const want =
      a.shapedBy === undefined
        ? a.values
        : again[0] !== undefined && [...again[0].values.flat()].sort().join() === [...a.values.flat()].sort().join()
          ? again[0].values
          : a.values;
    if (again.length !== 1 || !sameValues(again[0]!.values, want)) {
      throw new Error(
        `${lang}: ${JSON.stringify(slice)} from ${JSON.stringify(text)} reads back as ${JSON.stringify(again.map((b) => b.values))}, not ${JSON.stringify(a.values)}`,
      );
    }
  }
}

function run(text: string, lang: string, reparse = true): FindResult {
  let result: FindResult | undefined;
  expect(() => {
    result = findArrays(text, lang);
  }).not.toThrow();
  checkInvariants(text, lang, result!, reparse);
  return result!;
}

describe('fuzz: findArrays never throws and keeps its invariants', () => {
  it('the invariants fail when the scanner throws (its caught failure is an internal-failure issue)', () => {
    const spy = vi.spyOn(Scanner.prototype, 'run').mockImplementation(() => {
      throw new Error('a bug');
    });
    try {
      const text = 'p = [0.2, 0.8]';
      const result = findArrays(text, 'python');
      expect(result.issues.map((i) => i.kind)).toEqual(['internal-failure']);
      expect(() => checkInvariants(text, 'python', result)).toThrow(/failed inside/);
    } finally {
      spy.mockRestore();
    }
  });

  it('on random text made of the characters the scanner cares about', () => {
    fc.assert(
      fc.property(trickyText, language, (text, lang) => {
        run(text, lang);
      }),
      runs(500),
    );
  });

  it('on arbitrary unicode and binary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), language, (text, lang) => {
        run(text, lang);
      }),
      runs(200),
    );
  });

  it('on random pieces of real syntax glued together', () => {
    fc.assert(
      fc.property(pieceText, language, (text, lang) => {
        run(text, lang);
      }),
      runs(500),
    );
  });

  it('on corpus snippets with characters deleted, inserted, duplicated or cut off', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(150);
    fc.assert(
      fc.property(fc.constantFrom(...snippets), fc.array(mutation, { minLength: 1, maxLength: 4 }), (s, ms) => {
        run(mutate(s.text, ms), s.lang);
      }),
      runs(500),
    );
  });

  it('on corpus snippets with pieces of real syntax spliced in, and snippets glued together', () => {
    const splice = fc.record({ at: fc.nat(), piece: fc.constantFrom(...PIECES) });
    fc.assert(
      fc.property(
        fc.constantFrom(...snippets),
        fc.constantFrom(...snippets),
        fc.array(splice, { maxLength: 6 }),
        fc.constantFrom('', '\n', ' '),
        (a, b, ss, glue) => {
          let t = a.text + glue + b.text;
          for (const x of ss) {
            const at = x.at % (t.length + 1);
            t = t.slice(0, at) + x.piece + t.slice(at);
          }
          run(t, a.lang);
        },
      ),
      runs(400),
    );
  });

  it('on corpus snippets read as the wrong language', () => {
    fc.assert(
      fc.property(fc.constantFrom(...snippets), language, (s, lang) => {
        run(s.text, lang);
      }),
      runs(300),
    );
  });

  it('finds a generated list again, with its exact values, wherever it is put', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.integer({ min: -1000, max: 1000 }),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 2, maxLength: 20 }),
        fc.constantFrom(', ', ',', ',\n    '),
        (vals, sep) => {
          const literal = `[${vals.map((v) => (Object.is(v, -0) ? '-0.0' : String(v))).join(sep)}]`;
          const text = `import numpy as np\n# comment [1, 2]\nx = "[3, 4]"\nv = np.array(${literal})\n`;
          const result = run(text, 'python');
          expect(result.arrays).toHaveLength(1);
          const a = result.arrays[0]!;
          expect(text.slice(a.start, a.end)).toBe(literal);
          expect(a.name).toBe('v');
          expect(sameValues(a.values, vals)).toBe(true);
        },
      ),
      runs(300),
    );
  });
});

/** How each language binds a 1-D literal to `v`, and which number spellings it allows. */
const BINDINGS: {
  lang: string;
  wrap: (items: string[]) => { text: string; literal: string };
  dots: boolean;
  underscores: boolean;
}[] = [
  {
    lang: 'python',
    wrap: (xs) => lit('#', 'v = np.array(', `[${xs.join(', ')}]`, ')\n'),
    dots: true,
    underscores: true,
  },
  { lang: 'json', wrap: (xs) => lit('', '{"v": ', `[${xs.join(', ')}]`, '}\n'), dots: false, underscores: false },
  {
    lang: 'javascript',
    wrap: (xs) => lit('//', 'const v = new Float64Array(', `[${xs.join(', ')}]`, ');\n'),
    dots: true,
    underscores: true,
  },
  {
    lang: 'typescript',
    wrap: (xs) => lit('//', 'const v: number[] = ', `[${xs.join(',')}]`, ';\n'),
    dots: true,
    underscores: true,
  },
  { lang: 'matlab', wrap: (xs) => lit('%', 'v = ', `[${xs.join(' ')}]`, ';\n'), dots: true, underscores: false },
  { lang: 'julia', wrap: (xs) => lit('#', 'v = ', `[${xs.join(', ')}]`, '\n'), dots: false, underscores: true },
  { lang: 'r', wrap: (xs) => lit('#', 'v <- ', `c(${xs.join(', ')})`, '\n'), dots: true, underscores: false },
  { lang: 'c', wrap: (xs) => lit('//', 'double v[] = ', `{${xs.join(', ')}}`, ';\n'), dots: true, underscores: false },
  {
    lang: 'java',
    wrap: (xs) => lit('//', 'double[] v = new double[] ', `{${xs.join(', ')}}`, ';\n'),
    dots: true,
    underscores: true,
  },
  {
    lang: 'rust',
    wrap: (xs) => lit('//', 'let v = vec!', `[${xs.join(', ')}]`, ';\n'),
    dots: false,
    underscores: true,
  },
  {
    lang: 'markdown',
    wrap: (xs) => lit('', 'The values ', `[${xs.join(', ')}]`, ' were logged.\n'),
    dots: true,
    underscores: false,
  },
];

/** The literal after a comment holding brackets (none in JSON and Markdown, which have no comments here). */
function lit(comment: string, before: string, literal: string, after: string): { text: string; literal: string } {
  return { text: `${comment ? `${comment} [1] (2, 3) {4, 5}\n` : ''}${before}${literal}${after}`, literal };
}

/** A finite number and a spelling of it that reads back exactly (shortest, exponent, leading or trailing dot, underscores). */
const spelled = fc
  .tuple(
    fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer({ min: -99_999, max: 99_999 }),
      fc.constantFrom(0.5, 0.25, 1e-3, 1e-300),
    ),
    fc.constantFrom('shortest', 'exponent', 'EXPONENT', 'dot', 'underscore'),
  )
  .map(([v, style]) => ({ v: Object.is(v, -0) ? 0 : v, style }));

function spell(v: number, style: string, b: { dots: boolean; underscores: boolean }): string {
  const s = String(v);
  if (style === 'exponent') return v.toExponential();
  if (style === 'EXPONENT') return v.toExponential().toUpperCase();
  if (style === 'dot' && b.dots) {
    if (/^-?0\.\d+$/.test(s)) return s.replace('0.', '.');
    if (/^-?\d+$/.test(s)) return `${s}.`;
  }
  if (style === 'underscore' && b.underscores && /^-?\d{5,}$/.test(s)) return s.replace(/(\d)(\d{3})$/, '$1_$2');
  return s;
}

describe('fuzz: generated literals in every language read back exactly', () => {
  it.each(BINDINGS.map((b) => [b.lang, b] as const))('%s', (_lang, b) => {
    fc.assert(
      fc.property(fc.array(spelled, { minLength: 2, maxLength: 12 }), (items) => {
        const { text, literal } = b.wrap(items.map((x) => spell(x.v, x.style, b)));
        const result = run(text, b.lang);
        expect(result.arrays.map((a) => text.slice(a.start, a.end))).toEqual([literal]);
        const a = result.arrays[0]!;
        expect(a.name).toBe('markdown' === b.lang ? a.name : 'v');
        if (
          !sameValues(
            a.values,
            items.map((x) => x.v),
          )
        )
          throw new Error(`${b.lang}: ${literal} read as ${JSON.stringify(a.values)}`);
      }),
      runs(150),
    );
  });
});

describe('fuzz: caps are kept and reported, never silent', () => {
  const count = (v: unknown): number =>
    Array.isArray(v) ? v.reduce((n: number, x) => n + (Array.isArray(x) ? x.length : 1), 0) : 0;

  it('maxElements and maxArrays on corpus snippets and dense lists', () => {
    const dense = fc
      .array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 6 })
      .map((rows) => ({ text: rows.map((r, i) => `row_${i} = [${r.join(', ')}]`).join('\n'), lang: 'python' }));
    const source = fc.oneof(fc.constantFrom(...snippets), dense);
    const limits = fc.record({
      maxElements: fc.integer({ min: 1, max: 8 }),
      maxArrays: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(source, limits, (s, caps) => {
        const full = findArrays(s.text, s.lang);
        const capped = findArrays(s.text, s.lang, caps);
        checkInvariants(s.text, s.lang, capped, false);
        expect(capped.arrays.length).toBeLessThanOrEqual(caps.maxArrays);
        if (full.arrays.length > caps.maxArrays) {
          expect(
            capped.issues.some((i) => i.message.includes('maxArrays')),
            JSON.stringify(capped.issues),
          ).toBe(true);
        }
        for (const a of capped.arrays) {
          expect(count(a.values)).toBeLessThanOrEqual(caps.maxElements);
          // A cap changes how much is read, not where the literal is.
          const whole = full.arrays.find((b) => b.start === a.start && b.end === a.end);
          if (!whole) throw new Error(`capped array [${a.start}, ${a.end}) is not an array of the uncapped result`);
          if (count(whole.values) > caps.maxElements)
            expect(
              a.issues.some((i) => i.includes('capped')),
              JSON.stringify(a.issues),
            ).toBe(true);
        }
      }),
      runs(300),
    );
  });
});

describe('fuzz: counterexamples found before, kept as fixed cases', () => {
  // Each was once shrunk by fast-check; the invariants must hold for them on every run.
  it.each([['markdown', '# Results\n\n```python\ny_true = [ 0.7]\n```\n']] as const)('%s: %j', (lang, text) => {
    run(text, lang);
  });
});

describe('fuzz: pathological shapes', () => {
  const deep = 100_000;

  // One language per syntax family (their siblings share the scanner's rules), to keep the suite fast.
  const FAMILIES = [
    'python',
    'json',
    'javascript',
    'julia',
    'matlab',
    'r',
    'c',
    'csharp',
    'rust',
    'markdown',
    'plaintext',
    'yaml',
    'no-such-language',
  ] as const;

  it.each(FAMILIES)('%s: 10^5-deep nesting, closed and unclosed, then a normal array still found', (lang) => {
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['{', '}'],
    ] as const) {
      const closed = `${open.repeat(deep)}1${close.repeat(deep)}\n`;
      const r1 = run(closed, lang, false);
      // Square brackets are literal brackets in every language: the depth cap is hit and said.
      if (open === '[') expect(r1.issues.some((i) => i.message.includes('maxDepth'))).toBe(true);
      run(open.repeat(deep), lang, false);
      run(`${open}${close}`.repeat(deep), lang, false);
    }
    const normal = lang === 'r' ? 'q <- c(0.25, 0.75)' : 'q = [0.25, 0.75]'; // R's literal is c(…)
    const after = `${'['.repeat(deep)}${']'.repeat(deep)}\n${normal}\n`;
    const r = run(after, lang);
    expect(r.arrays.some((a) => sameValues(a.values, [0.25, 0.75]))).toBe(true);
  });

  it('a 5 MB single line of one list is read up to the cap and says so', () => {
    const n = 500_000;
    const text = `p = [${Array.from({ length: n }, (_, i) => ((i % 97) / 97).toFixed(4)).join(', ')}]`;
    expect(text.length).toBeGreaterThan(4_000_000);
    const r = run(text, 'python', false);
    expect(r.arrays).toHaveLength(1);
    const a = r.arrays[0]!;
    expect(a.start).toBe(4);
    expect(a.end).toBe(text.length);
    expect(a.issues.some((s) => s.includes('capped'))).toBe(true);
  });

  it('a 2 MB single line of many small arrays and unterminated strings stays bounded', () => {
    const unit = 'y = [0.5, 0.5]; "open [1, 2] # ';
    const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
    for (const lang of ['python', 'javascript', 'plaintext'] as const) run(text, lang, false);
  });

  it('a 2 MB single line of garbage with no arrays', () => {
    let s = 0x9e3779b9;
    const chars: string[] = [];
    for (let i = 0; i < 2_000_000; i++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      chars.push(TRICKY[s % TRICKY.length]!.replace('\n', ' '));
    }
    const text = chars.join('');
    for (const lang of ['python', 'matlab', 'c'] as const) run(text, lang, false);
  });
});
