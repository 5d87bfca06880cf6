// Short constructors for the corpus files, so each snippet reads as its text
// and a few lines of what is in it.
import type { Role } from '../../../../src/parse/types';
import type { RealArray, RealPair, RealSnippet, Spot } from './types';

/** An expected array: its source, role(s), and name when it has one. */
export const A = (src: string, role: Role | Role[], name?: string, more: Partial<RealArray> = {}): RealArray => ({
  src,
  role,
  ...(name !== undefined ? { name } : {}),
  ...more,
});
/** A required pair, target first. */
export const P = (target: string | number, prediction: string | number): RealPair => ({ target, prediction });
/** A spot of text (a shape, a size, an optional array). */
export const N = (src: string, at?: number): Spot => (at === undefined ? { src } : { src, at });

export const snippet =
  (lang: string) =>
  (
    id: string,
    tags: string[],
    text: string,
    arrays: RealArray[],
    pairs: RealPair[] = [],
    more: Partial<RealSnippet> = {},
  ): RealSnippet => ({ id, lang, tags, text, arrays, pairs, ...more });
