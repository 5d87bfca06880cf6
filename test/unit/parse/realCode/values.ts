// Reads the expected numbers of a corpus array from its source text, so a
// snippet states each literal once. Independent of the finder: a tiny reader
// of numbers, constant arithmetic (`1/2`, `-1e9`, `2**-3`, `1e-3*5`, `2^-1`)
// and bracket nesting. Anything else (identifiers, printed type names) throws,
// and the snippet must then give `values` by hand.
import type { Values } from '../../../../src/parse/types';

const NUM = String.raw`[+-]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:f32|f64|f|F|d|D|L)?|[+-]?(?:Inf|NaN)`;
const OP = String.raw`\s*(?:\*\*|\^|\/|\*)\s*`;
const EXPR = new RegExp(`(?:${NUM})(?:${OP}(?:${NUM}))*`, 'g');

function num(tok: string): number {
  const t = tok.replace(/_/g, '').replace(/(f32|f64|f|F|d|D|L)$/, '');
  if (/^[+-]?Inf$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?NaN$/.test(t)) return NaN;
  return Number(t);
}

/** Value of one constant expression: powers first (right-assoc), then * and / left to right. */
export function evalConst(expr: string): number {
  const parts = expr.split(/\s*(\*\*|\^|\/|\*)\s*/);
  const nums: number[] = [];
  const ops: string[] = [];
  parts.forEach((p, i) => (i % 2 ? ops.push(p) : nums.push(num(p))));
  // powers, right to left
  for (let i = ops.length - 1; i >= 0; i--) {
    if (ops[i] === '**' || ops[i] === '^') {
      nums.splice(i, 2, nums[i]! ** nums[i + 1]!);
      ops.splice(i, 1);
    }
  }
  let v = nums[0]!;
  for (let i = 0; i < ops.length; i++) v = ops[i] === '*' ? v * nums[i + 1]! : v / nums[i + 1]!;
  return v;
}

/** The numbers of a literal's source in reading order; throws when the source holds anything but numbers and brackets. */
export function flatNumbers(src: string): number[] {
  const body = src.replace(/^\s*c\(/, '(');
  const rest = body.replace(EXPR, ' ');
  if (/[^\s[\](){},;]/.test(rest))
    throw new Error(`give values by hand for ${JSON.stringify(src)} (left over: ${JSON.stringify(rest.trim())})`);
  return (body.match(EXPR) ?? []).map(evalConst);
}

/** The default shape of a literal: nested brackets or `;` rows make it 2-D. */
export function shapeFromSrc(src: string): number[] {
  const body = src.trim().replace(/^c\(/, '(');
  const n = flatNumbers(body).length;
  const inner = body.slice(1).trimStart();
  if (/^[[({]/.test(inner)) {
    // top-level groups
    let depth = 0;
    let rows = 0;
    let firstLen = -1;
    let start = -1;
    for (let i = 1; i < body.length - 1; i++) {
      const ch = body[i]!;
      if ('[({'.includes(ch)) {
        if (depth === 0) start = i;
        depth++;
      } else if (')]}'.includes(ch)) {
        depth--;
        if (depth === 0) {
          rows++;
          if (firstLen < 0) firstLen = flatNumbers(body.slice(start, i + 1)).length;
        }
      }
    }
    return [rows, firstLen];
  }
  if (body.includes(';')) {
    const rows = body
      .slice(1, -1)
      .split(';')
      .filter((r) => r.trim() !== '');
    return [rows.length, flatNumbers(rows[0]!).length];
  }
  return [n];
}

export function flatten(v: Values): number[] {
  return (v as (number | number[])[]).flatMap((x) => (Array.isArray(x) ? x : [x]));
}

export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!,
      y = b[i]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    if (!(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)))) return false;
  }
  return true;
}
