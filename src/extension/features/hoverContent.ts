// Hover content as Markdown: what the array is and why, its entropy, and when it
// is paired the cross-entropy, KL both ways, JS and perplexity against its
// partner, a compact per-element table and the rule behind special terms.
// Plain Markdown only (no colours, no HTML) so it reads in every theme.
import type { DocumentModel, PairLink } from './documentModel';
import { namedLikePrediction } from './diagnosticsContent';
import { escapeMarkdown, fmt, fmtIn, fmtSum, inUnit } from './figures';
import { rowsOf } from './quickFixes';
import type { TermRule } from '../../core';
import type { Analysis, FoundArray, Term, Unit } from './shapes';
import type { PairPayload, RangeDto } from '../../protocol/visualizer';
import { userText } from './userText';

export interface HoverOptions {
  unit: Unit;
  /** Rows in the per-element table before it switches to "largest contributions". */
  maxTableRows?: number;
  /** Add the command links (off where commands cannot run). */
  commandLinks?: boolean;
  /** Offsets to a line/character range (the adapter passes the document's positionAt). */
  toRange?: (start: number, end: number) => RangeDto;
}

/** Above this many numbers the link carries only where the pair is, not its values. */
const MAX_LINK_VALUES = 4096;

export const HOVER_COMMANDS = ['entropyLens.showVisualizer', 'entropyLens.copyAsMarkdown', 'entropyLens.copyAsLatex', 'entropyLens.features.forwardPair'] as const;
const FORWARD = 'entropyLens.features.forwardPair';

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
  'infinite-q-zero': { label: 'q = 0 → ∞', text: 'q = 0 where p > 0 makes the loss infinite: the prediction rules out what happened (the entropyLens.eps setting clips q).' },
  'clipped-eps': { label: 'clipped', text: 'q was clipped to [eps, 1 − eps] before the log (the entropyLens.eps setting).' },
  'ignored-index': { label: 'ignored', text: 'the row equals ignore_index and contributes nothing.' },
  'masked-neg-inf-logit': { label: 'masked logit', text: 'the logit is −∞ (masked): q = 0, so the term is 0 where p = 0 and infinite where p > 0.' },
};

export function hoverMarkdown(model: DocumentModel, arrayIndex: number, options: HoverOptions): string {
  const { unit } = options;
  const array = model.arrays[arrayIndex]!;
  const lines: string[] = [];
  const links = model.pairLinks(arrayIndex);
  // Non-negative values that miss a sum of 1 classify as counts, but passed or named
  // as a prediction they are meant as probabilities (and are judged normalised).
  const meantAsProbabilities = array.role === 'counts' && (links.some((l) => l.side === 'prediction') || namedLikePrediction(array.name));
  const roleText = meantAsProbabilities ? 'probabilities that do not sum to 1' : ROLE_TEXT[array.role] ?? escapeMarkdown(String(array.role));
  lines.push(`**Entropy Lens** · ${nameOf(array)} — ${roleText}, ${describeShape(array)}`);
  lines.push('');
  if (meantAsProbabilities) {
    lines.push(`*Why probabilities:* it is ${links.length ? 'paired as the prediction' : 'named like a prediction'}, but its values sum to ${sumsText(array)}, not 1.`, '');
  } else if (array.roleReason) lines.push(`*Why ${roleText}:* ${escapeMarkdown(array.roleReason)}`, '');
  for (const issue of array.issues) lines.push(`⚠ ${escapeMarkdown(issue)}  `);
  if (array.issues.length) lines.push('');

  const self = model.selfAnalysis(arrayIndex);
  if (array.role === 'logits' || array.role === 'log-probabilities') {
    if (self.ok) {
      lines.push(`Softmax implied by these ${array.role}: ${compactVector(self.value.probabilities, 8)}  `);
      lines.push(`H(softmax) = ${fmtIn(self.value.entropy, unit)} ${unit}`, '');
    } else lines.push(`Softmax: ${escapeMarkdown(self.error)}`, '');
  } else if (array.role !== 'class-indices') {
    if (self.ok) lines.push(`H(p) = ${fmtIn(self.value.entropy, unit)} ${unit}${array.role === 'counts' ? ` (of the ${meantAsProbabilities ? 'normalised values' : 'normalised counts'})` : ''}${self.value.batched ? ` (mean over ${self.value.rows} rows)` : ''}`, '');
    else lines.push(`Not a distribution: ${escapeMarkdown(self.error)}`, '');
  }

  for (const link of links.slice(0, 2)) lines.push(...pairSection(model, link, options));
  if (links.length === 0) lines.push('*Not paired with a target or prediction.* Select two arrays and run **Compute cross-entropy** to compare them.');
  return lines.join('\n');
}

function pairSection(model: DocumentModel, link: PairLink, options: HoverOptions): string[] {
  const { unit } = options;
  const partnerName = nameOf(link.partner);
  const lines: string[] = ['---', ''];
  lines.push(`Paired as the **${link.side}** with ${partnerName} (the ${link.side === 'target' ? 'prediction' : 'target'}): ${escapeMarkdown(link.pair.reason)}`, '');
  const out = model.pairAnalysis(link.pairIndex);
  if (!out.ok) {
    lines.push(`Cannot compute the loss: ${escapeMarkdown(out.error)}`);
    return lines;
  }
  const a = out.value;
  const note = model.pairNote(link.pairIndex);
  if (note) {
    const q = nameOf(model.arrays[link.pair.prediction]!);
    lines.push(`*Figures for ${q} divided by its sum (${escapeMarkdown(note)}), the way Keras reads such a prediction.*`, '');
  }
  lines.push(...figureTable(a, unit), '');
  if (a.batched) lines.push(...batchSummary(a, unit), '');
  lines.push(...termTable(a, unit, options.maxTableRows ?? 8));
  for (const w of a.warnings) lines.push(`⚠ ${escapeMarkdown(userText(w))}  `);
  if (options.commandLinks !== false) {
    const args = pairPayload(model, link.pairIndex, options.toRange);
    // A pair too long for a command URI goes through the forwarder, which reads it back from the document.
    const link2 = (label: string, command: string): string =>
      args.target.length ? commandLink(label, command, args) : commandLink(label, FORWARD, { command, payload: args });
    lines.push('', [
      link2('$(graph) Open in visualizer', 'entropyLens.showVisualizer'),
      link2('Copy as Markdown', 'entropyLens.copyAsMarkdown'),
      link2('Copy as LaTeX', 'entropyLens.copyAsLatex'),
    ].join(' · '));
  }
  return lines;
}

export function figureTable(a: Analysis, unit: Unit): string[] {
  return [
    `| | ${unit} |`,
    '|:--|--:|',
    `| H(p) entropy of the target | ${fmtIn(a.entropy, unit)} |`,
    `| H(p,q) cross-entropy | ${fmtIn(a.crossEntropy, unit)} |`,
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
  for (const t of shown) lines.push(`| ${index(t)} | ${fmt(t.p)} | ${fmt(t.q)} | ${fmt(inUnit(t.contribution, unit))} | ${t.rule === 'regular' ? '' : RULES[t.rule].label} |`);
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
 */
export function pairPayload(model: DocumentModel, pairIndex: number, toRange?: (s: number, e: number) => RangeDto): PairPayload {
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
  if (toRange && payload.source) {
    payload.source.targetRange = toRange(target.start, target.end);
    payload.source.predictionRange = toRange(prediction.start, prediction.end);
  }
  if (count(target.values) + count(prediction.values) > MAX_LINK_VALUES) {
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

function describeShape(a: FoundArray): string {
  return a.shape.length === 2 ? `${a.shape[0]} × ${a.shape[1]}` : `${a.shape[0] ?? 0} values`;
}

/** "0.9" for one row, "0.9 … 1.2" over the rows of a batch. */
function sumsText(a: FoundArray): string {
  const sums = rowsOf(a.values).map((r) => r.reduce((s, v) => s + v, 0));
  const lo = Math.min(...sums), hi = Math.max(...sums);
  return lo === hi ? fmtSum(lo) : `${fmtSum(lo)} … ${fmtSum(hi)}`;
}

function compactVector(rows: number[][], max: number): string {
  const row = rows[0] ?? [];
  const head = row.slice(0, max).map(fmt).join(', ');
  const more = row.length > max ? `, … (${row.length} values)` : '';
  return `[${head}${more}]${rows.length > 1 ? ` (row 0 of ${rows.length})` : ''}`;
}
