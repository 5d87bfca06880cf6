// Hover content as Markdown: what the array is and why, its entropy, and when it
// is paired the cross-entropy, KL both ways, JS and perplexity against its
// partner, a compact per-element table and the rule behind special terms.
// Plain Markdown only (no colours, no HTML) so it reads in every theme.
import type { DocumentModel, PairLink, Analysis, FoundArray, Term, Unit } from '../model';
import { namedLikePrediction } from './names';
import { asLibrariesLine, libraryReading, pairFrameworkLine } from './frameworkContent';
import { escapeMarkdown, fmt, fmtIn, fmtSum, inUnit, userText } from '../format';
import { rowsOf } from '../../../core/elements';
import type { TermRule } from '../../../core';
import type { PairPayload, RangeDto } from '../../../protocol/visualizer';
import { COMMANDS, INTERNAL_COMMANDS, SETTINGS } from '../../ids';

export interface HoverOptions {
  unit: Unit;
  /** Rows in the per-element table before it switches to "largest contributions". */
  maxTableRows?: number;
  /** Add the command links (off where commands cannot run). */
  commandLinks?: boolean;
  /** Offsets to a line/character range (the adapter passes the document's positionAt). */
  toRange?: (start: number, end: number) => RangeDto;
}

/** Above this many numbers the link carries only where the pair is, not its values (keeps hovers light). */
const MAX_LINK_VALUES = 1024;

/** The commands a hover's links run: the only ones its Markdown trusts. */
export const HOVER_COMMANDS = [
  COMMANDS.showVisualizer,
  COMMANDS.copyAsMarkdown,
  COMMANDS.copyAsLatex,
  INTERNAL_COMMANDS.forwardPair,
] as const;

const ROLE_TEXT: Record<string, string> = {
  target: 'target distribution',
  'one-hot': 'one-hot labels',
  'class-indices': 'class indices',
  probabilities: 'probabilities',
  logits: 'logits',
  'log-probabilities': 'log-probabilities',
  counts: 'counts (not normalised)',
  unknown: 'numbers (role unknown)',
};

/** The core's special-term rules: a short label for the table and the explanation shown once under it. */
const RULES: Record<Exclude<TermRule, 'regular'>, { label: string; text: string }> = {
  'zero-times-log-zero': { label: '0·log 0 = 0', text: 'p = 0 contributes 0 (the limit of p·log p as p → 0).' },
  'infinite-q-zero': {
    label: 'q = 0 → ∞',
    text: `q = 0 where p > 0 makes the loss infinite: the prediction rules out what happened (the ${SETTINGS.eps} setting clips q).`,
  },
  'clipped-eps': {
    label: 'clipped',
    text: `q was clipped to [eps, 1 − eps] before the log (the ${SETTINGS.eps} setting).`,
  },
  'ignored-index': { label: 'ignored', text: 'the row equals ignore_index and contributes nothing.' },
  'masked-neg-inf-logit': {
    label: 'masked logit',
    text: 'the logit is −∞ (masked): q = 0, so the term is 0 where p = 0 and infinite where p > 0.',
  },
};

export function hoverMarkdown(model: DocumentModel, arrayIndex: number, options: HoverOptions): string {
  const { unit } = options;
  const array = model.arrays[arrayIndex]!;
  const lines: string[] = [];
  const links = model.pairLinks(arrayIndex);
  // Non-negative values that miss a sum of 1 classify as counts, but passed or named
  // as a prediction they are meant as probabilities (and are judged normalised).
  // At a binary loss each element is its own yes/no problem: no sum to 1, sigmoid not softmax.
  const binary = links.find((l) => model.isBinary(l.pairIndex));
  const meantAsProbabilities =
    !binary &&
    array.role === 'counts' &&
    (links.some((l) => l.side === 'prediction') || namedLikePrediction(array.name));
  const roleText = binary
    ? binaryRoleText(array, binary.side)
    : meantAsProbabilities
      ? 'probabilities that do not sum to 1'
      : (ROLE_TEXT[array.role] ?? escapeMarkdown(String(array.role)));
  lines.push(`**Entropy Lens** · ${nameOf(array)} — ${roleText}, ${describeShape(array)}`);
  lines.push('');
  if (meantAsProbabilities) {
    lines.push(
      `*Why probabilities:* it is ${links.length ? 'paired as the prediction' : 'named like a prediction'}, but its values sum to ${sumsText(array)}, not 1.`,
      '',
    );
  } else if (array.roleReason) {
    const why = binary
      ? binary.side === 'target'
        ? 'binary targets'
        : (ROLE_TEXT[array.role] ?? array.role)
      : roleText;
    lines.push(`*Why ${why}:* ${escapeMarkdown(array.roleReason)}`, '');
  }
  for (const issue of array.issues) lines.push(`⚠ ${escapeMarkdown(issue)}  `);
  if (array.issues.length) lines.push('');

  const self = binary ? undefined : model.selfAnalysis(arrayIndex);
  if (binary || !self) {
    if (binary?.side === 'prediction' && array.role === 'logits') {
      const z = rowsOf(array.values).flat();
      lines.push(`Sigmoid per element: ${compactVector([z.map(sigmoid)], 8)}`, '');
    }
  } else if (array.role === 'logits' || array.role === 'log-probabilities') {
    if (self.ok) {
      lines.push(`Softmax implied by these ${array.role}: ${compactVector(self.value.probabilities, 8)}  `);
      lines.push(`H(softmax) = ${fmtIn(self.value.entropy, unit)} ${unit}`, '');
    } else lines.push(`Softmax: ${escapeMarkdown(self.error)}`, '');
  } else if (array.role !== 'class-indices') {
    if (self.ok)
      lines.push(
        `${links.some((l) => l.side === 'prediction') ? 'H(q)' : 'H(p)'} = ${fmtIn(self.value.entropy, unit)} ${unit}${array.role === 'counts' ? ` (of the ${meantAsProbabilities ? 'normalised values' : 'normalised counts'})` : ''}${self.value.batched && self.value.rows > 1 ? ` (mean over ${self.value.rows} rows)` : ''}`,
        '',
      );
    else lines.push(`Not a distribution: ${escapeMarkdown(self.error)}`, '');
  }

  for (const link of links.slice(0, 2)) lines.push(...pairSection(model, link, options));
  if (links.length === 0)
    lines.push(
      '*Not paired with a target or prediction.* Select two arrays and run **Compute cross-entropy** to compare them.',
    );
  return lines.join('\n');
}

function pairSection(model: DocumentModel, link: PairLink, options: HoverOptions): string[] {
  const { unit } = options;
  const partnerName = nameOf(link.partner);
  const lines: string[] = ['---', ''];
  lines.push(
    `Paired as the **${link.side}** with ${partnerName} (the ${link.side === 'target' ? 'prediction' : 'target'}): ${escapeMarkdown(link.pair.reason)}`,
    '',
  );
  const library = pairFrameworkLine(
    link.pair,
    model.arrays[link.pair.target]!,
    model.arrays[link.pair.prediction]!,
    model.text,
  );
  if (library) lines.push(library, '');
  const out = model.pairAnalysis(link.pairIndex);
  if (!out.ok) {
    lines.push(`Cannot compute the loss: ${escapeMarkdown(out.error)}`);
    return lines;
  }
  const a = out.value;
  if (!library && link.pair.callee === undefined) {
    const reads = libraryReading(
      model.isBinary(link.pairIndex),
      model.arrays[link.pair.prediction]!.role,
      a.predictionKind,
    );
    const as = asLibrariesLine(
      model.arrays[link.pair.target]!.values,
      model.arrays[link.pair.prediction]!.values,
      reads,
      model.isBinary(link.pairIndex),
      model.arrays[link.pair.target]!.role === 'class-indices',
    );
    if (as) lines.push(as, '');
  }
  const target = model.arrays[link.pair.target]!,
    prediction = model.arrays[link.pair.prediction]!;
  const note = model.pairNote(link.pairIndex);
  if (note) lines.push(`*${normalisedSentence(note, target, prediction)}*`, '');
  if (target.role === 'class-indices') lines.push(classIndexLine(target, prediction), '');
  if (model.isBinary(link.pairIndex)) {
    const z = prediction.role === 'logits' ? 'σ(z), 1 − σ(z)' : 'q, 1 − q';
    lines.push(
      `*Binary loss: each of the ${a.rows} elements is its own two-class problem, p = (y, 1 − y) against q = (${z}); the figures are means over the elements, as the loss's mean reduction.*`,
      '',
    );
    lines.push(...figureTable(a, unit, 'H(p,q) binary cross-entropy'), '');
    lines.push(...binaryTermTable(a, unit, options.maxTableRows ?? 8));
  } else {
    lines.push(...figureTable(a, unit), '');
    if (a.batched && a.rows > 1) lines.push(...batchSummary(a, unit), '');
    lines.push(...termTable(a, unit, options.maxTableRows ?? 8));
  }
  for (const w of a.warnings) lines.push(`⚠ ${escapeMarkdown(userText(w))}  `);
  if (options.commandLinks !== false) {
    const args = pairPayload(model, link.pairIndex, options.toRange);
    // A pair too long for a command URI goes through the forwarder, which reads it back from the document.
    const link2 = (label: string, command: string): string =>
      args.target.length
        ? commandLink(label, command, args)
        : commandLink(label, INTERNAL_COMMANDS.forwardPair, { command, payload: args });
    lines.push(
      '',
      [
        link2('$(graph) Open in visualizer', COMMANDS.showVisualizer),
        link2('Copy as Markdown', COMMANDS.copyAsMarkdown),
        link2('Copy as LaTeX', COMMANDS.copyAsLatex),
      ].join(' · '),
    );
  }
  return lines;
}

export function figureTable(a: Analysis, unit: Unit, ceLabel = 'H(p,q) cross-entropy'): string[] {
  return [
    `| | ${unit} |`,
    '|:--|--:|',
    `| H(p) entropy of the target | ${fmtIn(a.entropy, unit)} |`,
    `| ${ceLabel} | ${fmtIn(a.crossEntropy, unit)} |`,
    `| KL(p‖q) | ${fmtIn(a.klPQ, unit)} |`,
    `| KL(q‖p) | ${fmtIn(a.klQP, unit)} |`,
    `| JS(p,q) | ${fmtIn(a.js, unit)} |`,
    `| perplexity e^H(p,q) | ${fmt(a.perplexity)} |`,
  ];
}

function batchSummary(a: Analysis, unit: Unit): string[] {
  const worst = [...a.perRow].sort((x, y) => y.crossEntropy.nats - x.crossEntropy.nats || x.row - y.row).slice(0, 3);
  return [
    `Batch of ${a.rows} rows × ${a.classes} classes; figures above are means over rows.  `,
    `Worst rows: ${worst.map((r) => `row ${r.row} H(p,q) = ${fmtIn(r.crossEntropy, unit)}`).join(', ')}`,
  ];
}

/** A binary loss per element: target y, predicted probability q and the element's BCE (largest first when long). */
export function binaryTermTable(a: Analysis, unit: Unit, maxRows: number): string[] {
  const rows = a.perRow.map((r) => ({
    i: r.row,
    y: a.terms[2 * r.row]!.p,
    q: a.terms[2 * r.row]!.q,
    bce: r.crossEntropy,
  }));
  const long = rows.length > maxRows;
  const shown = long ? [...rows].sort((x, y) => y.bce.nats - x.bce.nats || x.i - y.i).slice(0, maxRows) : rows;
  return [
    long
      ? `Largest ${maxRows} of ${rows.length} elements −y·log q − (1 − y)·log(1 − q):`
      : 'Elements −y·log q − (1 − y)·log(1 − q):',
    '',
    `| i | y | q | BCE (${unit}) |`,
    '|:--|--:|--:|--:|',
    ...shown.map((r) => `| [${r.i}] | ${fmt(r.y)} | ${fmt(r.q)} | ${fmtIn(r.bce, unit)} |`),
  ];
}

/** Per-element terms, in index order when short, largest |contribution| first when long. */
export function termTable(a: Analysis, unit: Unit, maxRows: number): string[] {
  const terms = a.terms;
  if (terms.length === 0) return [];
  const long = terms.length > maxRows;
  const shown = long
    ? [...terms].sort((x, y) => magnitude(y) - magnitude(x) || x.row - y.row || x.index - y.index).slice(0, maxRows)
    : terms;
  const index = (t: Term): string => (a.batched ? `[${t.row}][${t.index}]` : `[${t.index}]`);
  const lines = [
    long ? `Largest ${maxRows} of ${terms.length} terms −p·log q:` : 'Terms −p·log q:',
    '',
    `| i | p | q | −p·log q (${unit}) | |`,
    '|:--|--:|--:|--:|:--|',
  ];
  for (const t of shown)
    lines.push(
      `| ${index(t)} | ${fmt(t.p)} | ${fmt(t.q)} | ${fmt(inUnit(t.contribution, unit))} | ${t.rule === 'regular' ? '' : RULES[t.rule].label} |`,
    );
  const rules = new Set<string>();
  for (const t of terms) {
    if (t.rule !== 'regular') rules.add(RULES[t.rule].text);
  }
  if (rules.size) lines.push('', ...[...rules].map((r) => `*Rule:* ${r}  `));
  return lines;
}

function magnitude(t: Term): number {
  const c = Math.abs(t.contribution);
  return Number.isNaN(c) ? Infinity : c;
}

export function commandLink(label: string, command: string, args: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([args]))} "${label.replace(/^\$\([^)]*\)\s*/, '')}")`;
}

/**
 * The pair as the visualizer protocol's PairPayload: the values, the kind of
 * prediction, a label and where it came from (so the webview can reveal it).
 * Unless `full`, a long pair keeps only its ranges (a hover link's URI stays short).
 */
export function pairPayload(
  model: DocumentModel,
  pairIndex: number,
  toRange?: (s: number, e: number) => RangeDto,
  full = false,
): PairPayload {
  const pair = model.pairs[pairIndex]!;
  const target = model.arrays[pair.target]!;
  const prediction = model.arrays[pair.prediction]!;
  const payload: PairPayload = {
    target: target.values,
    prediction: prediction.values,
    label: `${target.name ?? 'target'} vs ${prediction.name ?? 'prediction'}`,
    source: { uri: model.uri },
  };
  if (prediction.role === 'logits') payload.predictionKind = 'logits';
  else if (prediction.role === 'probabilities') payload.predictionKind = 'probabilities';
  if (model.isBinary(pairIndex)) {
    // Per element, as the lens and hover compute it: rows (y, 1 − y) against (z, 0) logits or (q, 1 − q).
    const y = rowsOf(target.values).flat(),
      q = rowsOf(prediction.values).flat();
    const logits = prediction.role === 'logits' || q.some((v) => !(v >= 0 && v <= 1));
    payload.target = y.map((v) => [v, 1 - v]);
    payload.prediction = q.map((v) => (logits ? [v, 0] : [v, 1 - v]));
    payload.predictionKind = logits ? 'logits' : 'probabilities';
    payload.label += ' (binary, per element)';
  }
  if (toRange && payload.source) {
    payload.source.targetRange = toRange(target.start, target.end);
    payload.source.predictionRange = toRange(prediction.start, prediction.end);
  }
  if (!full && count(target.values) + count(prediction.values) > MAX_LINK_VALUES) {
    // Too long for a command URI: the link goes through the forwarder (see commands.ts).
    payload.target = [];
    payload.prediction = [];
  }
  return payload;
}

function count(v: number[] | number[][]): number {
  return v.reduce<number>((n, x) => n + (Array.isArray(x) ? x.length : 1), 0);
}

function nameOf(a: FoundArray): string {
  return a.name ? `\`${a.name.replace(/`/g, "'")}\`` : 'this array';
}

function binaryRoleText(a: FoundArray, side: 'target' | 'prediction'): string {
  if (side === 'target') return 'binary targets, one per element';
  return a.role === 'logits' ? 'logits, one per element (sigmoid)' : 'probabilities, one per element';
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Says which side was divided by its sum, e.g. "Figures for `y_pred` divided by its sum (q normalised: sums to 0.9), …". */
function normalisedSentence(note: string, target: FoundArray, prediction: FoundArray): string {
  if (note.startsWith('q read as logits')) {
    return `Figures for ${nameOf(prediction)} read as logits (softmax applied), since its values cannot be probabilities; the call expects probabilities.`;
  }
  if (note.includes('log q renormalised')) {
    return `Figures for ${nameOf(prediction)} shifted so its exponentials sum to 1 (${escapeMarkdown(note)}), as log_softmax would give.`;
  }
  const sides = [
    note.includes('p normalised') ? nameOf(target) : '',
    note.includes('q normalised') ? nameOf(prediction) : '',
  ].filter(Boolean);
  const whose =
    sides.length === 2 ? `${sides[0]} and ${sides[1]} each divided by their sum` : `${sides[0]} divided by its sum`;
  return `Figures for ${whose} (${escapeMarkdown(note)}), the way Keras reads such a prediction.`;
}

/** Class indices against a batch: which class each row's target is. */
function classIndexLine(target: FoundArray, prediction: FoundArray): string {
  const idx = rowsOf(target.values).flat();
  const classes = prediction.shape.length === 2 ? prediction.shape[1]! : (prediction.shape[0] ?? 0);
  const shown = idx
    .slice(0, 6)
    .map((k, r) => `row ${r} → class ${k}`)
    .join(', ');
  const more = idx.length > 6 ? `, … (${idx.length} rows)` : '';
  return `Each value of ${nameOf(target)} is the true class of one row of ${nameOf(prediction)} (${classes} classes): ${shown}${more}.`;
}

function describeShape(a: FoundArray): string {
  return a.shape.length === 2 ? `${a.shape[0]} × ${a.shape[1]}` : `${a.shape[0] ?? 0} values`;
}

/** "0.9" for one row, "0.9 … 1.2" over the rows of a batch. */
function sumsText(a: FoundArray): string {
  const sums = rowsOf(a.values).map((r) => r.reduce((s, v) => s + v, 0));
  const lo = Math.min(...sums),
    hi = Math.max(...sums);
  return lo === hi ? fmtSum(lo) : `${fmtSum(lo)} … ${fmtSum(hi)}`;
}

function compactVector(rows: number[][], max: number): string {
  const row = rows[0] ?? [];
  const head = row.slice(0, max).map(fmt).join(', ');
  const more = row.length > max ? `, … (${row.length} values)` : '';
  return `[${head}${more}]${rows.length > 1 ? ` (row 0 of ${rows.length})` : ''}`;
}
