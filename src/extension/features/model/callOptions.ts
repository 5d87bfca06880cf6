// The keyword arguments of the loss call a pair was found at, as written
// (`reduction='sum'`, `label_smoothing=0.1`, `weight=torch.tensor([1., 2.])`),
// and the dtype its arrays were built with (`torch.tensor([…], dtype=torch.float64)`).
// Bounded scans over the text (no regular expression backtracking on user text).

/** Characters scanned around a call for its parentheses and keywords. */
const MAX_SCAN = 4000;

export interface CallKeywords {
  /** keyword → its argument's source text, trimmed. */
  keywords: Record<string, string>;
  /** The dtype named right after an array's literal, inside its constructor (`dtype=torch.float64`, `np.float32`). */
  dtype?: string;
}

/** Index of the bracket closing the one at `open`, skipping strings; −1 if none within MAX_SCAN. */
function closing(text: string, open: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_SCAN);
  for (let i = open; i < end; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0 || close > end) return -1;
      i = close;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The top-level comma-separated parts between `open` and its closing bracket. */
function parts(text: string, open: number, close: number): string[] {
  const out: string[] = [];
  let depth = 0,
    from = open + 1;
  for (let i = open + 1; i < close; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const q = text.indexOf(c, i + 1);
      i = q < 0 || q > close ? close : q;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from, close));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

function keywordsOf(text: string, open: number, close: number, into: Record<string, string>): void {
  for (const part of parts(text, open, close)) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part[eq + 1] === '=') continue;
    const name = part.slice(0, eq).trim();
    if (/^[A-Za-z_]\w*$/.test(name)) into[name] = part.slice(eq + 1).trim();
  }
}

const DTYPE_WORDS: Record<string, string> = {
  float64: 'float64',
  double: 'float64',
  float32: 'float32',
  float: 'float32',
  float16: 'float16',
  half: 'float16',
  bfloat16: 'bfloat16',
};

/** A dtype written among the parts of the constructor call closing at `close` (`dtype=torch.float64`). */
function dtypeAfter(text: string, arrayEnd: number): string | undefined {
  // The constructor's closing parenthesis comes within a short tail: `, dtype=torch.float64)`.
  const tail = text.slice(arrayEnd, Math.min(text.length, arrayEnd + 80));
  const close = tail.indexOf(')');
  if (close < 0) return undefined;
  const m = /dtype\s*=\s*(?:[A-Za-z_]+\.)?["']?([a-z0-9]+)/.exec(tail.slice(0, close));
  return m ? DTYPE_WORDS[m[1]!] : undefined;
}

/**
 * The keywords of the call to `callee` whose parentheses hold the span
 * [from, to) (both arrays), and of its constructor for a loss class
 * (`nn.CrossEntropyLoss(weight=w)(input, target)`); undefined when the call is
 * not found right before the span.
 */
export function callKeywords(
  text: string,
  callee: string,
  from: number,
  to: number,
  arrayEnds: readonly number[] = [],
): CallKeywords | undefined {
  const constructed = callee.endsWith('()');
  const name = constructed ? callee.slice(0, -2) : callee;
  const start = text.lastIndexOf(name, from);
  if (start < 0 || from - start > MAX_SCAN) return undefined;
  let open = text.indexOf('(', start + name.length);
  if (open < 0 || open > from) return undefined;
  const keywords: Record<string, string> = {};
  if (constructed) {
    const ctorClose = closing(text, open);
    if (ctorClose < 0 || ctorClose > from) return undefined;
    keywordsOf(text, open, ctorClose, keywords);
    open = text.indexOf('(', ctorClose + 1);
    if (open < 0 || open > from) return undefined;
  }
  const close = closing(text, open);
  if (close < 0 || close < to) return undefined;
  keywordsOf(text, open, close, keywords);
  const out: CallKeywords = { keywords };
  for (const end of arrayEnds) {
    const d = dtypeAfter(text, end);
    if (d) {
      out.dtype = d;
      break;
    }
  }
  return out;
}
