// Markdown tables padded to their column widths, so the breakdown reads well as
// raw text when copied, and renders as a table in its panel (breakdownHtml.ts).

export type Align = 'left' | 'right';

/** Pipes inside a cell would end it; line breaks would end the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function markdownTable(
  headers: readonly string[],
  aligns: readonly Align[],
  rows: readonly (readonly string[])[],
): string[] {
  const all = [headers, ...rows].map((r) => headers.map((_, c) => cell(r[c] ?? '')));
  const widths = headers.map((_, c) => Math.max(3, ...all.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    `| ${r.map((x, c) => (aligns[c] === 'right' ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (aligns[c] === 'right' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(all[0]!), rule, ...all.slice(1).map(line)];
}

/** A number in a table: up to 6 significant digits, exponent for tiny or huge magnitudes, ∞ spelled out. */
export function tableNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  const text = a < 1e-4 || a >= 1e7 ? x.toExponential(4).replace(/\.?0+e/, 'e') : String(Number(x.toPrecision(6)));
  return text.replace('-', '−');
}
