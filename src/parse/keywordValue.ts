// A call's arguments as written, and the value of one keyword argument with its
// ranges (`reduction='mean'`, `eps=1e-15`, `ignore_index=-1`, `from_logits=True`):
// what the mistake checks read and what their quick fixes replace or delete.
// Pure and bounded: one linear scan of at most `maxChars` characters.

/** One top-level argument: its text (after any `keyword=`) and where it is. */
export interface CallArgument {
  keyword: string | undefined;
  /** Offsets of the value (after `keyword=`), end exclusive, blanks trimmed. */
  start: number;
  end: number;
  text: string;
  /** Offset of the whole argument: the keyword's first character, else `start`. */
  argStart: number;
}

/** A keyword argument's value, read as Python/Keras writes it. */
export type Literal = string | number | boolean | null;

export interface KeywordValue {
  keyword: string;
  /** The value as written (`'mean'`, `1e-15`, `True`). */
  text: string;
  /** Its value when it is a literal: the string's contents, a number, True/False/None; else undefined. */
  value: Literal | undefined;
  /** Offsets of the value as written (quotes included). */
  start: number;
  end: number;
  /** What to delete to remove the argument with the comma that separates it from its neighbour. */
  removeStart: number;
  removeEnd: number;
  /** For a string value: the offsets of its contents, inside the quotes. */
  contentStart?: number;
  contentEnd?: number;
}

const MAX_CALL = 4000;

/** Top-level arguments of the call whose "(" is at `open`; undefined when not closed within `maxChars`. */
export function callArguments(text: string, open: number, maxChars = MAX_CALL): CallArgument[] | undefined {
  const args: CallArgument[] = [];
  let depth = 0;
  let argStart = open + 1;
  const limit = Math.min(text.length, open + maxChars);
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i, limit);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        pushArg(text, argStart, i, args);
        return args;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      pushArg(text, argStart, i, args);
      argStart = i + 1;
    }
  }
  return undefined;
}

function pushArg(text: string, start: number, end: number, args: CallArgument[]): void {
  // Arguments written one per line start after a line break: skip it as any blank.
  let s = skipBlank(text, start, end);
  let e = end;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (e <= s) return;
  const argStart = s;
  let keyword: string | undefined;
  const kw = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(text.slice(s, Math.min(e, s + 64)));
  if (kw) {
    keyword = kw[1];
    s = skipBlank(text, s + kw[0].length, e);
    if (s >= e) return; // `y_pred=` with nothing after it
  }
  args.push({ start: s, end: e, text: text.slice(s, e), keyword, argStart });
}

/** The value of `keyword` among `args` (the last one, as Python would refuse a repeat anyway), with its ranges. */
export function keywordValue(args: readonly CallArgument[], keyword: string): KeywordValue | undefined {
  let k = -1;
  for (let i = args.length - 1; i >= 0; i--)
    if (args[i]!.keyword === keyword) {
      k = i;
      break;
    }
  if (k < 0) return undefined;
  const arg = args[k]!;
  // Remove with the comma before it (after the previous argument), or the one after it when it is first.
  const prev = args[k - 1];
  const next = args[k + 1];
  const removeStart = prev ? prev.end : arg.argStart;
  const removeEnd = prev ? arg.end : next ? next.argStart : arg.end;
  const out: KeywordValue = {
    keyword,
    text: arg.text,
    value: literal(arg.text),
    start: arg.start,
    end: arg.end,
    removeStart,
    removeEnd,
  };
  if (typeof out.value === 'string') {
    const q = arg.text.search(/['"]/);
    Object.assign(out, { contentStart: arg.start + q + 1, contentEnd: arg.end - 1 });
  }
  return out;
}

/** `'mean'` → mean, `-100` → -100, `1e-15` → 1e-15, `True` / `true` → true, `None` → null; else undefined. */
export function literal(text: string): Literal | undefined {
  const t = text.trim();
  const str = /^[rbu]?(['"])([^'"\\\n]*)\1$/i.exec(t);
  if (str) return str[2]!;
  if (t === 'True' || t === 'true') return true;
  if (t === 'False' || t === 'false') return false;
  if (t === 'None' || t === 'null') return null;
  if (/^[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    const n = Number(t.replace(/_/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipBlank(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function skipString(text: string, i: number, limit: number): number {
  const q = text[i];
  for (let j = i + 1; j < limit; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === q || text[j] === '\n') return j;
  }
  return limit;
}
