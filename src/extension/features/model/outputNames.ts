// Which names a code cell's outputs show: its last expression gives the result
// (`probs` → `array([...])`, `y_true, probs` → a tuple of two), each
// `print(...)` call gives stdout values in argument order (strings and keyword
// arguments print no value). Python only; pure (no vscode).

export interface OutputNames {
  /** Names of the last expression's values (undefined for a value that is not a plain name). */
  result: (string | undefined)[];
  /** Names of the printed values, in the order the print calls print them. */
  printed: (string | undefined)[];
}

const KEYWORDS =
  /^(?:def|class|if|elif|else|for|while|with|try|except|finally|return|import|from|raise|assert|del|pass|break|continue|global|nonlocal|async|await|lambda|yield|print)\b/;

export function outputNames(source: string): OutputNames {
  const code = maskStrings(source);
  const printed: (string | undefined)[] = [];
  for (const m of code.matchAll(/(?<![\w.])print\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const close = matching(code, open);
    if (close < 0) continue;
    for (const arg of splitTopLevel(code, open + 1, close)) {
      const masked = code.slice(arg[0], arg[1]).trim();
      if (masked === '' || /^\w+\s*=(?!=)/.test(masked) || /^[rbfuRBFU]*["']/.test(masked)) continue;
      printed.push(plainName(source.slice(arg[0], arg[1])));
    }
  }
  return { result: lastExpression(source, code), printed };
}

/** The names of the last statement when it is an expression at the top level that prints a result. */
function lastExpression(source: string, code: string): (string | undefined)[] {
  const lines = code.split('\n');
  let k = lines.length - 1;
  while (k >= 0 && lines[k]!.trim() === '') k--;
  if (k < 0) return [];
  // Back up to the start of a statement that spans lines (open brackets).
  let start = k;
  let depth = 0;
  for (let j = k; j >= 0; j--) {
    for (const ch of lines[j]!)
      depth += ch === ')' || ch === ']' || ch === '}' ? 1 : ch === '(' || ch === '[' || ch === '{' ? -1 : 0;
    start = j;
    if (depth <= 0) break;
  }
  const offset = lines.slice(0, start).reduce((s, l) => s + l.length + 1, 0);
  const statement = code.slice(offset).trimEnd();
  if (/^\s/.test(statement) || KEYWORDS.test(statement) || statement.endsWith(';')) return [];
  if (/(?<![=!<>])=(?!=)/.test(statement.replace(/\([^()]*\)/g, '()')) || /^\s*@/.test(statement)) return [];
  const body = /^\((.*)\)$/s.test(statement) && matching(statement, 0) === statement.length - 1 ? 1 : 0;
  return splitTopLevel(code, offset + body, offset + statement.length - body).map(([s, e]) =>
    plainName(source.slice(s, e)),
  );
}

/** `probs`, `probs.numpy()`, `out.detach().cpu()`, `df.p` → the root name; anything else → undefined. */
function plainName(expr: string): string | undefined {
  const m = /^\s*([A-Za-z_]\w*)(?:\.\w+(?:\(\))?)*\s*$/.exec(expr);
  return m?.[1];
}

/** Same length as `text`, with string contents and comments blanked, so brackets and commas inside them do not count. */
function maskStrings(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '#') {
      const e = text.indexOf('\n', i);
      const end = e < 0 ? text.length : e;
      out += ' '.repeat(end - i);
      i = end;
    } else if (ch === '"' || ch === "'") {
      const q = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      let j = i + q.length;
      while (j < text.length && !text.startsWith(q, j) && (q.length === 3 || text[j] !== '\n'))
        j += text[j] === '\\' ? 2 : 1;
      j = Math.min(j, text.length);
      out += q + text.slice(i + q.length, j).replace(/[^\n]/g, ' ');
      if (text.startsWith(q, j)) {
        out += q;
        j += q.length;
      }
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out.slice(0, text.length).padEnd(text.length, ' ');
}

function matching(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** [start, end) of each top-level comma-separated part of code[from, to). */
function splitTopLevel(code: string, from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = code[i]!;
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (code.slice(start, to).trim() !== '') parts.push([start, to]);
  return parts;
}
