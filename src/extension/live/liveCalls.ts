// Which loss calls of a document a paused frame can answer for, and what to
// evaluate for each. Pure. A call is read only when it lies in the paused
// line's own function (same names, same values: a `logits` in another function
// is another variable), and only when its arguments are safe to evaluate:
// names, attributes, subscripts and the softmax/sigmoid wrappers — never a
// call that could change the program (`model(x)` runs a forward pass).
import { findPredictionArguments, type PredictionArgument } from '../features/model/callSites';

/** A loss call of the frame's function, with the expressions that give its two sides. */
export interface LiveCall {
  call: PredictionArgument;
  /** The call's target and prediction arguments as written. */
  target: string;
  prediction: string;
  /** Offset of the line the lens sits on (the call's line). */
  lineStart: number;
}

/** A loss call left out, and why (for the output channel). */
export interface SkippedCall {
  call: PredictionArgument;
  reason: string;
}

/** Lines longer than this are not looked at for function headers (a minified line is no scope). */
const MAX_HEADER_LINE = 400;

const PY_DEF = /^\s*(async\s+)?def\s/;
const JS_FUNCTION =
  /\bfunction\b|=>\s*\{?\s*$|^\s*(async\s+|static\s+|public\s+|private\s+|protected\s+)*[A-Za-z_$][\w$]*\s*\([^()]*\)\s*(:\s*[^{]+)?\{\s*$/;

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/**
 * The line of the function header that encloses `line` (0-based), or -1 at
 * module level: going up, each line less indented than every line below it
 * opens a block; the first such block that is a function is the one.
 */
export function enclosingFunction(lines: readonly string[], line: number): number {
  let at = Math.min(Math.max(0, line), lines.length - 1);
  while (at >= 0 && lines[at]!.trim() === '') at--;
  if (at < 0) return -1;
  let threshold = indentOf(lines[at]!);
  // The paused line may itself be a header (paused on `def f():` — not inside yet).
  for (let k = at - 1; k >= 0 && threshold > 0; k--) {
    const text = lines[k]!;
    if (text.trim() === '' || text.length > MAX_HEADER_LINE) continue;
    const indent = indentOf(text);
    if (indent >= threshold) continue;
    if (PY_DEF.test(text) || JS_FUNCTION.test(text)) return k;
    threshold = indent;
  }
  return -1;
}

/** Expressions evaluated as written: names, attributes, subscripts (no calls), numbers in brackets. */
const PLAIN = /^[A-Za-z_$][\w$]*(\s*(\.\s*[A-Za-z_$][\w$]*|\[[^()[\]]*\]))*$/;
/** The wrappers a loss call is often given, which only read their argument. */
const WRAPPED =
  /^(([A-Za-z_$][\w$]*\.)*(softmax|log_softmax|sigmoid|logsigmoid)\s*\(\s*[A-Za-z_$][\w$.[\]]*\s*(,\s*(dim|axis)\s*=\s*-?\d+|,\s*-?\d+)?\s*\)|[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*\.(softmax|log_softmax|sigmoid)\s*\(\s*((dim|axis)\s*=\s*)?-?\d*\s*\))$/;

/** Whether evaluating `expression` only reads the program's values. */
export function readsOnly(expression: string): boolean {
  const t = expression.trim();
  return t.length > 0 && t.length <= 200 && (PLAIN.test(t) || WRAPPED.test(t));
}

/**
 * The loss calls of `text` in the function paused at `pausedLine` (0-based),
 * at most `max`, nearest the paused line first, and those left out with why.
 */
export function liveCalls(text: string, pausedLine: number, max = 8): { calls: LiveCall[]; skipped: SkippedCall[] } {
  const lines = text.split('\n');
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0,
      hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const scope = enclosingFunction(lines, pausedLine);
  const calls: LiveCall[] = [];
  const skipped: SkippedCall[] = [];
  const seen = new Set<number>();
  for (const call of findPredictionArguments(text)) {
    if (call.targetOnly || !call.target) continue;
    const line = lineOf(call.start);
    if (enclosingFunction(lines, line) !== scope) continue;
    // One lens per call: a call is found once per prediction argument.
    if (seen.has(call.start)) continue;
    seen.add(call.start);
    const target = call.target.text.trim(),
      prediction = call.text.trim();
    const unsafe = [prediction, target].find((e) => !readsOnly(e));
    if (unsafe !== undefined) {
      skipped.push({ call, reason: `\`${unsafe}\` is not evaluated: a call could change the program` });
      continue;
    }
    // The lens goes on the line the call starts on.
    let callLine = line;
    const open = text.lastIndexOf(call.callee, call.start);
    if (open >= 0) callLine = lineOf(open);
    calls.push({ call, target, prediction, lineStart: lineStarts[callLine]! });
  }
  calls.sort((a, b) => Math.abs(lineOf(a.lineStart) - pausedLine) - Math.abs(lineOf(b.lineStart) - pausedLine));
  return { calls: calls.slice(0, max), skipped };
}
