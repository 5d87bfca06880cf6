// Runs the fixture corpus: each case is a snippet in one language with the
// arrays (exact source range, values, name, shape, role, issues) and pairs
// the finder must report. The cases live in *.cases.ts, one file per
// language family.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArrays, type FindResult, type Values } from '../../../../src/parse/index';
import type { CorpusCase, ExpectedArray } from './types';
import { corpusFamilies } from './all';

const families: { family: string; cases: CorpusCase[] }[] = [...corpusFamilies];

// Cases waiting for a finder fix (listed in /work/finder-gaps.md) live in an
// uncommitted pending/ folder; CORPUS_PENDING=1 runs them too.
const pendingDir = join(import.meta.dirname, 'pending');
if (process.env.CORPUS_PENDING === '1' && existsSync(pendingDir)) {
  for (const file of readdirSync(pendingDir)
    .filter((f) => f.endsWith('.pending.ts'))
    .sort()) {
    const mod = (await import(join(pendingDir, file))) as { cases: CorpusCase[] };
    families.push({ family: `pending ${file.replace(/\.pending\.ts$/, '')}`, cases: mod.cases });
  }
}

function shapeOf(values: Values): number[] {
  const first = values[0];
  return Array.isArray(first) ? [values.length, first.length] : [values.length];
}

/** What the test compares for one array: the expected fields only, so a diff shows what differs. */
function project(
  text: string,
  a: FindResult['arrays'][number],
  want: ExpectedArray | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { src: text.slice(a.start, a.end), values: a.values, shape: a.shape };
  if (!want?.anyName) out.name = a.name;
  if (want?.role !== undefined) out.role = a.role;
  const wantIssues = want?.issues;
  out.issues = wantIssues
    ? wantIssues.map((s) => (a.issues.some((i) => i.includes(s)) ? s : `missing "${s}" in ${JSON.stringify(a.issues)}`))
    : a.issues;
  return out;
}

function expected(want: ExpectedArray): Record<string, unknown> {
  const out: Record<string, unknown> = {
    src: want.src,
    values: want.values,
    shape: want.shape ?? shapeOf(want.values),
  };
  if (!want.anyName) out.name = want.name;
  if (want.role !== undefined) out.role = want.role;
  out.issues = want.issues ?? [];
  return out;
}

function checkCase(c: CorpusCase): void {
  const result = findArrays(c.text, c.lang);
  const got = result.arrays.map((a, i) => project(c.text, a, c.arrays[i]));
  expect(got).toEqual(c.arrays.map(expected));

  for (const a of result.arrays) {
    expect(a.start).toBeGreaterThanOrEqual(0);
    expect(a.end).toBeLessThanOrEqual(c.text.length);
    expect(a.start).toBeLessThan(a.end);
    // The range alone reads back as the same array (the same numbers, when the code around gave it its shape).
    const again = findArrays(c.text.slice(a.start, a.end), c.lang).arrays;
    if (a.printed !== undefined) continue;
    if (a.shapedBy === undefined) expect(again.map((b) => b.values)).toEqual([a.values]);
    else expect(again.map((b) => [...b.values.flat()].sort())).toEqual([[...a.values.flat()].sort()]);
  }

  const docIssues = result.issues.map((i) => i.message);
  if (c.docIssues) {
    for (const s of c.docIssues)
      expect(
        docIssues.some((m) => m.includes(s)),
        `document issue "${s}" in ${JSON.stringify(docIssues)}`,
      ).toBe(true);
  } else {
    expect(docIssues).toEqual([]);
  }

  if (c.pairs) {
    const names = result.arrays.map((a) => a.name);
    const ref = (i: number): string | number => {
      const n = names[i];
      return n !== undefined && names.filter((m) => m === n).length === 1 ? n : i;
    };
    const key = (p: { target: string | number; prediction: string | number }) => `${p.target} -> ${p.prediction}`;
    const gotPairs = result.pairs.map((p) => key({ target: ref(p.target), prediction: ref(p.prediction) })).sort();
    expect(gotPairs).toEqual(c.pairs.map(key).sort());
    for (const want of c.pairs) {
      if (!want.why) continue;
      const pair = result.pairs.find(
        (p) => key({ target: ref(p.target), prediction: ref(p.prediction) }) === key(want),
      );
      expect(pair?.reason, `reason of ${key(want)}`).toContain(want.why);
    }
  }
}

describe('finder corpus', () => {
  it('holds at least 150 snippets', () => {
    expect(corpusFamilies.reduce((n, f) => n + f.cases.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it('names every case uniquely within its family', () => {
    for (const f of families) expect(new Set(f.cases.map((c) => c.name)).size, f.family).toBe(f.cases.length);
  });

  describe.each(families)('$family', ({ cases }) => {
    it.each(cases)('[$lang] $name', (c) => checkCase(c));
  });
});
