// Several expressions read at once: their requests share the round trips to
// the adapter (a pair of small values in one round trip's time, not two), and
// the first to fail stops the others, so a string beside 10^6 values fails
// before the values' parts move. Used by the compute commands and the live lenses.
import { readLive, type LiveRead, type PausedFrame, type ReadOptions } from './evaluator';
import { linkedCancellation } from './linkedCancellation';

export type FailedRead = Extract<LiveRead, { ok: false }>;

/**
 * The reads in the expressions' order, or the failure to show: the first that
 * is not a read stopped for another's failure. A value over the cap
 * (TOO_LARGE) stops nothing: it is among the reads, for the caller to offer a
 * slice of or to name.
 */
export async function readTogether(
  frame: PausedFrame,
  expressions: readonly string[],
  languageId: string | undefined,
  options: ReadOptions,
): Promise<LiveRead[] | FailedRead> {
  const link = linkedCancellation(options.token);
  let reads: LiveRead[];
  try {
    reads = await Promise.all(
      expressions.map(async (expression) => {
        const r = await readLive(frame, expression, languageId, { ...options, token: link.token });
        if (!r.ok && r.code !== 'TOO_LARGE') link.cancel();
        return r;
      }),
    );
  } finally {
    link.dispose();
  }
  const failed =
    reads.find((r): r is FailedRead => !r.ok && r.code !== 'TOO_LARGE' && r.code !== 'CANCELLED') ??
    reads.find((r): r is FailedRead => !r.ok && r.code === 'CANCELLED');
  return failed ?? reads;
}
