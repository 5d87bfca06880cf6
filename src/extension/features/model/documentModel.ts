// One model per document URI and version: the finder's result and the core's
// analyses, each computed on first use and kept until the document changes.
// Hover, lenses, status bar and diagnostics all read from here, so a document
// version is parsed once however many features ask. Bounded LRU cache.
import type { Analysis, AnalyzeOptions, Engine, FindResult, FoundArray, FoundPair, Values } from './shapes';
import { fmtSum, userText } from '../format';
import { binaryRows, cappedIssue, isBinaryPair, pairLoss, predictionReading } from './pairAnalysis';
import { softmax, SUM_TOLERANCE } from '../../../core';
import { SETTINGS } from '../../ids';
import { isMatrix, rowsOf } from '../../../core/elements';
import { withinCells, type JoinedCells } from './notebookText';

export interface ModelSettings {
  /** eps clipping handed to the core (undefined: off). */
  eps?: number | undefined;
  /** Documents longer than this (UTF-16 code units) get no automatic features. */
  maxDocumentChars: number;
  /** More arrays than this in one document: automatic features step back. */
  maxArrays: number;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  eps: undefined,
  maxDocumentChars: 16 * 1024 * 1024,
  maxArrays: 100_000,
};

export interface DocumentLike {
  uri: string;
  version: number;
  languageId: string;
  getText(): string;
  /** For a notebook: its code cells joined as `getText()`, so no array is read across two cells. */
  cells?: JoinedCells | undefined;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** How much of the core's analysis to make: everything, or the figures only. */
type Detail = 'full' | 'figures';

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Where an array sits in the finder's pairs. */
export interface PairLink {
  pairIndex: number;
  pair: FoundPair;
  side: 'target' | 'prediction';
  partner: FoundArray;
}

export class DocumentModel {
  private found: FindResult | undefined;
  private findError: string | undefined;
  private readonly pairAnalyses = new Map<number, Outcome<Analysis>>();
  private readonly selfAnalyses = new Map<number, Outcome<Analysis>>();
  /** Figures only (no per-element terms), for lens titles and the status bar; see figures(). */
  private readonly pairFigureCache = new Map<number, Outcome<Analysis>>();
  private readonly selfFigureCache = new Map<number, Outcome<Analysis>>();
  /** Per pair: how its figures were obtained when not from the values as written. */
  private readonly pairNotes = new Map<number, string>();
  private pairIndexByArray: Map<number, number[]> | undefined;
  /** Start offsets in ascending order, for binary search by offset. */
  private order: number[] | undefined;
  private nested: Set<number> | undefined;
  private lineStarts: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly languageId: string,
    readonly text: string,
    private readonly engine: Engine,
    readonly settings: ModelSettings,
    /** For a notebook: where each code cell lies in `text` (see notebookText.ts). */
    readonly cells?: JoinedCells,
  ) {}

  /** A one-line reason why automatic features step back on this document, or undefined. */
  get steppedBack(): string | undefined {
    const { maxDocumentChars, maxArrays } = this.settings;
    if (this.text.length > maxDocumentChars) {
      return `Entropy Lens: automatic features are off for this document (${mb(this.text.length)} is above the ${mb(maxDocumentChars)} limit, ${SETTINGS.maxDocumentSizeMB}); the Compute commands still work.`;
    }
    const found = this.result();
    // The finder stops at its own cap (the same setting) and says so; lenses for the first part only would mislead.
    const capped = found.issues.some((i) => i.kind === 'max-arrays');
    if (found.arrays.length > maxArrays || capped) {
      const count = capped ? `more than ${found.arrays.length} arrays` : `${found.arrays.length} arrays`;
      return `Entropy Lens: automatic features are off for this document (${count}, above the limit of ${Math.min(maxArrays, found.arrays.length)}, ${SETTINGS.maxArraysPerDocument}); the Compute commands still work.`;
    }
    if (this.findError) return `Entropy Lens: could not read the arrays of this document (${this.findError}).`;
    return undefined;
  }

  /** The finder's result, computed once. The finder never throws by contract; if it does, no arrays. */
  /** Whether the finder has read this version already (so no provider will wait for it). */
  get hasResult(): boolean {
    return this.found !== undefined;
  }

  /** Hands in the finder's result computed elsewhere (off the extension host's thread). */
  provideResult(found: FindResult): void {
    if (!this.found) this.found = this.cells ? withinCells(this.cells, found) : found;
  }

  result(): FindResult {
    if (!this.found) {
      try {
        const found = this.engine.findArrays(this.text, this.languageId);
        this.found = this.cells ? withinCells(this.cells, found) : found;
      } catch (e) {
        this.findError = errorText(e);
        this.found = { arrays: [], pairs: [], issues: [] };
      }
    }
    return this.found;
  }

  get arrays(): readonly FoundArray[] {
    return this.result().arrays;
  }
  get pairs(): readonly FoundPair[] {
    return this.result().pairs;
  }

  /** Index of the innermost array whose range holds `offset` (end inclusive, so a cursor just after "]" counts). */
  arrayIndexAt(offset: number): number | undefined {
    const arrays = this.arrays;
    const order = this.sortedOrder();
    // Last array starting at or before offset, then walk back for enclosing ones.
    let lo = 0,
      hi = order.length - 1,
      found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (arrays[order[mid]!]!.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let k = found, steps = 0; k >= 0 && steps < 64; k--, steps++) {
      const a = arrays[order[k]!]!;
      if (offset >= a.start && offset <= a.end) return order[k]!;
    }
    return undefined;
  }

  /** Zero-based line of an offset (line starts indexed once per version; binary search after). */
  lineOf(offset: number): number {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Line and character of an offset in this model's text (for a notebook: the joined cells). */
  positionOf(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.lineStarts![line]! };
  }

  /** The offset of a line and character in this model's text (the inverse of positionOf), clamped to the text. */
  offsetOf(line: number, character: number): number {
    this.lineOf(0);
    const starts = this.lineStarts!;
    const l = Math.max(0, Math.min(line, starts.length - 1));
    return Math.min(starts[l]! + Math.max(0, character), this.text.length);
  }

  /** True when array i lies inside another found array (a row of a batch the finder also reported). */
  isNested(i: number): boolean {
    if (!this.nested) {
      const arrays = this.arrays;
      const sorted = arrays
        .map((_, k) => k)
        .sort((a, b) => arrays[a]!.start - arrays[b]!.start || arrays[b]!.end - arrays[a]!.end);
      const nested = new Set<number>();
      let outerEnd = -1;
      for (const k of sorted) {
        if (arrays[k]!.end <= outerEnd) nested.add(k);
        else outerEnd = arrays[k]!.end;
      }
      this.nested = nested;
    }
    return this.nested.has(i);
  }

  /** Indices of arrays overlapping [start, end], in text order (binary search, no full scan). */
  arraysIn(start: number, end: number): number[] {
    const arrays = this.arrays;
    const order = this.sortedOrder();
    let lo = 0,
      hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (arrays[order[mid]!]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    const enclosing = this.arrayIndexAt(start);
    if (enclosing !== undefined && arrays[enclosing]!.start < start) out.push(enclosing);
    for (let k = lo; k < order.length && arrays[order[k]!]!.start <= end; k++) out.push(order[k]!);
    return out;
  }

  private sortedOrder(): number[] {
    const arrays = this.arrays;
    if (!this.order) this.order = arrays.map((_, i) => i).sort((a, b) => arrays[a]!.start - arrays[b]!.start);
    return this.order;
  }

  pairLinks(arrayIndex: number): PairLink[] {
    if (!this.pairIndexByArray) {
      const map = new Map<number, number[]>();
      this.pairs.forEach((p, k) => {
        for (const i of [p.target, p.prediction]) map.set(i, [...(map.get(i) ?? []), k]);
      });
      this.pairIndexByArray = map;
    }
    return (this.pairIndexByArray.get(arrayIndex) ?? []).map((k) => {
      const pair = this.pairs[k]!;
      const side = pair.target === arrayIndex ? 'target' : 'prediction';
      return { pairIndex: k, pair, side, partner: this.arrays[side === 'target' ? pair.prediction : pair.target]! };
    });
  }

  /** The core's analysis of pair k, computed once; a core error becomes its message. */
  pairAnalysis(k: number): Outcome<Analysis> {
    return cached(this.pairAnalyses, k, () => this.analysePair(k, 'full'));
  }

  /**
   * Pair k's figures, per-row summaries and warnings without the per-element
   * terms, gradient and probabilities (the full analysis when already made):
   * what a lens title or the status bar shows, at a fraction of the cost on wide rows.
   */
  pairFigures(k: number): Outcome<Analysis> {
    return this.pairAnalyses.get(k) ?? cached(this.pairFigureCache, k, () => this.analysePair(k, 'figures'));
  }

  /** Array i on its own, figures only (see pairFigures and selfAnalysis). */
  selfFigures(i: number): Outcome<Analysis> {
    return this.selfAnalyses.get(i) ?? cached(this.selfFigureCache, i, () => this.analyseSelf(i, 'figures'));
  }

  private analysePair(k: number, detail: Detail): Outcome<Analysis> {
    const pair = this.pairs[k]!;
    const target = this.arrays[pair.target]!;
    const prediction = this.arrays[pair.prediction]!;
    const capped = cappedProblem(target) ?? cappedProblem(prediction);
    if (capped) return { ok: false, error: capped };
    if (isBinaryPair(pair)) return this.binaryAnalysis(target, prediction, detail);
    const options: AnalyzeOptions = { prediction: predictionReading(prediction.role) };
    // A prediction that does not sum to 1 is judged on its normalised copy (Keras
    // divides y_pred by its sum too); the figures say so and the diagnostic offers the fix.
    const note = normalisationNote(target, prediction);
    if (note) {
      options.normalize = true;
      this.pairNotes.set(k, note);
    } else if (prediction.role === 'logits' && expectsProbabilities(pair)) {
      // The call takes probabilities but these look like logits: say how they were read.
      this.pairNotes.set(k, 'q read as logits: softmax applied');
    }
    const out = this.run(target.values, prediction.values, options, detail);
    return out.ok ? out : { ok: false, error: withNames(out.error, target.name, prediction.name) };
  }

  /** A binary loss (BCE, sigmoid cross-entropy): each element its own two-class problem (see binaryRows). */
  private binaryAnalysis(target: FoundArray, prediction: FoundArray, detail: Detail): Outcome<Analysis> {
    const rows = binaryRows(target.values, prediction.values, prediction.role);
    const tn = target.name ?? 'the target',
      qn = prediction.name ?? 'the prediction';
    if (!rows.ok && rows.problem === 'length')
      return {
        ok: false,
        error: `${tn} has ${rows.targetLength} values, ${qn} has ${rows.predictionLength}: a binary loss needs one target per prediction`,
      };
    if (!rows.ok) return { ok: false, error: `${tn}[${rows.index}] is ${rows.value}: a binary target lies in [0, 1]` };
    const out = this.run(rows.target, rows.prediction, { prediction: rows.reads }, detail);
    return out.ok ? out : { ok: false, error: withNames(out.error, target.name, prediction.name) };
  }

  /** Whether pair k is a binary loss, judged per element (see binaryAnalysis). */
  isBinary(k: number): boolean {
    return isBinaryPair(this.pairs[k]!);
  }

  /** How pair k's figures were obtained when not from the values as written, e.g. "q normalised: sums to 0.9". */
  pairNote(k: number): string | undefined {
    this.pairFigures(k);
    return this.pairNotes.get(k);
  }

  /**
   * An array on its own: its entropy as a distribution, or for logits and
   * log-probabilities the entropy of the softmax they imply. Class indices have none.
   */
  selfAnalysis(arrayIndex: number): Outcome<Analysis> {
    return cached(this.selfAnalyses, arrayIndex, () => this.analyseSelf(arrayIndex, 'full'));
  }

  private analyseSelf(arrayIndex: number, detail: Detail): Outcome<Analysis> {
    const a = this.arrays[arrayIndex]!;
    const capped = cappedProblem(a);
    if (capped) return { ok: false, error: capped };
    if (a.role === 'class-indices') {
      return {
        ok: false,
        error: 'class indices are labels, not a distribution; pair them with a prediction to get a loss',
      };
    }
    if (a.role === 'logits' || a.role === 'log-probabilities') {
      const implied = impliedDistribution(a.values);
      return implied.ok ? this.run(implied.value, a.values, { prediction: a.role }, detail) : implied;
    }
    // Counts, and probabilities whose rows sum a little off 1, are judged as the
    // distribution they normalise to (SciPy's entropy does the same); the lens says so.
    const normalize = a.role === 'counts' || normalisationNote(a, a) !== undefined;
    return this.run(
      a.values,
      a.values,
      normalize ? { prediction: 'probabilities', normalize: true } : { prediction: 'probabilities' },
      detail,
    );
  }

  private run(target: Values, prediction: Values, options: AnalyzeOptions, detail: Detail): Outcome<Analysis> {
    try {
      const opts: AnalyzeOptions = { ...options, detail };
      if (this.settings.eps !== undefined) opts.eps = this.settings.eps;
      return { ok: true, value: this.engine.analyze(target, prediction, opts) };
    } catch (e) {
      return { ok: false, error: userText(errorText(e)) };
    }
  }
}

/** LRU of document models; a new version or settings change replaces the entry. */
export class DocumentModelCache {
  private readonly entries = new Map<string, DocumentModel>();

  constructor(
    private readonly engine: Engine,
    private readonly capacity = 16,
  ) {}

  get(doc: DocumentLike, settings: ModelSettings): DocumentModel {
    const hit = this.entries.get(doc.uri);
    if (
      hit &&
      hit.version === doc.version &&
      hit.languageId === doc.languageId &&
      sameSettings(hit.settings, settings)
    ) {
      this.entries.delete(doc.uri); // refresh recency
      this.entries.set(doc.uri, hit);
      return hit;
    }
    const model = new DocumentModel(
      doc.uri,
      doc.version,
      doc.languageId,
      doc.getText(),
      this.engine,
      settings,
      doc.cells,
    );
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, model);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return model;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
  clear(): void {
    this.entries.clear();
  }
  get size(): number {
    return this.entries.size;
  }
}

function sameSettings(a: ModelSettings, b: ModelSettings): boolean {
  return a.eps === b.eps && a.maxDocumentChars === b.maxDocumentChars && a.maxArrays === b.maxArrays;
}

/**
 * The finder stops reading an array at its maxElements cap ("capped: only the
 * first N of M values were read"): figures of the first part would look right
 * and be wrong, so such an array gets a message instead.
 */
export function cappedProblem(a: FoundArray): string | undefined {
  const issue = cappedIssue(a);
  if (issue === undefined) return undefined;
  const what = issue.replace(/\s*\(maxElements\)$/, '');
  return `${a.name ?? 'this array'} is longer than Entropy Lens reads (${what}); raise ${SETTINGS.maxElementsPerArray} to see its figures`;
}

/** Losses whose prediction argument is probabilities (log_loss, categorical_crossentropy, …), from the pair's call. */
function expectsProbabilities(pair: FoundPair): boolean {
  return pairLoss(pair)?.expects === 'probabilities';
}

const READ_AS_SCORES = new Set(['logits', 'log-probabilities']);

/**
 * When the prediction (or a same-shaped target) is read as probabilities but its
 * rows do not sum to 1, and dividing by the sum is well defined (finite, ≥ 0,
 * sum > 0): a short note such as "q normalised: sums to 0.9". Else undefined.
 */
export function normalisationNote(target: FoundArray, prediction: FoundArray): string | undefined {
  const notes: string[] = [];
  const sameShape =
    target.shape.length === prediction.shape.length && target.shape.every((d, i) => d === prediction.shape[i]);
  if (target.role !== 'class-indices' && sameShape) {
    const t = offSums(target.values);
    if (t) notes.push(`p normalised: ${sumsPhrase(t)}`);
  }
  if (!READ_AS_SCORES.has(prediction.role)) {
    const q = offSums(prediction.values);
    if (q) notes.push(`q normalised: ${sumsPhrase(q)}`);
  } else if (prediction.role === 'log-probabilities') {
    // Log-probabilities written with few digits: exp sums a little off 1, renormalised (log q − log Σ e^x).
    const q = offSums(rowsOf(prediction.values).map((row) => row.map(Math.exp)));
    if (q) notes.push(`log q renormalised: ${sumsPhrase(q, true)}`);
  }
  return notes.length ? notes.join('; ') : undefined;
}

interface OffSums {
  off: number;
  rows: number;
  lo: number;
  hi: number;
}

/** Rows whose sum is off 1, when every row can be normalised (finite, ≥ 0, sum > 0); else undefined. */
function offSums(values: Values): OffSums | undefined {
  const rows = rowsOf(values);
  let off = 0,
    lo = Infinity,
    hi = -Infinity;
  for (const row of rows) {
    let s = 0;
    for (const v of row) {
      if (!(v >= 0) || !Number.isFinite(v)) return undefined;
      s += v;
    }
    if (!(s > 0)) return undefined;
    if (Math.abs(s - 1) > SUM_TOLERANCE) {
      off++;
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
  }
  return off ? { off, rows: rows.length, lo, hi } : undefined;
}

/** "sums to 0.9", "rows sum to 0.9 … 1.2", "2 of 3 rows sum to 0.9"; of the exponentials: "exponentials sum to 1.002", … */
function sumsPhrase(o: OffSums, exponentials = false): string {
  const range = o.lo === o.hi ? fmtSum(o.lo) : `${fmtSum(o.lo)} … ${fmtSum(o.hi)}`;
  if (o.rows === 1) return `${exponentials ? 'exponentials sum' : 'sums'} to ${range}`;
  const which = o.off === o.rows ? 'rows' : `${o.off} of ${o.rows} rows`;
  return exponentials
    ? `exponentials of ${o.off === o.rows ? 'the rows' : which} sum to ${range}`
    : `${which} sum to ${range}`;
}

function impliedDistribution(values: Values): Outcome<Values> {
  const rows = rowsOf(values);
  for (let r = 0; r < rows.length; r++) {
    const bad = rows[r]!.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      return { ok: false, error: `element ${rows.length > 1 ? `[${r}][${bad}]` : `[${bad}]`} is ${rows[r]![bad]}` };
  }
  const soft = rows.map((row) => softmax(row));
  return { ok: true, value: isMatrix(values) ? soft : soft[0]! };
}

/** The core says "target" and "prediction"; the user wrote y_true and y_pred. */
export function withNames(message: string, target: string | undefined, prediction: string | undefined): string {
  return message.replace(
    /(?<!the )\b(target|prediction)(?=\[| has | sums | row | is )/g,
    (word) => (word === 'target' ? target : prediction) ?? word,
  );
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

function mb(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}
