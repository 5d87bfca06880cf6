// The shape of a real-code snippet (issue #11): code written in the style of
// the real libraries' tests, docs and tutorials, with what an ML engineer
// reading it would say is there — written by hand, never from the finder's
// output. measure.ts scores the finder against these.
import type { Role, Values } from '../../../../src/parse/types';

/** Where a piece of the snippet's text is: its exact source, and which occurrence (0-based) when it repeats. */
export interface Spot {
  src: string;
  /** Which occurrence of `src` in the text (0 = first). Required when `src` occurs more than once. */
  at?: number;
}

export interface RealArray extends Spot {
  /**
   * The numbers in reading order (flat or as rows). Omitted: read from `src`,
   * which then holds only numbers, constant arithmetic (`1/2`, `-1e9`, `2**-3`)
   * and brackets / separators (see values.ts).
   */
  values?: Values;
  /** The name it is bound to, where an engineer would say it has one. Omitted: the name is not scored. */
  name?: string;
  /** [n] or [rows, columns]. Omitted: from the brackets (`[[…], […]]`, MATLAB/Julia `;` rows), else [n]. */
  shape?: number[];
  /** What it is; a list where an engineer would accept either. */
  role: Role | Role[];
}

export interface RealPair {
  /** The target's name among the expected arrays (when unique), or its index in `arrays`. */
  target: string | number;
  prediction: string | number;
}

export interface RealSnippet {
  /** Short id, unique in the corpus; says what the snippet is about. */
  id: string;
  /** VS Code language id the text is read as. */
  lang: string;
  /** Which of the patterns (1–10) it exercises, or 'ordinary' / 'printed'. */
  tags: string[];
  text: string;
  /** Every array an engineer would point at, in any order. */
  arrays: RealArray[];
  /** Numeric arrays it is fine to report or not (feature inputs, weights of a layer…): neither missed nor extra. */
  optional?: Spot[];
  /** The target → prediction pairs an engineer would form. */
  pairs: RealPair[];
  /** Pairs that are neither required nor wrong (honestly ambiguous). */
  allowedPairs?: RealPair[];
  /** Numbers that must NOT be reported as data arrays: shapes, sizes, axes, seeds, hidden sizes. */
  notArrays?: Spot[];
}
