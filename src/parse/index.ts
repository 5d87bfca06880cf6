// The array finder: which numeric arrays are in a text, where exactly, what
// they are called, what they most likely are, and which pairs of target and
// prediction they form. Pure and synchronous; never throws (see README.md).

import { DEFAULT_LIMITS, type FinderLimits, type FindResult, type FoundArray } from './types';
import { fencedSyntaxFor, syntaxFor } from './languages';
import { Scanner, type ScanResult } from './scanner';
import { codeBlocks } from './markdown';
import { importedLossAliases } from './imports';
import { refineRoles, refineUnpaired, roleWithSide } from './roles';
import { findPairs } from './pairs';
import { nameSide, type NameSide } from './names';
import { readShapes } from './shapeArgs';
import { embeddedCode } from './embedded';
import { printedArrays } from './printed';
import { localSignatures } from './localFunctions';

export * from './types';
export { readPrinted, type PrintedValue } from './reprs';

/**
 * findArrays(text, languageId, limits?) -> { arrays, pairs, issues }
 *
 * Finds the numeric array literals of `text` read as the VS Code language
 * `languageId` (`python`, `json`, `javascript`, `julia`, `r`, `cpp`, …; unknown
 * ids are read as plain text). Caps come from `limits` (defaults: DEFAULT_LIMITS);
 * hitting one is reported in `issues`. Never throws: a failure inside becomes
 * an issue and whatever was found before it is kept.
 */
export function findArrays(text: string, languageId: string, limits?: Partial<FinderLimits>): FindResult {
  const caps = mergeLimits(limits);
  if (typeof text !== 'string') {
    return {
      arrays: [],
      pairs: [],
      issues: [{ offset: 0, kind: 'not-a-string', message: 'the text to search is not a string' }],
    };
  }
  let scanned;
  try {
    const id = typeof languageId === 'string' ? languageId : '';
    scanned = scanDocument(text, id, caps);
    readShapes(text, scanned, syntaxFor(id).family);
    // Code inside strings: notebook cells, doctests (read from same-length masked copies).
    for (const part of embeddedCode(text, id)) {
      // Functions defined in the document are known inside its doctests and cells.
      const inner = scanDocument(part.text, part.languageId, caps, localSignatures(text));
      readShapes(part.text, inner, syntaxFor(part.languageId).family);
      if (part.output) {
        for (const a of inner.arrays) a.printed = 'output';
        // An R or Julia kernel's printout: `[1] 0.2 0.2 0.6`.
        const shown = printedArrays(part.text, 'prose');
        if (shown.arrays.length > 0) {
          dropRanges(inner, shown.indexRanges);
          mergeScan(inner, { arrays: shown.arrays, calls: [], issues: [] }, caps.maxArrays);
        }
      }
      mergeScan(scanned, inner, caps.maxArrays);
    }
    // Printed values (R `[1] …`, Julia `3-element Vector…`, Octave `p =`): their `[1]` is an index, not an array.
    const printed = printedArrays(text, syntaxFor(id).family);
    if (printed.arrays.length > 0) {
      dropRanges(scanned, printed.indexRanges);
      mergeScan(scanned, { arrays: printed.arrays, calls: [], issues: [] }, caps.maxArrays);
    }
  } catch (e) {
    return {
      arrays: [],
      pairs: [],
      issues: [{ offset: 0, kind: 'internal-failure', message: `the finder failed on this text: ${errorText(e)}` }],
    };
  }
  const arrays: FoundArray[] = [];
  // Each name's side is read once, for the role and for the pairs by name.
  const sides: (NameSide | undefined)[] = [];
  for (const a of scanned.arrays) {
    let role: FoundArray['role'] = 'unknown';
    let roleReason: string | undefined;
    let side: NameSide | undefined;
    try {
      side = nameSide(a.name);
      const r = roleWithSide(a.values, a.name, side, a.argumentOf);
      role = r.role;
      roleReason = r.reason;
    } catch {
      roleReason = 'the role could not be judged';
    }
    // Every array has the same properties in the same order (one hidden class).
    arrays.push({
      start: a.start,
      end: a.end,
      name: a.name,
      values: a.values,
      shape: a.shape,
      role,
      roleReason,
      issues: a.issues,
      issueDetails: a.issueDetails,
      shapedBy: a.shapedBy,
      printed: a.printed,
    });
    sides.push(side);
  }
  let pairs: FindResult['pairs'] = [];
  const issues = scanned.issues;
  try {
    const prose = syntaxFor(typeof languageId === 'string' ? languageId : '').family === 'prose';
    const found = findPairs(text, arrays, scanned.calls, sides, prose);
    pairs = found.pairs;
    refineRoles(arrays, pairs, found.signatures);
    countsOfEntropy(arrays, scanned.calls);
    refineUnpaired(arrays, pairs, sides);
  } catch (e) {
    issues.push({ offset: 0, kind: 'internal-failure', message: `pairing failed: ${errorText(e)}` });
  }
  return { arrays, pairs, issues };
}

/**
 * Markdown: fenced code blocks skip their own language's strings and comments
 * (Syntax.fenced), the prose between is read as prose.
 */
function scanDocument(
  text: string,
  languageId: string,
  caps: FinderLimits,
  locals = localSignatures(text),
): ScanResult {
  const id = typeof languageId === 'string' ? languageId.toLowerCase() : '';
  if (id === 'python')
    return new Scanner(text, syntaxFor(id), caps, 0, text.length, importedLossAliases(text), locals).run();
  if (id !== 'markdown') return new Scanner(text, syntaxFor(languageId), caps, 0, text.length, undefined, locals).run();
  const segments: [number, number, string][] = [];
  let pos = 0;
  for (const block of codeBlocks(text)) {
    if (block.languageId === undefined) continue;
    if (block.start > pos) segments.push([pos, block.start, 'markdown']);
    segments.push([block.start, block.end, block.languageId]);
    pos = block.end;
  }
  if (segments.length === 0) return new Scanner(text, syntaxFor(languageId), caps).run();
  if (pos < text.length) segments.push([pos, text.length, 'markdown']);
  const out: ScanResult = { arrays: [], calls: [], issues: [] };
  for (const [from, to, lang] of segments) {
    const remaining = caps.maxArrays - out.arrays.length;
    const syntax = lang === 'markdown' ? syntaxFor(lang) : fencedSyntaxFor(lang);
    const part = new Scanner(text, syntax, { ...caps, maxArrays: Math.max(1, remaining) }, from, to).run();
    const base = out.arrays.length;
    for (const a of part.arrays) {
      if (out.arrays.length < caps.maxArrays) out.arrays.push(a);
    }
    for (const call of part.calls) {
      out.calls.push({
        ...call,
        args: call.args.map((arg) => ({ ...arg, array: arg.array === undefined ? undefined : arg.array + base })),
      });
    }
    out.issues.push(...part.issues);
    if (part.issues.some((i) => i.message.includes('(maxArrays)'))) break;
  }
  return out;
}

/** Whole numbers passed by name to `entropy(y)` (SciPy, R's entropy package) are counts: it normalises them. */
function countsOfEntropy(arrays: FoundArray[], calls: ScanResult['calls']): void {
  for (const call of calls) {
    if (call.signature.name !== 'entropy' || call.args.length === 0) continue;
    const first = call.args[0]!;
    let k = first.array;
    if (k === undefined && first.name !== undefined) {
      for (let j = arrays.length - 1; j >= 0; j--) {
        if (arrays[j]!.start < call.start && arrays[j]!.name === first.name) {
          k = j;
          break;
        }
      }
    }
    const a = k === undefined ? undefined : arrays[k];
    if (
      a !== undefined &&
      a.role === 'class-indices' &&
      call.args.filter((x) => x.keyword === undefined).length === 1
    ) {
      a.role = 'counts';
      a.roleReason = `Every value is a whole number ≥ 0 and it is passed to ${call.callee}, which normalises counts`;
    }
  }
}

/** Removes the arrays whose range is one of `ranges` (the calls' indices follow). */
function dropRanges(scan: ScanResult, ranges: readonly [number, number][]): void {
  const drop = scan.arrays.map((a) => ranges.some(([s, e]) => a.start === s && a.end === e));
  if (!drop.includes(true)) return;
  const newIndex: number[] = [];
  const kept: ScanResult['arrays'] = [];
  scan.arrays.forEach((a, k) => {
    newIndex.push(drop[k] ? -1 : kept.length);
    if (!drop[k]) kept.push(a);
  });
  scan.arrays = kept;
  for (const call of scan.calls)
    for (const arg of call.args)
      if (arg.array !== undefined) arg.array = newIndex[arg.array]! < 0 ? undefined : newIndex[arg.array];
}

/** Adds the arrays of `inner` (same offsets) that overlap none of `into`'s, keeping text order and the calls' indices. */
function mergeScan(into: ScanResult, inner: ScanResult, maxArrays: number): void {
  if (inner.arrays.length === 0) return;
  const taken = into.arrays;
  const keep = new Int32Array(inner.arrays.length).fill(-1);
  const added: ScanResult['arrays'] = [];
  const stopped = inner.issues.find((i) => i.kind === 'max-arrays');
  const replaced = new Set<ScanResult['arrays'][number]>();
  for (let k = 0; k < inner.arrays.length; k++) {
    const a = inner.arrays[k]!;
    if (taken.length + added.length >= maxArrays) {
      if (!into.issues.some((i) => i.kind === 'max-arrays')) {
        into.issues.push({
          offset: a.start,
          kind: 'max-arrays',
          limit: maxArrays,
          message: `stopped after ${maxArrays} arrays (maxArrays); the text from offset ${a.start} on was not searched`,
        });
      }
      break;
    }
    const overlapping = taken.filter((b) => a.start < b.end && b.start < a.end);
    // A doctest's 2-D literal over `...` lines outside a string: its rows were found one by one; the whole one replaces them.
    if (
      overlapping.length > 1 &&
      overlapping.every((b) => b.start >= a.start && b.end <= a.end) &&
      a.shape.length === 2
    ) {
      for (const b of overlapping) replaced.add(b);
    } else if (overlapping.length > 0) continue;
    keep[k] = taken.length + added.length;
    added.push(a);
  }
  if (stopped !== undefined && !into.issues.some((i) => i.kind === 'max-arrays')) into.issues.push(stopped);
  if (added.length === 0) return;
  if (replaced.size > 0) {
    const gone = new Set<number>();
    taken.forEach((b, j) => {
      if (replaced.has(b)) gone.add(j);
    });
    for (const call of into.calls)
      for (const arg of call.args) if (arg.array !== undefined && gone.has(arg.array)) arg.array = undefined;
  }
  const all = [...taken, ...added];
  const order = all
    .map((_, k) => k)
    .filter((k) => !replaced.has(all[k]!))
    .sort((x, y) => all[x]!.start - all[y]!.start);
  const newIndex = new Int32Array(all.length).fill(-1);
  order.forEach((old, k) => {
    newIndex[old] = k;
  });
  into.arrays = order.map((k) => all[k]!);
  for (const call of into.calls)
    for (const arg of call.args)
      if (arg.array !== undefined) arg.array = newIndex[arg.array]! < 0 ? undefined : newIndex[arg.array];
  for (const call of inner.calls) {
    into.calls.push({
      ...call,
      args: call.args.map((arg) => ({
        ...arg,
        array: arg.array === undefined || keep[arg.array]! < 0 ? undefined : newIndex[keep[arg.array]!],
      })),
    });
  }
  into.calls.sort((x, y) => x.start - y.start);
}

/**
 * Hard ceilings on the settings, so no setting can make the finder run out of
 * memory: each open bracket costs a frame, so depth is capped at 10 000.
 */
const CEILINGS: Readonly<FinderLimits> = { maxElements: 100_000_000, maxDepth: 10_000, maxArrays: 1_000_000 };

function mergeLimits(limits: Partial<FinderLimits> | undefined): FinderLimits {
  const out: FinderLimits = { ...DEFAULT_LIMITS };
  if (limits && typeof limits === 'object') {
    for (const key of ['maxElements', 'maxDepth', 'maxArrays'] as const) {
      const v = limits[key];
      if (typeof v === 'number' && !Number.isNaN(v) && v >= 1) out[key] = Math.min(Math.floor(v), CEILINGS[key]);
    }
  }
  return out;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
