// The fast skip outside literals: which characters matter (a table per
// language), and jumping between them with indexOf.

import type { Syntax } from './languages';

/** Character classes: 0 = nothing to do here. */
export const Cls = { None: 0, Open: 1, Close: 2, Quote: 3, Hash: 4, Slash: 5, Percent: 6 } as const;
export type ClsValue = (typeof Cls)[keyof typeof Cls];

const tables = new Map<Syntax, Uint8Array>();

/** The character classes of a language: brackets, quotes, comment starts. */
export function tableFor(syntax: Syntax): Uint8Array {
  let t = tables.get(syntax);
  if (t) return t;
  t = new Uint8Array(128);
  t[91] = Cls.Open; t[93] = Cls.Close; // [ ]
  if (syntax.family !== 'prose') {
    t[40] = Cls.Open; t[41] = Cls.Close; // ( )
  }
  // Braces only matter where they can be an initialiser; elsewhere a literal
  // meeting one is simply not all numbers, and the fast skip ignores them.
  if (syntax.braceInit) {
    t[123] = Cls.Open; t[125] = Cls.Close; // { }
  }
  if (syntax.doubleQuote) t[34] = Cls.Quote;
  if (syntax.singleQuote) t[39] = Cls.Quote;
  if (syntax.backtick) t[96] = Cls.Quote;
  if (syntax.hashComment) t[35] = Cls.Hash;
  if (syntax.slashComments) t[47] = Cls.Slash;
  if (syntax.percentComment) t[37] = Cls.Percent;
  tables.set(syntax, t);
  return t;
}

/** The table without closing brackets, except `keep`. */
export function withoutClosers(table: Uint8Array, keep = 0): Uint8Array {
  const t = table.slice();
  for (const c of [93, 41, 125]) if (c !== keep && t[c] === Cls.Close) t[c] = Cls.None;
  return t;
}


/**
 * Fast skip: only brackets, quotes and comment starts matter outside literals
 * and tracked calls. The next position of each such character is kept and
 * found with indexOf (vectorised in the engine); each character's search only
 * moves forward, so the whole skip stays linear.
 */
export class PlainSkipper {
  private readonly codes: number[] = [];

  /** `next` is shared by the skippers of one scan: a character's next position is searched once. */
  constructor(table: Uint8Array, private readonly next: Int32Array) {
    for (let c = 0; c < 128; c++) if (table[c] !== 0) this.codes.push(c);
  }

  skip(s: string, i: number, n: number): number {
    const next = this.next;
    const codes = this.codes;
    let m = n;
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k]!;
      let p = next[c]!;
      if (p < i) {
        p = s.indexOf(CHAR_STRINGS[c]!, i);
        if (p < 0) p = s.length;
        next[c] = p;
      }
      if (p < m) m = p;
    }
    return m;
  }
}

const CHAR_STRINGS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
