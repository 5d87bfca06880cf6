// Fenced code blocks in Markdown (```python … ```), so the code inside is read
// with its own language's strings, comments and literal forms. One pass over
// the lines; an unclosed fence runs to the end of the text, as in CommonMark.

export interface CodeBlock {
  /** Offset of the first character of the block's content (after the fence line). */
  start: number;
  /** Offset one past the content (the start of the closing fence line, or the end of the text). */
  end: number;
  /** The VS Code language id for the info string, or undefined when unknown. */
  languageId: string | undefined;
}

const INFO_TO_LANGUAGE: Record<string, string> = {
  python: 'python',
  py: 'python',
  python3: 'python',
  ipython: 'python',
  pycon: 'python',
  javascript: 'javascript',
  js: 'javascript',
  jsx: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  tsx: 'typescript',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  julia: 'julia',
  jl: 'julia',
  matlab: 'matlab',
  octave: 'octave',
  m: 'matlab',
  r: 'r',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  java: 'java',
  cs: 'csharp',
  csharp: 'csharp',
  rust: 'rust',
  rs: 'rust',
  go: 'go',
  kotlin: 'kotlin',
  kt: 'kotlin',
  scala: 'scala',
  swift: 'swift',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
};

export function codeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const n = text.length;
  let line = 0;
  let open: { fence: number; length: number; contentStart: number; languageId: string | undefined } | undefined;
  while (line < n) {
    const eol = text.indexOf('\n', line);
    const lineEnd = eol < 0 ? n : eol;
    const next = eol < 0 ? n : eol + 1;
    // Up to three spaces of indentation, then ``` or ~~~.
    let k = line;
    while (k < lineEnd && k - line < 3 && text.charCodeAt(k) === 32) k++;
    const ch = k < lineEnd ? text.charCodeAt(k) : 0;
    if (ch === 96 || ch === 126) {
      let run = k;
      while (run < lineEnd && text.charCodeAt(run) === ch) run++;
      const length = run - k;
      if (length >= 3) {
        if (open === undefined) {
          const info = text
            .slice(run, Math.min(lineEnd, run + 40))
            .trim()
            .split(/[\s{,]/, 1)[0]!
            .toLowerCase();
          const languageId = Object.prototype.hasOwnProperty.call(INFO_TO_LANGUAGE, info)
            ? INFO_TO_LANGUAGE[info]
            : undefined;
          open = { fence: ch, length, contentStart: next, languageId };
        } else if (ch === open.fence && length >= open.length && text.slice(run, lineEnd).trim() === '') {
          blocks.push({ start: open.contentStart, end: line, languageId: open.languageId });
          open = undefined;
        }
      }
    }
    line = next;
  }
  if (open !== undefined) blocks.push({ start: open.contentStart, end: n, languageId: open.languageId });
  return blocks;
}
