// What the scanner records about calls: the loss calls with their arguments
// (pairs.ts reads them), and the calls whose argument list is itself the array.

import type { LossSignature } from './callSignatures';
import { HashSet } from './lookBack';

/** One argument of a loss call: a keyword, and a literal (array index) or a bare name. */
export interface CallArgument {
  keyword: string | undefined;
  array: number | undefined;
  name: string | undefined;
}

export interface CallSite {
  /** The callee as written (`F.cross_entropy`, `nn.CrossEntropyLoss()`). */
  callee: string;
  signature: LossSignature;
  /** Offset of the callee's first character. */
  start: number;
  args: CallArgument[];
}

/** Calls whose argument list is itself the array (Java, Kotlin, JS); the range includes the callee. */
export const VECTOR_CALLS: ReadonlySet<string> = new Set([
  'doubleArrayOf',
  'floatArrayOf',
  'intArrayOf',
  'longArrayOf',
  'arrayOf',
  'listOf',
  'mutableListOf',
  'asList',
  'of',
]);
const VECTOR_RECEIVERS = new Set([
  'Arrays',
  'List',
  'Float32Array',
  'Float64Array',
  'Int32Array',
  'Array',
  'DoubleStream',
  'Stream',
]);
export const VECTOR_CALL_HASHES = new HashSet(VECTOR_CALLS);

/** `Arrays.asList`, `List.of`, `Float32Array.of`, `doubleArrayOf`, … (an `of` needs a known receiver). */
export function isVectorCall(callee: string): boolean {
  const dot = callee.lastIndexOf('.');
  const last = callee.slice(dot + 1);
  if (!VECTOR_CALLS.has(last)) return false;
  if (last === 'of' || last === 'asList')
    return dot > 0 && VECTOR_RECEIVERS.has(callee.slice(callee.lastIndexOf('.', dot - 1) + 1, dot));
  return dot < 0 || callee.startsWith('kotlin.');
}
