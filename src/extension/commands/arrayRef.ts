// How results and messages name an array: its bound name, or where it is.
import type { PositionDto, RangeDto } from '../../protocol/visualizer';
import type { AnyValues, FoundArray } from '../../parse/types';
import type { ArrayRef } from './types';

export function arrayRef(a: FoundArray<AnyValues>, positionAt: (offset: number) => PositionDto): ArrayRef {
  const range: RangeDto = { start: positionAt(a.start), end: positionAt(a.end) };
  return {
    name: a.name,
    label: a.name ?? `the array on line ${range.start.line + 1}`,
    range,
    role: a.role,
    shape: [...a.shape],
  };
}

/** "line 3" or "lines 3–5", 1-based as the editor shows them. */
export function linesOf(ref: ArrayRef): string {
  const a = ref.range.start.line + 1,
    b = ref.range.end.line + 1;
  return a === b ? `line ${a}` : `lines ${a}–${b}`;
}
