// The quick pick that asks for an array's partner: each other array by name,
// role, shape, line and first values, the finder's partner first.
import type { FoundArray } from '../../parse/types';
import { isMatrix } from '../../core/elements';

export interface PartnerItem {
  /** Index into the finder's arrays. */
  index: number;
  label: string;
  description: string;
  detail: string;
}

/** Values shown in the pick, before "…". */
const FIRST_VALUES = 6;

export function firstValues(values: FoundArray['values']): string {
  const flat: number[] = [];
  const twoD = isMatrix(values);
  outer: for (const v of values) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (flat.length === FIRST_VALUES) break outer;
      flat.push(x);
    }
  }
  const total = twoD ? (values as number[][]).reduce((n, r) => n + r.length, 0) : values.length;
  const text = flat.map((x) => String(Number.isFinite(x) ? Number(x.toPrecision(4)) : x)).join(', ');
  return `[${twoD ? '[' : ''}${text}${total > flat.length ? ', …' : ''}${twoD ? ']' : ''}]`;
}

export function partnerItems(
  arrays: readonly FoundArray[],
  candidates: readonly number[],
  paired: number | undefined,
  lineOf: (offset: number) => number,
): PartnerItem[] {
  return candidates.map((index) => {
    const a = arrays[index]!;
    const shape = a.shape.length === 2 ? `${a.shape[0]} × ${a.shape[1]}` : `${a.shape[0]} values`;
    const line = `line ${lineOf(a.start) + 1}`;
    return {
      index,
      label: a.name ?? `array on ${line}`,
      description: [index === paired ? 'paired by the finder' : '', a.role, shape, line].filter(Boolean).join(' · '),
      detail: firstValues(a.values),
    };
  });
}
