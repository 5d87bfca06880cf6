// The text the "Copy as Markdown" and "Copy as LaTeX" commands put on the
// clipboard for a pair: the figures in the chosen unit and the vectors.
import { fmt, fmtIn } from '../format';
import type { Analysis, Unit } from '../model';

export interface CopyNames {
  target: string;
  prediction: string;
  /** How the figures were obtained when not from the values as written ("q normalised: sums to 0.9"). */
  note?: string | undefined;
}

export function analysisMarkdown(a: Analysis, unit: Unit, names: CopyNames): string {
  const rows = [
    `**${names.target} → ${names.prediction}**${a.batched && a.rows > 1 ? ` (mean over ${a.rows} rows)` : ''}${names.note ? ` (${names.note})` : ''}`,
    '',
    `| quantity | value (${unit}) |`,
    '|:--|--:|',
    `| H(p) | ${fmtIn(a.entropy, unit)} |`,
    `| H(p,q) | ${fmtIn(a.crossEntropy, unit)} |`,
    `| KL(p‖q) | ${fmtIn(a.klPQ, unit)} |`,
    `| KL(q‖p) | ${fmtIn(a.klQP, unit)} |`,
    `| JS(p,q) | ${fmtIn(a.js, unit)} |`,
    `| perplexity | ${fmt(a.perplexity)} |`,
  ];
  return rows.join('\n') + '\n';
}

const tex = (x: number): string => {
  if (x === Infinity) return '\\infty';
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  return fmt(x)
    .replace('−', '-')
    .replace(/e([-+]?)(\d+)$/, (_m, s: string, d: string) => ` \\times 10^{${s === '-' ? '-' : ''}${Number(d)}}`)
    .replace('−', '-');
};

export function analysisLatex(a: Analysis, unit: Unit, names: CopyNames): string {
  const u = unit === 'bits' ? '\\text{ bits}' : '\\text{ nats}';
  const lines = [
    `% ${names.target} (p) vs ${names.prediction} (q)${a.batched && a.rows > 1 ? `, mean over ${a.rows} rows` : ''}${names.note ? `, ${names.note}` : ''}`,
    '\\begin{aligned}',
    `H(p) &= ${tex(a.entropy[unit])}${u} \\\\`,
    `H(p,q) &= ${tex(a.crossEntropy[unit])}${u} \\\\`,
    `D_{\\mathrm{KL}}(p \\,\\|\\, q) &= ${tex(a.klPQ[unit])}${u} \\\\`,
    `D_{\\mathrm{KL}}(q \\,\\|\\, p) &= ${tex(a.klQP[unit])}${u} \\\\`,
    `\\mathrm{JS}(p, q) &= ${tex(a.js[unit])}${u} \\\\`,
    `\\mathrm{PP} &= ${tex(a.perplexity)}`,
    '\\end{aligned}',
  ];
  return lines.join('\n') + '\n';
}
