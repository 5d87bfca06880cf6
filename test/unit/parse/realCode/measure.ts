// Scores a finder against the real-code corpus (issue #11). Each expected
// array is matched to a found array whose text range overlaps it and whose
// numbers are the same (flattened, so a flat literal reported with its shape
// still matches); found arrays that overlap an `optional` spot are neither
// credited nor counted against; found arrays that overlap a `notArrays` spot
// are shape / size arguments reported as data; any other unmatched found array
// is a false detection. Pairs are compared through that matching.
import { findArrays, type FindResult, type Role } from '../../../../src/parse/index';
import type { RealArray, RealPair, RealSnippet, Spot } from './types';
import { flatNumbers, flatten, sameNumbers, shapeFromSrc } from './values';

export type Finder = (text: string, languageId: string) => FindResult;

/** The counts behind the figures; sums over snippets. */
export interface Counts {
  snippets: number;
  fullyRight: number;
  /** Arrays an engineer points at. */
  expected: number;
  /** …of which the finder reported (range overlaps, same numbers). */
  found: number;
  /** …found with an accepted role. */
  rolesRight: number;
  /** …found with the expected shape. */
  shapesRight: number;
  /** …found with the expected name (only where a name is expected). */
  namesExpected: number;
  namesRight: number;
  /** Arrays the finder reported, leaving out those on optional spots. */
  reported: number;
  /** …that match an expected array. */
  trueReports: number;
  /** …that are a shape / size / axis / seed argument. */
  shapeArgsReported: number;
  requiredPairs: number;
  requiredPairsFound: number;
  pairsMade: number;
  wrongPairs: number;
}

export interface Figures {
  /** found / expected */
  arraysFound: number;
  /** true reports / reported */
  precision: number;
  /** roles right / expected (a missed array's role is not right) */
  rolesRight: number;
  shapesRight: number;
  namesRight: number;
  /** required pairs found / required pairs */
  pairsFound: number;
  /** wrong pairs / pairs made */
  wrongPairs: number;
  shapeArgsReported: number;
  /** fully right / snippets */
  fullyRight: number;
}

export interface SnippetReport {
  id: string;
  tags: string[];
  lang: string;
  group: string;
  counts: Counts;
  /** Human-readable reasons it is not fully right. */
  problems: string[];
}

export interface Measurement {
  groups: { group: string; counts: Counts; figures: Figures }[];
  /** The same per tag (the issue's patterns 1–10, 'ordinary', 'printed'); a snippet counts under each of its tags. */
  tags: { group: string; counts: Counts; figures: Figures }[];
  overall: { counts: Counts; figures: Figures };
  snippets: SnippetReport[];
}

const GROUP_OF: Record<string, string> = {
  python: 'python',
  jupyter: 'ipynb',
  json: 'json',
  javascript: 'js/ts',
  typescript: 'js/ts',
  julia: 'julia',
  matlab: 'matlab',
  octave: 'matlab',
  r: 'r',
  c: 'c/c++',
  cpp: 'c/c++',
  java: 'java',
  kotlin: 'kotlin',
  csharp: 'c#',
  rust: 'rust',
  markdown: 'markdown',
  plaintext: 'printed',
};
export const groupOf = (lang: string): string => GROUP_OF[lang] ?? lang;

/** [start, end) of a spot in the text; throws when it is not there or is ambiguous. */
export function locate(text: string, spot: Spot, id: string): [number, number] {
  const { src, at } = spot;
  const hits: number[] = [];
  for (let i = text.indexOf(src); i >= 0; i = text.indexOf(src, i + 1)) hits.push(i);
  if (hits.length === 0) throw new Error(`${id}: ${JSON.stringify(src)} is not in the text`);
  if (at === undefined && hits.length > 1)
    throw new Error(`${id}: ${JSON.stringify(src)} occurs ${hits.length} times; say which with at`);
  const start = hits[at ?? 0];
  if (start === undefined) throw new Error(`${id}: ${JSON.stringify(src)} has no occurrence ${at}`);
  return [start, start + src.length];
}

export function expectedNumbers(a: RealArray): number[] {
  return a.values ? flatten(a.values) : flatNumbers(a.src);
}

export function expectedShape(a: RealArray): number[] {
  if (a.shape) return a.shape;
  if (a.values) {
    const first = a.values[0];
    return Array.isArray(first) ? [a.values.length, first.length] : [a.values.length];
  }
  return shapeFromSrc(a.src);
}

const roles = (r: Role | Role[]): Role[] => (Array.isArray(r) ? r : [r]);
const overlaps = (a: [number, number], s: number, e: number): boolean => s < a[1] && a[0] < e;

function pairIndex(s: RealSnippet, ref: string | number): number {
  if (typeof ref === 'number') {
    if (!s.arrays[ref]) throw new Error(`${s.id}: pair refers to array ${ref}, which does not exist`);
    return ref;
  }
  const hits = s.arrays.flatMap((a, i) => (a.name === ref ? [i] : []));
  if (hits.length !== 1) throw new Error(`${s.id}: pair refers to name ${ref}, which names ${hits.length} arrays`);
  return hits[0]!;
}

const zero = (): Counts => ({
  snippets: 0,
  fullyRight: 0,
  expected: 0,
  found: 0,
  rolesRight: 0,
  shapesRight: 0,
  namesExpected: 0,
  namesRight: 0,
  reported: 0,
  trueReports: 0,
  shapeArgsReported: 0,
  requiredPairs: 0,
  requiredPairsFound: 0,
  pairsMade: 0,
  wrongPairs: 0,
});

function add(into: Counts, c: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += c[k];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function figures(c: Counts): Figures {
  return {
    arraysFound: ratio(c.found, c.expected),
    precision: ratio(c.trueReports, c.reported),
    rolesRight: ratio(c.rolesRight, c.expected),
    shapesRight: ratio(c.shapesRight, c.expected),
    namesRight: ratio(c.namesRight, c.namesExpected),
    pairsFound: ratio(c.requiredPairsFound, c.requiredPairs),
    wrongPairs: c.pairsMade === 0 ? 0 : c.wrongPairs / c.pairsMade,
    shapeArgsReported: c.shapeArgsReported,
    fullyRight: ratio(c.fullyRight, c.snippets),
  };
}

/** Scores one snippet. */
export function measureSnippet(s: RealSnippet, finder: Finder = findArrays): SnippetReport {
  const c = zero();
  const problems: string[] = [];
  c.snippets = 1;
  let result: FindResult;
  try {
    result = finder(s.text, s.lang);
  } catch (e) {
    result = { arrays: [], pairs: [], issues: [] };
    problems.push(`the finder threw: ${String(e)}`);
  }
  const found = result.arrays;
  const ranges = s.arrays.map((a) => locate(s.text, a, s.id));
  const optional = (s.optional ?? []).map((o) => locate(s.text, o, s.id));
  const forbidden = (s.notArrays ?? []).map((o) => locate(s.text, o, s.id));

  // expected index → found index, and back
  const foundOf = new Map<number, number>();
  const expectedOf = new Map<number, number>();
  s.arrays.forEach((want, i) => {
    c.expected++;
    const nums = expectedNumbers(want);
    // Same numbers in reading order, or the same numbers in another order (a column-major
    // literal reported as rows): either way the same array.
    const sorted = [...nums].sort((x, y) => x - y);
    const same = (got: number[]): boolean =>
      sameNumbers(got, nums) ||
      sameNumbers(
        [...got].sort((x, y) => x - y),
        sorted,
      );
    const k = found.findIndex(
      (f, j) => !expectedOf.has(j) && overlaps(ranges[i]!, f.start, f.end) && same(flatten(f.values)),
    );
    if (k < 0) {
      const near = found.find((f) => overlaps(ranges[i]!, f.start, f.end));
      problems.push(
        `missed ${want.name ?? ''} ${want.src.slice(0, 40)}${near ? ` (found ${JSON.stringify(near.values).slice(0, 40)} there)` : ''}`,
      );
      if (want.name !== undefined) c.namesExpected++;
      return;
    }
    foundOf.set(i, k);
    expectedOf.set(k, i);
    c.found++;
    const f = found[k]!;
    if (roles(want.role).includes(f.role)) c.rolesRight++;
    else
      problems.push(
        `role of ${want.name ?? want.src.slice(0, 30)}: ${f.role}, expected ${roles(want.role).join(' | ')}`,
      );
    const shape = expectedShape(want);
    // A 1 × n or n × 1 matrix is the same vector as [n] (MATLAB rows, a batch of one).
    const squeeze = (d: readonly number[]): string => d.filter((x) => x !== 1).join('x');
    if (squeeze(f.shape) === squeeze(shape)) c.shapesRight++;
    else problems.push(`shape of ${want.name ?? want.src.slice(0, 30)}: [${f.shape}], expected [${shape}]`);
    if (want.name !== undefined) {
      c.namesExpected++;
      if (f.name === want.name) c.namesRight++;
      else problems.push(`name of ${want.src.slice(0, 30)}: ${f.name}, expected ${want.name}`);
    }
  });

  found.forEach((f, j) => {
    if (expectedOf.has(j)) {
      c.reported++;
      c.trueReports++;
      return;
    }
    if (optional.some((o) => overlaps(o, f.start, f.end))) return;
    c.reported++;
    if (forbidden.some((o) => overlaps(o, f.start, f.end))) {
      c.shapeArgsReported++;
      problems.push(`shape/size argument reported as data: ${s.text.slice(f.start, f.end).slice(0, 40)} (${f.role})`);
    } else {
      problems.push(`extra array: ${s.text.slice(f.start, f.end).slice(0, 40)} (${f.role})`);
    }
  });

  const key = (t: number, p: number): string => `${t}>${p}`;
  const required = new Set(s.pairs.map((p) => key(pairIndex(s, p.target), pairIndex(s, p.prediction))));
  const allowed = new Set((s.allowedPairs ?? []).map((p) => key(pairIndex(s, p.target), pairIndex(s, p.prediction))));
  const hit = new Set<string>();
  c.requiredPairs = required.size;
  const label = (i: number | undefined): string => (i === undefined ? '?' : (s.arrays[i]!.name ?? `#${i}`));
  for (const p of result.pairs) {
    c.pairsMade++;
    const t = expectedOf.get(p.target);
    const q = expectedOf.get(p.prediction);
    const k = t !== undefined && q !== undefined ? key(t, q) : undefined;
    if (k !== undefined && required.has(k)) hit.add(k);
    else if (k !== undefined && allowed.has(k)) {
      /* neither */
    } else {
      c.wrongPairs++;
      const src = (j: number): string => (found[j] ? s.text.slice(found[j]!.start, found[j]!.end).slice(0, 25) : '?');
      problems.push(
        `wrong pair ${t !== undefined ? label(t) : src(p.target)} → ${q !== undefined ? label(q) : src(p.prediction)}`,
      );
    }
  }
  c.requiredPairsFound = hit.size;
  for (const p of s.pairs) {
    const k = key(pairIndex(s, p.target), pairIndex(s, p.prediction));
    if (!hit.has(k)) problems.push(`missing pair ${p.target} → ${p.prediction}`);
  }
  if (problems.length === 0) c.fullyRight = 1;
  return { id: s.id, tags: s.tags, lang: s.lang, group: groupOf(s.lang), counts: c, problems };
}

/** Scores the corpus per language group and overall. */
export function measure(snippets: readonly RealSnippet[], finder: Finder = findArrays): Measurement {
  const reports = snippets.map((s) => measureSnippet(s, finder));
  const byGroup = new Map<string, Counts>();
  const overall = zero();
  for (const r of reports) {
    if (!byGroup.has(r.group)) byGroup.set(r.group, zero());
    add(byGroup.get(r.group)!, r.counts);
    add(overall, r.counts);
  }
  const byTag = new Map<string, Counts>();
  for (const r of reports) {
    for (const t of r.tags) {
      if (!byTag.has(t)) byTag.set(t, zero());
      add(byTag.get(t)!, r.counts);
    }
  }
  const order = (t: string): number => (/^\d+$/.test(t) ? Number(t) : t === 'ordinary' ? 0 : 99);
  return {
    groups: [...byGroup].map(([group, counts]) => ({ group, counts, figures: figures(counts) })),
    tags: [...byTag]
      .sort((a, b) => order(a[0]) - order(b[0]))
      .map(([group, counts]) => ({ group, counts, figures: figures(counts) })),
    overall: { counts: overall, figures: figures(overall) },
    snippets: reports,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** The per-language table (or per tag: by = 'tags') and the overall row, as Markdown. */
export function table(m: Measurement, by: 'groups' | 'tags' = 'groups'): string {
  const head = [
    by === 'groups' ? 'language' : 'pattern',
    'snippets',
    'arrays',
    'arrays found',
    'precision',
    'roles right',
    'shapes right',
    'pairs',
    'pairs found',
    'wrong pairs',
    'shape args reported',
    'fully right',
  ];
  const row = (name: string, c: Counts, f: Figures): string[] => [
    name,
    String(c.snippets),
    String(c.expected),
    pct(f.arraysFound),
    pct(f.precision),
    pct(f.rolesRight),
    pct(f.shapesRight),
    String(c.requiredPairs),
    pct(f.pairsFound),
    `${c.wrongPairs} of ${c.pairsMade} (${pct(f.wrongPairs)})`,
    String(c.shapeArgsReported),
    `${c.fullyRight} of ${c.snippets}`,
  ];
  const rows = [
    ...m[by].map((g) => row(g.group, g.counts, g.figures)),
    row('**overall**', m.overall.counts, m.overall.figures),
  ];
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** A finder that answers exactly what the corpus expects (for checking the measurement itself). */
export function oracle(snippets: readonly RealSnippet[]): Finder {
  const byText = new Map<string, RealSnippet>();
  for (const s of snippets) byText.set(`${s.lang}\u0000${s.text}`, s);
  return (text, lang) => {
    const s = byText.get(`${lang}\u0000${text}`);
    if (!s) return { arrays: [], pairs: [], issues: [] };
    const arrays = s.arrays.map((a) => {
      const [start, end] = locate(text, a, s.id);
      return {
        start,
        end,
        name: a.name,
        values: expectedNumbers(a),
        shape: expectedShape(a),
        role: roles(a.role)[0]!,
        issues: [],
      };
    });
    const pairs = s.pairs.map((p: RealPair) => ({
      target: pairIndex(s, p.target),
      prediction: pairIndex(s, p.prediction),
      reason: 'oracle',
    }));
    return { arrays, pairs, issues: [] };
  };
}
