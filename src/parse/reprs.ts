// Values as Python prints them in a notebook's outputs: PyTorch's
// `tensor([...], dtype=torch.float64, grad_fn=<SoftmaxBackward0>)`, NumPy's
// `array([...], dtype=float32)` and its str form `[0.2 0.7 0.1]` (rows wrapped
// as `[[...]\n [...]]`), pandas Series (`idx  value` lines then
// `Name: x, dtype: float64`) and plain lists. A summarised print (`...`) is
// kept as incomplete: its values are only those shown, so it is never computed on.

/** One printed value of an output's text. */
export interface PrintedValue {
  /** [start, end) of the whole repr in the text (`tensor(` … `)`, the Series' lines). */
  start: number;
  end: number;
  kind: 'torch' | 'numpy' | 'series' | 'list';
  /** The values shown: a vector or rows (3-D and deeper prints are not read). */
  values: number[] | number[][];
  shape: number[];
  /** False when the print was summarised (`...`): the values shown are not all the values. */
  complete: boolean;
  /** `torch.float64`, `float32`, `float64` (Series); undefined when the print gives none. */
  dtype?: string;
  device?: string;
  requiresGrad?: boolean;
  /** `SoftmaxBackward0` of `grad_fn=<SoftmaxBackward0>`. */
  gradFn?: string;
  /** A Series' index labels, in order. */
  index?: string[];
  /** A Series' `Name:`, or a label printed just before the value on its line (`probs: [...]`, `p = tensor(...)`). */
  name?: string;
}

/** Prints longer than this are not read (a cell that printed a whole data set). */
const MAX_TEXT = 1 << 20;
const NUMBER = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf|nan)$/;
const ELLIPSIS = '...';

/** The printed values of `text`, in text order, never overlapping. Never throws. */
export function readPrinted(text: string): PrintedValue[] {
  if (typeof text !== 'string' || text.length > MAX_TEXT) return [];
  const out: PrintedValue[] = [];
  try {
    let i = 0;
    while (i < text.length) {
      const found = series(text, i) ?? wrapped(text, i) ?? bare(text, i);
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
  } catch {
    // A malformed print reads as what was found before it.
  }
  return out;
}

function number(word: string): number {
  if (word === 'inf' || word === '+inf') return Infinity;
  if (word === '-inf') return -Infinity;
  if (word === 'nan' || word === '-nan' || word === '+nan') return NaN;
  return Number(word);
}

interface Nested {
  values: number[] | number[][];
  complete: boolean;
  end: number;
}

/**
 * The bracketed body at `i` (`[` … `]`, commas and/or spaces between values,
 * `...` where a print was summarised), 1-D or 2-D; undefined for anything else.
 */
function nested(text: string, i: number): Nested | undefined {
  if (text[i] !== '[') return undefined;
  if (text[i + 1] === '[') {
    const rows: number[][] = [];
    let complete = true;
    let j = i + 1;
    for (;;) {
      j = skipSpace(text, j);
      if (text.startsWith(ELLIPSIS, j)) {
        complete = false;
        j += ELLIPSIS.length;
      } else {
        const row = nested(text, j);
        if (!row || Array.isArray(row.values[0])) return undefined;
        rows.push(row.values as number[]);
        complete &&= row.complete;
        j = row.end;
      }
      j = skipSpace(text, j);
      if (text[j] === ',') j = skipSpace(text, j + 1);
      if (text[j] === ']') break;
      if (text[j] !== '[' && !text.startsWith(ELLIPSIS, j)) return undefined;
    }
    if (rows.length === 0) return undefined;
    return { values: rows, complete, end: j + 1 };
  }
  const close = text.indexOf(']', i);
  if (close < 0) return undefined;
  const body = text.slice(i + 1, close);
  if (/[[(]/.test(body)) return undefined;
  const words = body.split(/[\s,]+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const values: number[] = [];
  let complete = true;
  for (const w of words) {
    if (w === ELLIPSIS) complete = false;
    else if (NUMBER.test(w)) values.push(number(w));
    else return undefined;
  }
  return { values, complete, end: close + 1 };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function shapeOf(values: number[] | number[][]): number[] {
  return Array.isArray(values[0]) ? [values.length, (values[0] as number[]).length] : [values.length];
}

/** `tensor(` / `array(` … `)` with its keyword suffixes. */
function wrapped(text: string, i: number): PrintedValue | undefined {
  const kind = text.startsWith('tensor(', i) ? 'torch' : text.startsWith('array(', i) ? 'numpy' : undefined;
  if (!kind || (i > 0 && /[\w.]/.test(text[i - 1]!))) return undefined;
  const open = i + (kind === 'torch' ? 7 : 6);
  const body = nested(text, open);
  if (!body) return undefined;
  let j = body.end;
  const value: PrintedValue = {
    start: i,
    end: j,
    kind,
    values: body.values,
    shape: shapeOf(body.values),
    complete: body.complete,
  };
  // `, dtype=torch.float64, device='cuda:0', requires_grad=True, grad_fn=<SoftmaxBackward0>)`
  const close = text.indexOf(')', j);
  if (close < 0) return undefined;
  const suffix = text.slice(j, close);
  if (!/^(?:\s*,\s*\w+=(?:<[^>]*>|'[^']*'|[\w.:]+))*\s*$/.test(suffix)) return undefined;
  for (const m of suffix.matchAll(/(\w+)=(<[^>]*>|'[^']*'|[\w.:]+)/g)) {
    const v = m[2]!;
    if (m[1] === 'dtype') value.dtype = v;
    else if (m[1] === 'device') value.device = v.replace(/^'|'$/g, '');
    else if (m[1] === 'requires_grad') value.requiresGrad = v === 'True';
    else if (m[1] === 'grad_fn') value.gradFn = v.replace(/^<|>$/g, '');
  }
  j = close + 1;
  value.end = j;
  const name = labelBefore(text, i);
  if (name) value.name = name;
  return value;
}

/** A list or NumPy's str form not inside a call: `[0.2, 0.7, 0.1]`, `[0.2 0.7 0.1]`, `[[…]\n […]]`. */
function bare(text: string, i: number): PrintedValue | undefined {
  if (text[i] !== '[' || (i > 0 && /[\w\])]/.test(text[i - 1]!))) return undefined;
  const body = nested(text, i);
  if (!body) return undefined;
  const flat = Array.isArray(body.values[0]) ? (body.values as number[][]).flat() : (body.values as number[]);
  if (flat.length < 2) return undefined;
  // Commas make a Python list; spaces only are NumPy's print().
  const kind =
    text.slice(i, body.end).includes(',') && !/\]\s*\n\s*\[/.test(text.slice(i, body.end)) ? 'list' : 'numpy';
  const value: PrintedValue = {
    start: i,
    end: body.end,
    kind,
    values: body.values,
    shape: shapeOf(body.values),
    complete: body.complete,
  };
  const name = labelBefore(text, i);
  if (name) value.name = name;
  return value;
}

/** `probs: ` or `p = ` just before `i` on its line. */
function labelBefore(text: string, i: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const m = /(?:^|[\s,({])["']?([A-Za-z_][\w.]*)["']?\s*[:=]\s*$/.exec(text.slice(lineStart, i));
  return m?.[1];
}

/**
 * A pandas Series at the start of a line: `label   value` lines, perhaps a
 * `...` line where it was summarised, then `Name: x, dtype: float64` (or
 * `Length: n, dtype: …`, or `dtype: …` alone).
 */
function series(text: string, i: number): PrintedValue | undefined {
  if (i > 0 && text[i - 1] !== '\n') return undefined;
  const index: string[] = [];
  const values: number[] = [];
  let complete = true;
  let j = i;
  while (j < text.length) {
    let e = text.indexOf('\n', j);
    if (e < 0) e = text.length;
    const line = text.slice(j, e);
    const row = /^(\S+)\s+(\S+)\s*$/.exec(line);
    if (row && NUMBER.test(row[2]!) && !row[1]!.includes(':')) {
      index.push(row[1]!);
      values.push(number(row[2]!));
    } else if (line.trim() === ELLIPSIS && index.length > 0) complete = false;
    else {
      const tail = /^(?:Name: (.*?), )?(?:Length: (\d+), )?dtype: (\w+)\s*$/.exec(line);
      if (!tail || index.length < 2) return undefined;
      const value: PrintedValue = {
        start: i,
        end: e,
        kind: 'series',
        values,
        shape: [values.length],
        complete: complete && (tail[2] === undefined || Number(tail[2]) === values.length),
        dtype: tail[3]!,
        index,
      };
      if (tail[1] !== undefined) value.name = tail[1];
      return value;
    }
    j = e + 1;
  }
  return undefined;
}
