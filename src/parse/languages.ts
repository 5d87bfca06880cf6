// Per-language syntax the scanner needs: which comments and strings to skip,
// and which brackets can open a numeric array literal. One table per family so
// the scanner itself stays language-agnostic.

export type Family =
  'python' | 'json' | 'js' | 'clike' | 'csharp' | 'rust' | 'julia' | 'matlab' | 'r' | 'yaml' | 'prose';

export interface Syntax {
  family: Family;
  /** `#` starts a line comment. */
  hashComment: boolean;
  /** `//` line and `/* *\/` block comments. */
  slashComments: boolean;
  /** `%` line comment and `%{ … %}` blocks (MATLAB / Octave; Octave's `#` is hashComment). */
  percentComment: boolean;
  /** Julia `#= … =#` block comments (nesting). */
  hashBlockComment: boolean;
  /** `"` strings. */
  doubleQuote: boolean;
  /** `'` strings (`'x'` chars in C-like and Rust; transpose-aware in MATLAB / Julia). */
  singleQuote: boolean;
  /** Python `'''` / `"""` and Julia `"""`. */
  tripleQuote: boolean;
  /** JS template literals. */
  backtick: boolean;
  /** `'` after a value is an operator (MATLAB, Julia transpose; Rust lifetimes, C++ digit separators). */
  quoteNeedsContext: boolean;
  /** `(…)` holding ≥ 2 numbers is a tuple (Python). */
  parenTuples: boolean;
  /** `{…}` holding numbers is an initialiser (C, C++, Java, C#). */
  braceInit: boolean;
  /** `[1 2; 3 4]`: spaces separate values, `;` and newlines separate rows (MATLAB, Julia). */
  matrixSyntax: boolean;
  /** `c(…)` is the vector literal (R). */
  rVectors: boolean;
  /** Calls whose argument list is the array: `Arrays.asList(…)`, `List.of(…)`, `doubleArrayOf(…)`, `Float32Array.of(…)`. */
  vectorCalls: boolean;
  /** Number suffixes such as `0.5f`, `1.0d`, `2L`, `0.5f64` are allowed. */
  numberSuffixes: boolean;
  /** A literal needs at least this many values (prose: `[1]` is a citation, not an array). */
  minValues: number;
  /**
   * Code in a Markdown fence: its strings and comments are skipped, but only
   * literals that Markdown itself would read are reported (`[…]` of ≥ 2 plain
   * values, no comment inside), so every array re-reads from its own range.
   */
  fenced?: boolean;
}

const base: Syntax = {
  family: 'prose',
  hashComment: false,
  slashComments: false,
  percentComment: false,
  hashBlockComment: false,
  doubleQuote: false,
  singleQuote: false,
  tripleQuote: false,
  backtick: false,
  quoteNeedsContext: false,
  parenTuples: false,
  braceInit: false,
  matrixSyntax: false,
  rVectors: false,
  vectorCalls: false,
  numberSuffixes: false,
  minValues: 1,
};

const SYNTAX: Record<Family, Syntax> = {
  python: {
    ...base,
    family: 'python',
    hashComment: true,
    doubleQuote: true,
    singleQuote: true,
    tripleQuote: true,
    parenTuples: true,
  },
  json: { ...base, family: 'json', slashComments: true, doubleQuote: true, singleQuote: true },
  js: {
    ...base,
    family: 'js',
    slashComments: true,
    doubleQuote: true,
    singleQuote: true,
    backtick: true,
    vectorCalls: true,
  },
  clike: {
    ...base,
    family: 'clike',
    slashComments: true,
    doubleQuote: true,
    singleQuote: true,
    quoteNeedsContext: true,
    braceInit: true,
    numberSuffixes: true,
    vectorCalls: true,
  },
  csharp: {
    ...base,
    family: 'csharp',
    slashComments: true,
    doubleQuote: true,
    singleQuote: true,
    quoteNeedsContext: true,
    braceInit: true,
    numberSuffixes: true,
  },
  rust: {
    ...base,
    family: 'rust',
    slashComments: true,
    doubleQuote: true,
    singleQuote: true,
    quoteNeedsContext: true,
    numberSuffixes: true,
  },
  julia: {
    ...base,
    family: 'julia',
    hashComment: true,
    hashBlockComment: true,
    doubleQuote: true,
    singleQuote: true,
    tripleQuote: true,
    quoteNeedsContext: true,
    matrixSyntax: true,
  },
  matlab: {
    ...base,
    family: 'matlab',
    percentComment: true,
    hashComment: true,
    doubleQuote: true,
    singleQuote: true,
    quoteNeedsContext: true,
    matrixSyntax: true,
  },
  r: {
    ...base,
    family: 'r',
    hashComment: true,
    doubleQuote: true,
    singleQuote: true,
    rVectors: true,
    numberSuffixes: true,
  },
  yaml: { ...base, family: 'yaml', hashComment: true, doubleQuote: true, singleQuote: true },
  prose: { ...base, family: 'prose', minValues: 2 },
};

/** VS Code language ids → syntax family. Unknown ids are read as prose. */
const FAMILY_OF: Record<string, Family> = {
  python: 'python',
  jupyter: 'json',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  jsonl: 'json',
  javascript: 'js',
  javascriptreact: 'js',
  typescript: 'js',
  typescriptreact: 'js',
  c: 'clike',
  cpp: 'clike',
  'cuda-cpp': 'clike',
  'objective-c': 'clike',
  'objective-cpp': 'clike',
  java: 'clike',
  kotlin: 'clike',
  scala: 'clike',
  go: 'clike',
  swift: 'clike',
  dart: 'clike',
  csharp: 'csharp',
  rust: 'rust',
  julia: 'julia',
  matlab: 'matlab',
  octave: 'matlab',
  r: 'r',
  yaml: 'yaml',
  toml: 'yaml',
  markdown: 'prose',
  plaintext: 'prose',
};

export function syntaxFor(languageId: string): Syntax {
  const id = typeof languageId === 'string' ? languageId.toLowerCase() : '';
  const family = Object.prototype.hasOwnProperty.call(FAMILY_OF, id) ? FAMILY_OF[id]! : 'prose';
  return SYNTAX[family];
}

const fencedCache = new Map<Syntax, Syntax>();

/** The syntax for code in a Markdown fence of `languageId` (see Syntax.fenced). */
export function fencedSyntaxFor(languageId: string): Syntax {
  const code = syntaxFor(languageId);
  let f = fencedCache.get(code);
  if (!f) {
    f = {
      ...code,
      fenced: true,
      parenTuples: false,
      braceInit: false,
      matrixSyntax: false,
      rVectors: false,
      vectorCalls: false,
      numberSuffixes: false,
      minValues: 2,
    };
    fencedCache.set(code, f);
  }
  return f;
}
