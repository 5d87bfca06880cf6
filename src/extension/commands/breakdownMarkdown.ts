// The per-element breakdown as a Markdown document: figures in both units,
// every element's term with the rule behind special ones (RULE_NOTES), the
// per-row table of a batch, the warnings and the gradient. Large inputs are
// shown up to a cap, with a line saying how many elements were left out.
import { RULE_NOTES, type Analysis, type TermRule } from '../../core';
import { userText } from '../features/format';
import { valueText, type PairLibraries } from '../features/content/frameworkContent';
import { linesOf } from './arrayRef';
import { markdownTable, tableNumber } from './markdownTable';
import type { ArrayRef, Unit } from './types';
import { rowsOf, type ValueRow } from '../../core/elements';

/** Rows of the element, row and gradient tables shown at most (each). */
export const MAX_TABLE_ROWS = 2000;

export interface PairSubject {
  type: 'pair';
  analysis: Analysis;
  unit: Unit;
  /** Where the arrays are; absent when only values are known (a pasted payload). */
  target?: ArrayRef;
  prediction?: ArrayRef;
  /** A title when there are no refs, e.g. the payload's label. */
  label?: string;
  /** Why the finder paired them. */
  reason?: string;
  normalised: boolean;
  /** A binary loss: row r is element r as the two classes (y, 1 − y). */
  binary?: boolean;
  /** What the library call the pair was found at returns (frameworkLine), when the core emulates it. */
  framework?: string;
  /** Each library's value for these arrays, the call's row first (pairLibraries). */
  libraries?: PairLibraries;
}

export interface EntropySubject {
  type: 'entropy';
  unit: Unit;
  arrays: {
    ref: ArrayRef;
    kind: string;
    nats: number;
    perplexity: number;
    /** The first MAX_TABLE_ROWS elements (row-major) of the values and of p, all the table shows. */
    values: number[] | number[][];
    probabilities: number[][] | undefined;
    labelCounts: number[] | undefined;
    /** Rows and elements of the whole array. */
    rows: number;
    elements: number;
  }[];
}

/** The first MAX_TABLE_ROWS elements of rows, row-major (a subject need not hold 10^7 values to show 2000). */
export function tableHead(rows: readonly ValueRow[]): number[][] {
  const out: number[][] = [];
  let left = MAX_TABLE_ROWS;
  for (const row of rows) {
    if (left <= 0) break;
    // A plain array whether the row is one or a Float64Array (a program's values).
    out.push(Array.prototype.slice.call(row, 0, left) as number[]);
    left -= row.length;
  }
  return out;
}

export type BreakdownSubject = PairSubject | EntropySubject;

const LN2 = Math.LN2;
const inUnit = (nats: number, unit: Unit) => (unit === 'bits' ? nats / LN2 : nats);
const code = (s: string) => `\`${s.replace(/`/g, '')}\``;

/** The title of the breakdown (also its tab name). */
export function breakdownTitle(s: BreakdownSubject): string {
  if (s.type === 'entropy') return `Entropy of ${s.arrays.map((a) => a.ref.name ?? 'array').join(', ')}`;
  if (s.target && s.prediction) return `${s.target.name ?? 'p'} → ${s.prediction.name ?? 'q'}`;
  return s.label ?? 'p → q';
}

export function breakdownMarkdown(s: BreakdownSubject): string {
  const lines = s.type === 'pair' ? pairBreakdown(s) : entropyBreakdown(s);
  return lines.join('\n') + '\n';
}

function describe(ref: ArrayRef | undefined, kind: string): string {
  if (!ref) return kind;
  const shape = ref.shape.length === 2 ? `${ref.shape[0]} × ${ref.shape[1]}` : `${ref.shape[0]} values`;
  return `${code(ref.name ?? 'unnamed')}, ${kind}, ${shape}, ${linesOf(ref)}`;
}

function pairBreakdown(s: PairSubject): string[] {
  const a = s.analysis;
  const u = s.unit;
  const out: string[] = [`# Entropy Lens breakdown: ${breakdownTitle(s)}`, ''];
  out.push(`- Target p: ${describe(s.target, a.targetKind)}`);
  out.push(
    `- Prediction q: ${describe(s.prediction, a.predictionKind)}${a.predictionKind === 'logits' ? ' — q = softmax(logits)' : a.predictionKind === 'log-probabilities' ? ' — q = exp(log-probabilities)' : ''}`,
  );
  if (s.reason) out.push(`- Paired: ${s.reason}`);
  if (s.framework) out.push(`- ${s.framework}`);
  if (s.binary)
    out.push(
      `- A binary loss: element r is a two-class problem, row r below is (y, 1 − y) against (q, 1 − q)${a.predictionKind === 'logits' ? ' with q = σ(z)' : ''}; the figures are means over the ${a.rows} elements`,
    );
  else if (a.batched) out.push(`- A batch of ${a.rows} rows × ${a.classes} classes: the figures are means over rows`);
  if (s.normalised) out.push('- Computed on copies divided by their sums; the document is unchanged');
  out.push('', '## Figures', '');
  const both = (m: { nats: number; bits: number }) => [tableNumber(m.nats), tableNumber(m.bits)];
  out.push(
    ...markdownTable(
      ['', 'nats', 'bits'],
      ['left', 'right', 'right'],
      [
        ['H(p) entropy of the target', ...both(a.entropy)],
        ['H(p,q) cross-entropy', ...both(a.crossEntropy)],
        ['KL(p‖q) = H(p,q) − H(p)', ...both(a.klPQ)],
        ['KL(q‖p)', ...both(a.klQP)],
        ['JS(p,q)', ...both(a.js)],
        ['perplexity e^H(p,q)', tableNumber(a.perplexity), tableNumber(a.perplexity)],
      ],
    ),
  );

  if (s.libraries) out.push('', ...librariesSection(s.libraries));

  if (a.batched) {
    out.push('', `## Per row (${u})`, '');
    const anyIgnored = a.perRow.some((r) => r.ignored);
    const rows = a.perRow.slice(0, MAX_TABLE_ROWS).map((r) => {
      const cells = r.ignored
        ? [String(r.row), '—', '—', '—']
        : [String(r.row), tableNumber(r.entropy[u]), tableNumber(r.crossEntropy[u]), tableNumber(r.klPQ[u])];
      return anyIgnored ? [...cells, r.ignored ? 'ignored (ignore_index)' : ''] : cells;
    });
    const headers = ['row', 'H(p)', 'H(p,q)', 'KL(p‖q)'];
    out.push(
      ...markdownTable(anyIgnored ? [...headers, 'note'] : headers, ['right', 'right', 'right', 'right', 'left'], rows),
    );
    out.push(...leftOut(a.rows, 'rows'));
  }

  out.push(
    '',
    `## Per element (${u})`,
    '',
    `H(p,q) = Σ −p·log q${a.batched ? ', averaged over rows' : ''}. Terms with p = 0 add nothing.`,
    '',
  );
  const terms = a.terms.slice(0, MAX_TABLE_ROWS);
  const headers = a.batched ? ['row', 'i', 'p', 'q', '−p·log q', 'rule'] : ['i', 'p', 'q', '−p·log q', 'rule'];
  out.push(
    ...markdownTable(
      headers,
      headers.map((h) => (h === 'rule' ? 'left' : 'right')),
      terms.map((t) => {
        const cells = [
          String(t.index),
          tableNumber(t.p),
          tableNumber(t.q),
          tableNumber(inUnit(t.contribution, u)),
          t.rule === 'regular' ? '' : t.rule,
        ];
        return a.batched ? [String(t.row), ...cells] : cells;
      }),
    ),
  );
  out.push(...leftOut(a.rows * a.classes, 'elements'));
  const counts = Object.entries(a.ruleCounts) as [TermRule, number][];
  if (counts.length) {
    out.push('', '### Rules behind the special terms', '');
    for (const [rule, n] of counts)
      out.push(`- ${rule} (${n} ${n === 1 ? 'element' : 'elements'}): ${userText(RULE_NOTES[rule])}`);
  }

  out.push('', '## Warnings', '');
  if (a.warnings.length) out.push(...a.warnings.map((w) => `- ${userText(w)}`));
  else out.push('None.');

  const wrt =
    a.predictionKind === 'logits'
      ? '∂H(p,q)/∂z with respect to the logits z: q − p'
      : a.predictionKind === 'log-probabilities'
        ? '∂H(p,q)/∂(log q) with respect to the log-probabilities: −p'
        : s.normalised
          ? '∂H(p,q)/∂q with respect to the predicted values as written, before they are divided by their sum'
          : '∂H(p,q)/∂q with respect to the predicted probabilities: −p/q';
  out.push(
    '',
    `## Gradient (${u})`,
    '',
    `${wrt}${a.batched ? `, divided by the ${a.rows} rows of the mean` : ''}.`,
    '',
  );
  const grads: string[][] = [];
  a.grad.forEach((row, r) =>
    row.forEach((g, i) => {
      if (grads.length < MAX_TABLE_ROWS)
        grads.push(
          a.batched ? [String(r), String(i), tableNumber(inUnit(g, u))] : [String(i), tableNumber(inUnit(g, u))],
        );
    }),
  );
  out.push(
    ...markdownTable(
      a.batched ? ['row', 'i', 'gradient'] : ['i', 'gradient'],
      a.batched ? ['right', 'right', 'right'] : ['right', 'right'],
      grads,
    ),
  );
  out.push(...leftOut(a.rows * a.classes, 'elements'));
  return out;
}

/** "As each library would compute it": one row per library, the call the pair was found at first. */
function librariesSection(libraries: PairLibraries): string[] {
  const out = ['## As each library would compute it', ''];
  if (!libraries.ok) return [...out, `Not shown: ${libraries.error}.`];
  const atCall = libraries.rows[0]?.atCall;
  out.push(
    `${atCall ? 'The call the pair was found at, with the keywords it passes, then each' : 'Each'} library's usual loss for these arrays, with its defaults and dtype, in nats; exact: the same loss in float64 with no clip, clamp or eps.`,
    '',
  );
  const rows = libraries.rows.map((r) => {
    const loss = `${code(r.loss)}${r.keywords.length ? ` (${r.keywords.join(', ')})` : ''}`;
    const library = r.atCall ? `${r.library} (this call)` : r.library;
    if ('error' in r.emulated)
      return [library, loss, '—', '—', '—', `cannot be emulated on these arrays: ${userText(r.emulated.error)}`];
    const e = r.emulated;
    return [library, loss, valueText(e.value), valueText(e.exact), e.dtype, e.reason];
  });
  out.push(
    ...markdownTable(
      ['library', 'loss', 'value', 'exact', 'dtype', 'why it differs from exact'],
      ['left', 'left', 'right', 'right', 'left', 'left'],
      rows,
    ),
  );
  return out;
}

function leftOut(total: number, what: string): string[] {
  return total > MAX_TABLE_ROWS
    ? ['', `… ${total - MAX_TABLE_ROWS} more ${what} not shown (the first ${MAX_TABLE_ROWS} are).`]
    : [];
}

function entropyBreakdown(s: EntropySubject): string[] {
  const u = s.unit;
  const out: string[] = [`# Entropy Lens breakdown: ${breakdownTitle(s)}`];
  for (const e of s.arrays) {
    out.push('', `## ${code(e.ref.name ?? 'array')}`, '', `- ${describe(e.ref, e.kind)}`, '');
    out.push(
      `H = ${tableNumber(e.nats)} nats = ${tableNumber(e.nats / LN2)} bits · perplexity e^H = ${tableNumber(e.perplexity)}`,
      '',
    );
    if (e.labelCounts) {
      const n = e.labelCounts.reduce((x, y) => x + y, 0);
      out.push('The entropy of the label frequencies.', '');
      out.push(
        ...markdownTable(
          ['class', 'count', 'frequency f', `−f·log f (${u})`],
          ['right', 'right', 'right', 'right'],
          e.labelCounts
            .slice(0, MAX_TABLE_ROWS)
            .map((c, k) => [String(k), String(c), tableNumber(c / n), tableNumber(inUnit(term(c / n), u))]),
        ),
      );
      out.push(...leftOut(e.labelCounts.length, 'classes'));
      continue;
    }
    const probs = e.probabilities ?? [];
    const values = rowsOf(e.values);
    const how =
      e.kind === 'logits'
        ? 'p = softmax(value)'
        : e.kind === 'log-probabilities'
          ? 'p = exp(value), renormalised'
          : e.kind === 'counts'
            ? 'p = value / sum'
            : 'p = value';
    out.push(`${how}; H = Σ −p·log p${e.rows > 1 ? ', averaged over rows' : ''}.`, '');
    const rows: string[][] = [];
    probs.forEach((row, r) =>
      row.forEach((p, i) => {
        if (rows.length < MAX_TABLE_ROWS) {
          const cells = [
            String(i),
            tableNumber(values[r]?.[i] ?? NaN),
            tableNumber(p),
            tableNumber(inUnit(term(p), u)),
          ];
          rows.push(e.rows > 1 ? [String(r), ...cells] : cells);
        }
      }),
    );
    const headers = ['i', 'value', 'p', `−p·log p (${u})`];
    out.push(
      ...markdownTable(e.rows > 1 ? ['row', ...headers] : headers, ['right', 'right', 'right', 'right', 'right'], rows),
    );
    out.push(...leftOut(e.elements, 'elements'));
  }
  return out;
}

/** −p·ln p with 0·log 0 = 0. */
function term(p: number): number {
  return p > 0 ? -p * Math.log(p) : 0;
}
