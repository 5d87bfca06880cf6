// A notebook cell's saved outputs read as printed values: the repr reader
// (parse/reprs.ts) reads the text of its text/plain, stream and JSON outputs
// (`tensor([[0.10, 0.85, 0.05]], grad_fn=…)`, `array([...], dtype=float32)`,
// NumPy's print, a pandas Series, a list), each value is named after what the
// cell's last expression or print(...) call refers to, and the values are
// written after the cell's source as one small program, so the finder pairs
// them with each other and with the source's arrays as it would the same
// values in code. A summarised print (`...`) is reported, never computed on.
// Pure (no vscode).
import { readPrinted, type PrintedValue } from '../../../parse';
import { outputNames, type DocumentModel, type Unit } from '../model';
import { fmtIn } from '../format';
import { pairLine, pairView } from './lensContent';
import type { StatusSummary } from './statusContent';

/** Output items read as printed values: a result's repr, print()'s stdout, JSON. */
export const OUTPUT_MIMES: ReadonlySet<string> = new Set([
  'text/plain',
  'application/vnd.code.notebook.stdout',
  'application/json',
]);
const STDOUT = 'application/vnd.code.notebook.stdout';

/** Outputs longer than this are not read (a cell that printed a whole data set). */
export const MAX_OUTPUT_CHARS = 256 * 1024;

/** The printed text of a cell's output items that can hold values, one item a line; undefined when there is none (or too much). */
export function outputText(items: readonly { mime: string; text: () => string }[]): string | undefined {
  const texts = readableTexts(items);
  return texts?.length ? texts.map((t) => t.text).join('\n') : undefined;
}

function readableTexts(
  items: readonly { mime: string; text: () => string }[],
): { mime: string; text: string }[] | undefined {
  const texts: { mime: string; text: string }[] = [];
  let size = 0;
  for (const item of items) {
    if (!OUTPUT_MIMES.has(item.mime)) continue;
    const text = item.text();
    size += text.length + 1;
    if (size > MAX_OUTPUT_CHARS) return undefined;
    texts.push({ mime: item.mime, text });
  }
  return texts;
}

/** A cell's outputs as values, and the program the finder reads them in. */
export interface CellOutputs {
  /** Every value printed, named where the cell says what it is; incomplete ones included. */
  values: PrintedValue[];
  /** The cell's source, a line break, then one `name = [...]` line per complete value. */
  text: string;
  /** Where the values' lines start in `text`: arrays from here on are the outputs'. */
  outputStart: number;
}

/** The values of a cell's outputs read with its source; undefined when the outputs print none (or are too long). */
export function readCellOutputs(
  source: string,
  items: readonly { mime: string; text: () => string }[],
): CellOutputs | undefined {
  const texts = readableTexts(items);
  if (!texts?.length) return undefined;
  const names = outputNames(source);
  const values: PrintedValue[] = [];
  let printed = 0;
  for (const { mime, text } of texts) {
    const found = readPrinted(text);
    const from = mime === STDOUT ? names.printed.slice(printed) : names.result;
    if (mime === STDOUT) printed += found.length;
    // A value's own label (Series Name:, `probs: [...]`) wins; else the k-th name, when the counts agree.
    const positional = from.length === found.length || (found.length === 1 && from.length >= 1);
    found.forEach((v, k) => {
      const name = v.name ?? (positional ? from[k] : undefined);
      values.push(name === undefined ? v : { ...v, name });
    });
  }
  if (values.length === 0) return undefined;
  const head = `${source}\n`;
  const lines = values.filter((v) => v.complete).map((v) => `${v.name ? `${v.name} = ` : ''}${literal(v.values)}\n`);
  return { values, text: head + lines.join(''), outputStart: head.length };
}

function literal(values: number[] | number[][]): string {
  const num = (x: number): string =>
    Number.isNaN(x) ? "float('nan')" : x === Infinity ? "float('inf')" : x === -Infinity ? "float('-inf')" : String(x);
  return Array.isArray(values[0])
    ? `[${(values as number[][]).map((r) => `[${r.map(num).join(', ')}]`).join(', ')}]`
    : `[${(values as number[]).map(num).join(', ')}]`;
}

/** How a value was printed, for the tooltip: `probs: tensor 1×3, torch.float64, grad_fn SoftmaxBackward0`. */
export function describePrinted(v: PrintedValue): string {
  const what = { torch: 'tensor', numpy: 'NumPy array', series: 'pandas Series', list: 'list' }[v.kind];
  const parts = [`${what} ${v.shape.join('×')}`];
  if (v.dtype) parts.push(v.dtype);
  if (v.device) parts.push(`on ${v.device}`);
  if (v.requiresGrad) parts.push('requires_grad');
  if (v.gradFn) parts.push(`grad_fn ${v.gradFn}`);
  if (!v.complete) parts.push('summarised (…): not computed on');
  return `${v.name ? `${v.name}: ` : ''}${parts.join(', ')}`;
}

/** What the cell's status bar shows, and which pair or array its click opens (indices into the model's). */
export interface OutputSummary extends StatusSummary {
  pair?: number;
  array?: number;
}

/**
 * The figures of a cell's outputs (`model` read from `outputs.text`): the first
 * pair with an output value on either side (the other may be the source's), else
 * the first complete output value's entropy (`+n arrays` for the others); a
 * summarised value alone says so.
 */
export function outputSummary(model: DocumentModel, outputs: CellOutputs, unit: Unit): OutputSummary | undefined {
  if (model.steppedBack) return undefined;
  const printed = outputs.values.map(describePrinted).join('\n');
  const footer = `\n${printed}\n— printed in this cell's output; click for the breakdown`;
  const inOutput = (i: number) => model.arrays[i]!.start >= outputs.outputStart;
  const pairIndex = model.pairs.findIndex((p) => inOutput(p.target) || inOutput(p.prediction));
  if (pairIndex >= 0) {
    const pair = model.pairs[pairIndex]!;
    const names = `${model.arrays[pair.target]!.name ?? 'target'} → ${model.arrays[pair.prediction]!.name ?? 'prediction'}`;
    const out = model.pairFigures(pairIndex);
    if (!out.ok)
      return { text: '$(output) H(p,q): invalid', tooltip: `Entropy Lens (${names}): ${out.error}${footer}` };
    const view = pairView(model, pairIndex);
    const a = out.value;
    return {
      text: `$(output) ${view.binary ? 'BCE' : 'H(p,q)'} ${fmtIn(a.crossEntropy, unit)} ${unit} · KL ${fmtIn(a.klPQ, unit)}`,
      tooltip: `Entropy Lens (${names}): ${pairLine(a, unit, view)}${footer}`,
      pair: pairIndex,
    };
  }
  const shown = model.arrays.map((_, i) => i).filter((i) => inOutput(i) && !model.isNested(i));
  if (shown.length === 0) {
    const summarised = outputs.values.filter((v) => !v.complete).length;
    if (summarised === 0) return undefined;
    return {
      text: `$(output) ${summarised} summarised array${summarised > 1 ? 's' : ''}: not computed`,
      tooltip: `Entropy Lens: the output prints only part of the values (…), so no figure would be right.${footer.replace(/; click for the breakdown$/, '')}`,
    };
  }
  const first = shown[0]!;
  const array = model.arrays[first]!;
  const label = array.role === 'logits' || array.role === 'log-probabilities' ? 'H(softmax)' : 'H(p)';
  const self = model.selfFigures(first);
  if (!self.ok) return { text: `$(output) ${label}: invalid`, tooltip: `Entropy Lens: ${self.error}${footer}` };
  const more = shown.length > 1 ? ` (+${shown.length - 1} arrays)` : '';
  return {
    text: `$(output) ${label} ${fmtIn(self.value.entropy, unit)} ${unit}${more}`,
    tooltip: `Entropy Lens: ${label} of ${array.name ?? 'the printed array'}${footer}`,
    array: first,
  };
}
