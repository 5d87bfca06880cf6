// Positions in a text the way a TextDocument gives them, and a fixed finder
// result written by hand so each selection test states exactly what was found.
import type { FindResult, FoundArray, Values } from '../../../src/parse/types';
import type { PositionDto } from '../../../src/protocol/visualizer';

export function positionsOf(text: string): { positionAt(offset: number): PositionDto; lineOf(offset: number): number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line;
  };
  return { lineOf, positionAt: (offset) => ({ line: lineOf(offset), character: offset - starts[lineOf(offset)]! }) };
}

export function arrayIn(text: string, literal: string, values: Values, extra: Partial<FoundArray> = {}): FoundArray {
  const start = text.indexOf(literal);
  if (start < 0) throw new Error(`fixture: ${literal} not in text`);
  const shape = Array.isArray(values[0]) ? [values.length, (values[0] as number[]).length] : [values.length];
  return { start, end: start + literal.length, values, shape, role: 'probabilities', issues: [], ...extra };
}

export function found(arrays: FoundArray[], pairs: FindResult['pairs'] = []): FindResult {
  return { arrays, pairs, issues: [] };
}

/** The offset span of the `nth` occurrence of `needle` (a selection in a test). */
export function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: ${needle} not in text`);
  }
  return { start: at, end: at + needle.length };
}
