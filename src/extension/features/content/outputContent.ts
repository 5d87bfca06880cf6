// A notebook cell's saved outputs read as printed values: the text of its
// text/plain, stream and JSON outputs is read by the finder like source
// (`tensor([[0.10, 0.85, 0.05]])`, `array([0.2, 0.7, 0.1], dtype=float32)`, a
// list), and the cell's status bar shows the figures. Pure (no vscode).
import type { DocumentModel, Unit } from '../model';
import { statusSummary, type StatusSummary } from './statusContent';

/** Output items read as printed values: a result's repr, print()'s stdout, JSON. */
export const OUTPUT_MIMES: ReadonlySet<string> = new Set([
  'text/plain',
  'application/vnd.code.notebook.stdout',
  'application/json',
]);

/** Outputs longer than this are not read (a cell that printed a whole data set). */
export const MAX_OUTPUT_CHARS = 256 * 1024;

/** The printed text of a cell's output items that can hold values, one item a line; undefined when there is none (or too much). */
export function outputText(items: readonly { mime: string; text: () => string }[]): string | undefined {
  const texts: string[] = [];
  let size = 0;
  for (const item of items) {
    if (!OUTPUT_MIMES.has(item.mime)) continue;
    const text = item.text();
    size += text.length + 1;
    if (size > MAX_OUTPUT_CHARS) return undefined;
    texts.push(text);
  }
  return texts.length ? texts.join('\n') : undefined;
}

/**
 * The figures of the values in a cell's output (its model read from outputText):
 * a pair's H(p,q) and KL when the finder pairs two of them, else the first
 * array's entropy (`output H(p) 0.518 nats (+1 arrays)`).
 */
export function outputSummary(model: DocumentModel, unit: Unit): StatusSummary | undefined {
  if (model.steppedBack) return undefined;
  const summary = statusSummary(model, [{ start: 0, end: model.text.length }], unit);
  if (!summary) return undefined;
  return {
    text: `$(output) ${summary.text}`,
    tooltip: `${summary.tooltip.replace(/ — click for Compute cross-entropy$/, '').replace('the selected array', 'the printed array')} — printed in this cell's output; click for the breakdown`,
  };
}
