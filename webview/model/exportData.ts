// The "copy data" tables: the current row per class, then (for a batch) the
// per-row losses. CSV follows RFC 4180 quoting; Markdown is a GFM table.
import type { Derived } from './derive';

export interface Table {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(12))) : String(v));

export function dataTables(d: Derived, temperature: number, labelSmoothing: number): Table[] {
  const perClass: Table = {
    title: `Current row (T = ${fmt(temperature)}, label smoothing = ${fmt(labelSmoothing)}): H(p,q) = ${fmt(d.crossEntropy)} nats = H(p) ${fmt(d.entropy)} + KL ${fmt(d.kl)}`,
    header: ['class', 'target p', 'logit z', 'softmax q', '-p log q', 'gradient q - p'],
    rows: d.probabilities.map((q, i) => [
      i,
      fmt(d.target[i]!),
      fmt(d.logits[i]!),
      fmt(q),
      fmt(d.contributions[i]!),
      fmt(d.gradient[i]!),
    ]),
  };
  const tables = [perClass];
  if (d.rows.predictions.length > 1) {
    tables.push({
      title: 'Per-row cross-entropy (nats), worst first',
      header: ['row', 'cross-entropy'],
      rows: d.rowLosses.map((r) => [r.row, fmt(r.loss)]),
    });
  }
  return tables;
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(tables: Table[]): string {
  return (
    tables
      .map((t) =>
        [csvCell(`# ${t.title}`), t.header.map(csvCell).join(','), ...t.rows.map((r) => r.map(csvCell).join(','))].join(
          '\n',
        ),
      )
      .join('\n\n') + '\n'
  );
}

function mdCell(v: string | number): string {
  return String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function toMarkdown(tables: Table[]): string {
  return (
    tables
      .map((t) =>
        [
          `**${mdCell(t.title)}**`,
          '',
          `| ${t.header.map(mdCell).join(' | ')} |`,
          `| ${t.header.map(() => '---:').join(' | ')} |`,
          ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
        ].join('\n'),
      )
      .join('\n\n') + '\n'
  );
}
