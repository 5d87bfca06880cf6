// Which arrays a compute command works on, from the finder's result and where
// the user is: the selections (several count together) or, without one, the
// cursor. Pure: offsets in, array indices out, so every rule is unit-tested.
import type { AnyValues, FindResult, FoundArray, FoundPair, Role } from '../../parse/types';
import type { ComputeKind, OffsetSpan } from './types';

/** How far (in lines) from the cursor an array still counts as "around" it. */
export const NEAR_LINES = 10;

export type Choice =
  /** A target and a prediction (indices into find.arrays), with what the finder knows of the pair (its loss call, binary). */
  | ({ type: 'pair' } & FoundPair)
  /** Arrays whose entropy is wanted, in document order. */
  | { type: 'arrays'; indices: number[] }
  /** One array is known; the user picks its partner from `candidates` (the finder's partner first). */
  | { type: 'partner'; index: number; candidates: number[]; paired: number | undefined }
  | { type: 'none'; code: 'NO_ARRAYS' | 'ONE_ARRAY'; message: string };

export interface Where {
  /** The editor's selections; an empty one is just a cursor. */
  selections: readonly OffsetSpan[];
  /** The active cursor. */
  cursor: number;
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
}

const TARGET_ROLES: ReadonlySet<Role> = new Set<Role>(['one-hot', 'class-indices', 'target']);

/** Roles that read as labels rather than predictions. */
export function isTargetRole(role: Role): boolean {
  return TARGET_ROLES.has(role);
}

const SELECT_HINT =
  'select the target and the prediction (for example the lines `y_true = [0, 1, 0]` and `y_pred = [0.2, 0.7, 0.1]`), or put the cursor on an array';

export function chooseArrays(find: FindResult, where: Where, kind: ComputeKind): Choice {
  const selected = where.selections.filter((s) => s.end > s.start);
  if (selected.length > 0) return fromSelection(find, selected, kind);
  return fromCursor(find, where, kind);
}

function fromSelection(find: FindResult, selections: readonly OffsetSpan[], kind: ComputeKind): Choice {
  const inside = indicesInOrder(find.arrays).filter((i) => {
    const a = find.arrays[i]!;
    return selections.some((s) => a.start < s.end && s.start < a.end);
  });
  if (inside.length === 0) {
    const noun = selections.length > 1 ? 'the selections hold' : 'the selection holds';
    return {
      type: 'none',
      code: 'NO_ARRAYS',
      message: `${noun} no numeric array${tooDeep(find, selections)}: ${kind === 'entropy' ? 'select an array such as `[0.2, 0.7, 0.1]`, or put the cursor on one' : SELECT_HINT}`,
    };
  }
  if (kind === 'entropy') return { type: 'arrays', indices: inside };
  if (inside.length === 1) return partnerOf(find, inside[0]!);
  const chosen = new Set(inside);
  const pair = find.pairs.find((p) => chosen.has(p.target) && chosen.has(p.prediction));
  if (pair) return { type: 'pair', ...pair };
  return {
    type: 'pair',
    target: inside[0]!,
    prediction: inside[1]!,
    reason: 'selected, not paired by the finder: the first is read as the target',
  };
}

function fromCursor(find: FindResult, where: Where, kind: ComputeKind): Choice {
  const { cursor } = where;
  const atCursor = find.arrays.findIndex((a) => a.start <= cursor && cursor <= a.end);
  if (kind === 'entropy') {
    const index = atCursor >= 0 ? atCursor : nearest(find.arrays, where);
    if (index === undefined)
      return noneNear(find, 'put the cursor on an array such as `[0.2, 0.7, 0.1]`, or select it');
    return { type: 'arrays', indices: [index] };
  }
  if (atCursor >= 0) {
    const pair = find.pairs.find((p) => p.target === atCursor || p.prediction === atCursor);
    if (pair) return { type: 'pair', ...pair };
    return partnerOf(find, atCursor);
  }
  const spans = find.pairs.map((p) => span(find.arrays[p.target]!, find.arrays[p.prediction]!));
  const pairIndex = nearest(spans, where);
  if (pairIndex !== undefined) {
    const pair = find.pairs[pairIndex]!;
    return { type: 'pair', ...pair };
  }
  const arrayIndex = nearest(find.arrays, where);
  if (arrayIndex !== undefined) return partnerOf(find, arrayIndex);
  return noneNear(find, SELECT_HINT);
}

/** Why brackets in the selections were not read, when they nest too deep ('' otherwise). */
function tooDeep(find: FindResult, selections: readonly OffsetSpan[]): string {
  const issue = find.issues.find(
    (i) =>
      (i.kind === 'max-depth' || i.kind === 'too-deep') &&
      selections.some((s) => i.offset >= s.start && i.offset < s.end),
  );
  if (!issue) return '';
  return issue.kind === 'max-depth' && issue.limit !== undefined
    ? ` (brackets nested deeper than ${issue.limit} levels are not read)`
    : ' (literals nested 3 or more levels deep are not read)';
}

function noneNear(find: FindResult, hint: string): Choice {
  const where =
    find.arrays.length === 0
      ? 'this document has no numeric array'
      : `no numeric array within ${NEAR_LINES} lines of the cursor`;
  return { type: 'none', code: 'NO_ARRAYS', message: `${where}: ${hint}` };
}

/** One array is known: its partner is picked from the others, the finder's partner first. */
function partnerOf(find: FindResult, index: number): Choice {
  const pair = find.pairs.find((p) => p.target === index || p.prediction === index);
  const paired = pair ? (pair.target === index ? pair.prediction : pair.target) : undefined;
  const others = indicesInOrder(find.arrays).filter((i) => i !== index && i !== paired);
  const candidates = paired === undefined ? others : [paired, ...others];
  if (candidates.length === 0) {
    const a = find.arrays[index]!;
    return {
      type: 'none',
      code: 'ONE_ARRAY',
      message: `${a.name ? `\`${a.name}\`` : 'this array'} is the only array here: a cross-entropy or KL needs a target and a prediction of the same length (Compute entropy works on one array)`,
    };
  }
  return { type: 'partner', index, candidates, paired };
}

/**
 * The order of a known array and the partner the user picked: the finder's
 * order when it pairs them, else a label-like array (one-hot, class indices,
 * named target) is the target, else the array the user started from is.
 */
export function orderPartner(find: FindResult<AnyValues>, known: number, picked: number): FoundPair {
  const pair = find.pairs.find(
    (p) => (p.target === known && p.prediction === picked) || (p.target === picked && p.prediction === known),
  );
  if (pair) return pair;
  const a = find.arrays[known]!,
    b = find.arrays[picked]!;
  if (isTargetRole(b.role) && !isTargetRole(a.role))
    return { target: picked, prediction: known, reason: `picked: ${roleWords(b.role)} reads as the target` };
  return { target: known, prediction: picked, reason: 'picked: the array you started from is read as the target' };
}

function roleWords(role: Role): string {
  return role === 'target' ? 'a named target' : role;
}

function span(a: FoundArray, b: FoundArray): OffsetSpan {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** The span closest to the cursor within NEAR_LINES (by lines, then characters); ties go to the earlier span. */
function nearest(spans: readonly OffsetSpan[], where: Where): number | undefined {
  const line = where.lineOf(where.cursor);
  let best: number | undefined;
  let bestLines = Infinity,
    bestChars = Infinity;
  spans.forEach((s, i) => {
    const from = where.lineOf(s.start),
      to = where.lineOf(s.end);
    const lines = line < from ? from - line : line > to ? line - to : 0;
    const chars = where.cursor < s.start ? s.start - where.cursor : where.cursor > s.end ? where.cursor - s.end : 0;
    if (lines > NEAR_LINES) return;
    if (lines < bestLines || (lines === bestLines && chars < bestChars)) {
      best = i;
      bestLines = lines;
      bestChars = chars;
    }
  });
  return best;
}

function indicesInOrder(arrays: readonly FoundArray[]): number[] {
  return arrays.map((_, i) => i).sort((x, y) => arrays[x]!.start - arrays[y]!.start);
}
