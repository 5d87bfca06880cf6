// The keyword arguments of the loss call a pair was found at, as written
// (`reduction='sum'`, `label_smoothing=0.1`, `weight=torch.tensor([1., 2.])`),
// and the dtype its arrays were built with (`torch.tensor([…], dtype=torch.float64)`).
// Bounded scans over the text (no regular expression backtracking on user text).

import { callArguments, type CallArgument } from '../../../parse/keywordValue';

/** Characters scanned around a call for its parentheses and keywords. */
const MAX_SCAN = 4000;

export interface CallKeywords {
  /** keyword → its argument's source text, trimmed. */
  keywords: Record<string, string>;
  /** The dtype named right after an array's literal, inside its constructor (`dtype=torch.float64`, `np.float32`). */
  dtype?: string;
}

/** Offset of the ")" closing a call whose arguments are `args` (after the last one, else right after `open`). */
function closeOf(text: string, args: readonly CallArgument[], open: number): number | undefined {
  const i = text.indexOf(')', args.length ? args[args.length - 1]!.end : open + 1);
  return i < 0 ? undefined : i;
}

/** The keyword arguments among the call's top-level arguments, as written. */
function keywordsOf(args: readonly CallArgument[], into: Record<string, string>): void {
  for (const a of args) if (a.keyword) into[a.keyword] = a.text;
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
    const ctorArgs = callArguments(text, open, MAX_SCAN);
    const ctorClose = ctorArgs && closeOf(text, ctorArgs, open);
    if (!ctorArgs || ctorClose === undefined || ctorClose > from) return undefined;
    keywordsOf(ctorArgs, keywords);
    open = text.indexOf('(', ctorClose + 1);
    if (open < 0 || open > from) return undefined;
  }
  const args = callArguments(text, open, MAX_SCAN);
  const close = args && closeOf(text, args, open);
  if (!args || close === undefined || close < to) return undefined;
  keywordsOf(args, keywords);
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
