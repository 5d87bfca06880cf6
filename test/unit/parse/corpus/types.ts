// The shape of a corpus case: a snippet as people write it, read as one VS Code
// language, with every array the finder must report (in text order) and,
// where stated, the pairs it must form. Kept as plain data so a failing case
// is easy to read and a new one is one object away.
import type { Role, Values } from '../../../../src/parse/types';

export interface ExpectedArray {
  /** Exactly `text.slice(start, end)`: the bracket literal, never a wrapper call. */
  src: string;
  /** The values; ±Infinity and NaN where the text spells them. */
  values: Values;
  /** The bound name; omitted means the array must have no name (see anyName). */
  name?: string;
  /** Skip the name check where the binding is honestly ambiguous (e.g. `a, b = …`). */
  anyName?: true;
  /** Defaults to [n] for 1-D and [rows, columns of row 0] for 2-D. */
  shape?: number[];
  /** Only stated where the role is unambiguous. */
  role?: Role;
  /** Substrings that must each appear in one of the array's issues; omitted means no issues. */
  issues?: string[];
}

export interface ExpectedPair {
  /** Name of the target array, or its index among the expected arrays. */
  target: string | number;
  prediction: string | number;
  /** A substring the pair's reason must contain (e.g. the rule or the callee). */
  why?: string;
}

export interface CorpusCase {
  /** What the case is about; shown in the test name. */
  name: string;
  /** VS Code language id. */
  lang: string;
  text: string;
  /** Every array found, in text order (so an extra or missing one fails). */
  arrays: ExpectedArray[];
  /** Exactly the pairs formed, in any order; omitted means pairs are not checked. */
  pairs?: ExpectedPair[];
  /** Substrings of document-level issues; omitted means there must be none. */
  docIssues?: string[];
}

/** Tags the reason of a pair found by a call site, by names, or by neighbours. */
export const BY_CALL = 'arguments of';
export const BY_NAMES = 'names';
export const BY_NEIGHBOURS = 'neighbours';
