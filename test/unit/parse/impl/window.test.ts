// The byte windows of the fast paths (fastSkip.ts TextWindow, 64K characters
// each): a text made of one self-contained unit repeated must give the unit's
// arrays at every repetition, wherever the window boundaries fall (the unit's
// length is odd, so they fall at every offset inside it), in windows that are
// ASCII and in windows that hold other characters or NULs; and a long list
// that crosses many windows reads exactly what JSON.parse reads.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse/index';
import { useByteWindows, WINDOW_CHARS } from '../../../../src/parse/fastSkip';
import { interestingSpellings } from '../../../../src/parse/callSignatures';

type Brief = { start: number; end: number; name: string | undefined; values: unknown };

/** findArrays with the byte windows off: only the character paths. */
function withoutBytes<T>(run: () => T): T {
  useByteWindows(false);
  try {
    return run();
  } finally {
    useByteWindows(true);
  }
}
const brief = (text: string, lang: string, limits?: { maxElements?: number; maxArrays?: number }): Brief[] =>
  findArrays(text, lang, limits).arrays.map((a) => ({ start: a.start, end: a.end, name: a.name, values: a.values }));

/** The arrays of `unit` repeated `times` times, predicted from the unit alone. */
function expectRepeats(unit: string, lang: string, times: number): void {
  const one = brief(unit, lang);
  expect(one.length).toBeGreaterThan(0);
  const text = unit.repeat(times);
  expect(text.length).toBeGreaterThan(2 * WINDOW_CHARS);
  const all = brief(text, lang, { maxArrays: 1e6 });
  const expected: Brief[] = [];
  for (let r = 0; r < times; r++) {
    for (const a of one) expected.push({ ...a, start: a.start + r * unit.length, end: a.end + r * unit.length });
  }
  expect(all).toEqual(expected);
}

const python = [
  'def f(x, y=[1, 2]):\n    """Doc [0.5, 0.5] with "quotes"."""\n    return x[0] + y[-1]  # [0.1, 0.9]\n',
  "y_true = [0, 1, 0]\ny_pred = np.array([0.2, 0.7, 0.1])\ns = 'a [1, 2] string'\n",
  'pairs = [(0.25, 0.75), (0.5, 0.5)]\nloss = F.cross_entropy(torch.tensor([[2.0, 1.0]]), torch.tensor([0]))\n',
  's2 = "a \\" [1] \\\\"; t2 = \'it\\\'s [2]\'; u2 = "unterminated [3]\nw = [0.3, 0.7]\n',
];
const typescript = [
  'const probs = [0.1, 0.2, 0.7]; // [1, 2]\nconst s = `[${probs[0]}]`, re = /[0-9]+/g;\n',
  'function g(a: number[]): number { return a[0] ?? f(a, [3, 4]); }\nexport const q: number[] = [0.25, 0.75];\n',
  'const e = "a \\" [1] \\\\", t = \'it\\\'s [2]\', u = `x\\` [3]\n[4]`;\nconst w = [0.3, 0.7];\n',
];

/** `unit` after `size` characters of comment lines (`marker` starts each), so that its offset `d` sits on the first window boundary. */
function expectAtEveryBoundaryOffset(unit: string, lang: string, marker: string): void {
  const one = brief(unit, lang);
  expect(one.length).toBeGreaterThan(0);
  for (let d = 0; d <= unit.length; d++) {
    const size = WINDOW_CHARS - d;
    const line = `${marker} ${'-'.repeat(60)}\n`;
    const last = line.length + (size % line.length);
    const filler =
      line.repeat(Math.floor(size / line.length) - 1) + `${marker}${'-'.repeat(last - marker.length - 1)}\n`;
    expect(filler.length).toBe(size);
    const shifted = one.map((a) => ({ ...a, start: a.start + size, end: a.end + size }));
    expect(brief(filler + unit, lang)).toEqual(shifted);
  }
}

describe('byte windows', () => {
  it('every character of a unit can sit on a window boundary', () => {
    expectAtEveryBoundaryOffset(python.join(''), 'python', '#');
    expectAtEveryBoundaryOffset(typescript.join(''), 'typescript', '//');
  });

  it('Python units repeated across many windows give the same arrays at every repetition', () => {
    for (const extra of ['', 'x = 1\n']) {
      let unit = python.join('') + extra;
      if (unit.length % 2 === 0) unit += '\n';
      expectRepeats(unit, 'python', Math.ceil((3 * WINDOW_CHARS) / unit.length));
    }
  });

  it('TypeScript units too, and JSON', () => {
    let unit = typescript.join('');
    if (unit.length % 2 === 0) unit += '\n';
    expectRepeats(unit, 'typescript', Math.ceil((3 * WINDOW_CHARS) / unit.length));
    let json = '{"p": [0.1, 0.9], "s": "[1, 2]", "q": [[1, 2], [3, 4]]},\n';
    if (json.length % 2 === 0) json += ' ';
    expectRepeats(json, 'json', Math.ceil((3 * WINDOW_CHARS) / json.length));
  });

  it('non-ASCII characters and NULs, sparse or dense, do not shift what is found', () => {
    // Units holding an accented comment, a CJK string, an emoji (a surrogate pair), a lone surrogate, a NUL
    // or a long CJK comment, every unit, every 3rd, 7th or 40th: the windows' ASCII runs start and end
    // everywhere, and the chunk size adapts up and down.
    const oddities = [
      '# café [0.5]\n',
      "s = '数据 [1, 2]'\n",
      '# 🙂 (0.1, 0.9)\n',
      "t = '\ud800 [3]'\n",
      'u = 1\u0000\n',
      `# ${'数据'.repeat(300)}\n`,
      'v = [0.25, 0.75]  # é\n',
      // Outside strings and comments too, so that windows start on them: names (2, 3 and 4 bytes
      // in UTF-8, a surrogate pair, a lone surrogate), a run of them.
      'données = [0.3, 0.7]\n',
      'π = (0.5, 0.5)\n',
      '数据 = [0.2, 0.8]\n',
      'x🙂🙂 = [1, 2]\n',
      'y\udc00 = [3, 4]\n',
      `z = 1 ${'µ🙂数'.repeat(40)} [5, 6]\n`,
    ];
    const base = python.join('');
    for (const every of [1, 3, 7, 40]) {
      const units: string[] = [];
      let size = 0;
      for (let r = 0; size < 4 * WINDOW_CHARS; r++) {
        const u = r % every === 0 ? base + oddities[((r / every) % oddities.length) | 0] : base;
        units.push(u);
        size += u.length;
      }
      const text = units.join('');
      const all = brief(text, 'python', { maxArrays: 1e6 });
      expect(all).toEqual(withoutBytes(() => brief(text, 'python', { maxArrays: 1e6 })));
      const expected: Brief[] = [];
      let at = 0;
      for (const u of units) {
        for (const a of withoutBytes(() => brief(u, 'python')))
          expected.push({ ...a, start: a.start + at, end: a.end + at });
        at += u.length;
      }
      expect(all).toEqual(expected);
    }
  });

  it('windows that start on non-ASCII characters map their bytes back to the right characters', () => {
    // Long ASCII stretches (so each run after a non-ASCII character is kept as a window) broken by
    // names of 2-, 3- and 4-byte characters, surrogate pairs and lone surrogates outside strings and comments.
    const breaks = [
      'données = [0.3, 0.7]\n',
      'π = (0.5, 0.5)\n',
      '数据 = [0.2, 0.8]\n',
      'x🙂🙂 = [1, 2]\n',
      'y\udc00\ud800 = [3, 4]\n',
      '🙂数é\ud800x = [5, 6]\n',
    ];
    const stretch = python.join('').repeat(12);
    const text = Array.from(
      { length: 24 },
      (_, k) => stretch.slice(0, stretch.length - 37 * k) + breaks[k % breaks.length],
    ).join('');
    const bytes = brief(text, 'python', { maxArrays: 1e6 });
    expect(bytes).toEqual(withoutBytes(() => brief(text, 'python', { maxArrays: 1e6 })));
    expect(bytes.length).toBeGreaterThan(24 * 12);
  });

  it('a long list with a non-ASCII character now and then reads exactly what JSON.parse reads', () => {
    const nums = Array.from({ length: 30_000 }, (_, k) => ((k * 7919) % 10007) / 10007 - 0.3);
    const parts = nums.map((v, k) => (k % 997 === 5 ? `${v} # é\n` : String(v)));
    const text = `p = [${parts.join(', ')}]\n`;
    const r = findArrays(text, 'python', { maxElements: 1e6 });
    expect(r.arrays.length).toBe(1);
    expect(r.arrays[0]!.values).toEqual(nums);
  });

  it('a list longer than several windows reads exactly what JSON.parse reads', () => {
    let seed = 99;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const nums: string[] = [];
    for (let k = 0; k < 40_000; k++) {
      const v = (rnd() - 0.4) * 10 ** Math.floor(rnd() * 6 - 3);
      nums.push(
        k % 5 === 0
          ? v.toExponential(Math.floor(rnd() * 12))
          : k % 7 === 0
            ? String(Math.round(v * 1000))
            : v.toFixed(Math.floor(rnd() * 17)),
      );
    }
    const literal = `[${nums.join(', ')}]`;
    expect(literal.length).toBeGreaterThan(3 * WINDOW_CHARS);
    for (const prefix of ['p = ', 'pp = ', '# é\np = ']) {
      const r = findArrays(`${prefix}${literal}\n`, 'python', { maxElements: 1e6 });
      expect(r.arrays.length).toBe(1);
      expect(r.arrays[0]!.values).toEqual(JSON.parse(literal));
    }
  });

  it('numbers longer than the margin kept before a window end are read whole', () => {
    // 61-90 characters each (leading zeros), so some of them cross a window boundary.
    const values = Array.from({ length: 8000 }, (_, k) => k * 7 + 1);
    const text = `p = [${values.map((v, k) => '0'.repeat(60 + (k % 30)) + String(v)).join(', ')}]\n`;
    expect(text.length).toBeGreaterThan(4 * WINDOW_CHARS);
    const r = findArrays(text, 'python', { maxElements: 1e6 });
    expect(r.arrays.length).toBe(1);
    expect(r.arrays[0]!.values).toEqual(values);
  });

  it('callees and keywords before a bracket are judged the same from the bytes as from the characters', () => {
    const words = [
      ...interestingSpellings(),
      'c',
      'of',
      'asList',
      'return',
      'in',
      'yield',
      'else',
      'Float64',
      'Real',
      'Any',
      'Int',
      'max',
      'len',
      'print',
      'super',
      'Optional',
      'xsoftmax',
      'my_log',
      'logx',
      'ce',
      'crit',
      'number',
    ];
    for (const lang of ['python', 'typescript', 'julia', 'r', 'java']) {
      const lines = ['from torch.nn.functional import cross_entropy as ce', 'crit = nn.CrossEntropyLoss()'];
      for (const w of words) {
        lines.push(
          `y_${lines.length} = ${w}([0.2, 0.8], [0, 1])`,
          `q = a.${w}[0.5, 0.5]`,
          `r = ${w} (0.25, 0.75)`,
          `s = ${w}[0.1, 0.9]`,
        );
      }
      const text = lines.join('\n') + '\n';
      const bytes = findArrays(text, lang, { maxArrays: 1e6 });
      const chars = withoutBytes(() => findArrays(text, lang, { maxArrays: 1e6 }));
      expect(bytes.arrays).toEqual(chars.arrays);
      expect(bytes.pairs).toEqual(chars.pairs);
    }
  });

  it("spellings the dense byte path must leave to the exact reader give Number()'s value, wherever they sit in a long list", () => {
    const tricky = [
      '-0',
      '-0.0',
      '.5',
      '5.',
      '1e22',
      '1e23',
      '1.5e-22',
      '1e-23',
      '2.5E+3',
      '1E5',
      '9007199254740993',
      '9007199254740992',
      '900719925474099.3',
      '123456789012345678',
      '0.30000000000000004',
      '4.35',
      '1.7976931348623157e308',
      '5e-324',
      '1e400',
      '-1e400',
      '1_000',
      '0x1F',
      '0.1234567890123456789',
      '00012',
      '-.25',
      '+7',
    ];
    const plain = ['0.1', '-2.5', '3', '0.125'];
    const spelled: string[] = [];
    for (let k = 0; spelled.length < 30_000; k++)
      spelled.push(k % 3 === 0 ? tricky[((k / 3) % tricky.length) | 0]! : plain[k % plain.length]!);
    const seps = [', ', ',', ' , ', ',  '];
    const text = `p = [${spelled.map((t, k) => (k === 0 ? '' : seps[k % seps.length]) + t).join('')}]\n`;
    expect(text.length).toBeGreaterThan(2 * WINDOW_CHARS);
    const r = findArrays(text, 'python', { maxElements: 1e6 });
    expect(r.arrays.length).toBe(1);
    const got = r.arrays[0]!.values as number[];
    expect(got.length).toBe(spelled.length);
    for (let k = 0; k < spelled.length; k++)
      expect(Object.is(got[k], Number(spelled[k]!.replace(/_/g, '')))).toBe(true);
  });
});
