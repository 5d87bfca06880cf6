// Code lens content: where lenses go (one per line that holds a paired
// prediction, or an unpaired distribution) and the one-line title, computed
// only when VS Code resolves a visible lens.
import { cellAt, normalisationNote, type DocumentModel, type Analysis, type FoundArray, type Unit } from '../model';
import { namedLikePrediction } from './names';
import { fmtIn } from '../format';

export interface LensAnchor {
  /** Offset the lens sits above (start of the first array on that line). */
  offset: number;
  /** Line number of `offset`, so several items on one line share one lens. */
  line: number;
  items: LensItem[];
}

export type LensItem = { kind: 'pair'; pairIndex: number } | { kind: 'single'; arrayIndex: number };

const DISTRIBUTION_ROLES = new Set(['target', 'one-hot', 'probabilities', 'logits', 'log-probabilities']);

/** A distribution on its own: by role, or non-negative values named like a prediction (probs = [0.5, 0.28, 0.2]). */
function isDistribution(a: FoundArray): boolean {
  return DISTRIBUTION_ROLES.has(a.role) || (a.role === 'counts' && namedLikePrediction(a.name));
}

/**
 * One anchor per line: each pair anchors at its prediction, each array that is in
 * no pair and looks like a distribution anchors at itself. `lineOf` maps an offset
 * to its line (the adapter passes the document's positionAt; tests a counter).
 */
const anchorsByModel = new WeakMap<DocumentModel, LensAnchor[]>();

/**
 * The lens anchors of a whole model, computed once per model: every cell of a
 * notebook shares its notebook's model and keeps only its own anchors.
 */
export function modelAnchors(model: DocumentModel): LensAnchor[] {
  let anchors = anchorsByModel.get(model);
  if (!anchors) {
    anchors = lensAnchors(model, (o) => model.lineOf(o));
    anchorsByModel.set(model, anchors);
  }
  return anchors;
}

export function lensAnchors(
  model: DocumentModel,
  lineOf: (offset: number) => number,
  maxLenses = 100_000,
): LensAnchor[] {
  // Collect (offset, item), sort once by offset, then merge items of the same line.
  const entries: { offset: number; item: LensItem }[] = [];
  const paired = new Uint8Array(model.arrays.length);
  const pairs = model.pairs;
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k]!;
    paired[p.target] = 1;
    paired[p.prediction] = 1;
    entries.push({ offset: model.arrays[p.prediction]!.start, item: { kind: 'pair', pairIndex: k } });
  }
  const arrays = model.arrays;
  for (let i = 0; i < arrays.length; i++) {
    if (!paired[i] && isDistribution(arrays[i]!) && !model.isNested(i))
      entries.push({ offset: arrays[i]!.start, item: { kind: 'single', arrayIndex: i } });
  }
  entries.sort((a, b) => a.offset - b.offset);
  const out: LensAnchor[] = [];
  let last: LensAnchor | undefined;
  for (const e of entries) {
    const line = lineOf(e.offset);
    if (last && last.line === line) {
      last.items.push(e.item);
      continue;
    }
    if (out.length >= maxLenses) break;
    last = { offset: e.offset, line, items: [e.item] };
    out.push(last);
  }
  return out;
}

/** The title of one lens: the items of its line joined by "  |  ". */
export function lensTitle(model: DocumentModel, anchor: LensAnchor, unit: Unit): string {
  return anchor.items.map((item) => itemTitle(model, item, unit)).join('  |  ');
}

function itemTitle(model: DocumentModel, item: LensItem, unit: Unit): string {
  if (item.kind === 'pair') {
    const out = model.pairFigures(item.pairIndex);
    if (!out.ok) return `Entropy Lens: ${out.error}`;
    return pairLine(out.value, unit, pairView(model, item.pairIndex)) + partnerElsewhere(model, item.pairIndex);
  }
  const array = model.arrays[item.arrayIndex]!;
  const out = model.selfFigures(item.arrayIndex);
  if (!out.ok) return `Entropy Lens: ${out.error}`;
  const batch = out.value.batched && out.value.rows > 1 ? ` (mean of ${out.value.rows} rows)` : '';
  if (array.role === 'logits' || array.role === 'log-probabilities')
    return `H(softmax) = ${fmtIn(out.value.entropy, unit)} ${unit}${batch}`;
  const sums = normalisationNote(array, array);
  return `H(p) = ${fmtIn(out.value.entropy, unit)} ${unit}${sums ? ` (${sums.replace(/^p normalised: .*?; q /, '')})` : ''}${batch}`;
}

/** In a notebook, where the target is when it is in another cell than the prediction: " · target y_true in cell 1". */
export function partnerElsewhere(model: DocumentModel, pairIndex: number): string {
  const cells = model.cells;
  if (!cells) return '';
  const pair = model.pairs[pairIndex]!;
  const target = model.arrays[pair.target]!;
  const there = cellAt(cells, target.start);
  if (there === undefined || there === cellAt(cells, model.arrays[pair.prediction]!.start)) return '';
  return ` · target${target.name ? ` ${target.name}` : ''} in ${cells.labels[there]!}`;
}

/** How a pair's figures were obtained: normalised copies, or per element for a binary loss. */
export interface PairView {
  note?: string | undefined;
  binary?: boolean;
}

export function pairView(model: DocumentModel, pairIndex: number): PairView {
  return { note: model.pairNote(pairIndex), binary: model.isBinary(pairIndex) };
}

/**
 * `H(p,q) = 0.357 nats · KL = 0.021 · H(p) = 0.336`, with how it was read:
 * `H(p,q) = 1.099 nats (q normalised: sums to 0.9) · …`, or for a binary loss
 * `BCE = 0.258 nats · KL = 0.258 · H(p) = 0 · mean of 3 elements`.
 */
export function pairLine(a: Analysis, unit: Unit, view: PairView = {}): string {
  const ignored = a.perRow.filter((r) => r.ignored).length;
  const kept = a.rows - ignored;
  const batch = view.binary
    ? ` · mean of ${a.rows} element${a.rows === 1 ? '' : 's'}`
    : ignored
      ? ` · mean of ${kept} row${kept === 1 ? '' : 's'} (${ignored} ignored)`
      : a.batched && a.rows > 1
        ? ` · mean of ${a.rows} rows`
        : '';
  const how = view.note ? ` (${view.note})` : '';
  const ce = view.binary ? 'BCE' : 'H(p,q)';
  return `${ce} = ${fmtIn(a.crossEntropy, unit)} ${unit}${how} · KL = ${fmtIn(a.klPQ, unit)} · H(p) = ${fmtIn(a.entropy, unit)}${batch}`;
}
