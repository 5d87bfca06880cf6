// Code inside strings: the code cells of a raw .ipynb opened as text (each
// source line is a JSON string; outputs' `text/plain` and `text` are printed
// output) and Python doctest lines (`>>> …`, `... …`) with the printed output
// after them. Each is read by masking: a copy of the text of the same length
// where everything but that code (or output) is a space, so the offsets found
// in the copy are offsets in the text. A JSON escape keeps its length
// (`\n` → space + line break, `\"` → space + quote).

/** A masked copy of the text and the language id it is read as. */
export interface Embedded {
  text: string;
  languageId: string;
  /** Printed output (a notebook's outputs, what a doctest prints), not code. */
  output: boolean;
}

/** Documents larger than this are not searched for embedded code (the masks are copies of the text). */
const MAX_TEXT = 8_000_000;

/** The embedded code and printed output of `text` read as `languageId`, if any. */
export function embeddedCode(text: string, languageId: string): Embedded[] {
  if (text.length > MAX_TEXT) return [];
  const id = languageId.toLowerCase();
  if (
    (id === 'jupyter' || id === 'json' || id === 'jsonc') &&
    text.indexOf('"cells"') >= 0 &&
    text.indexOf('"cell_type"') >= 0
  ) {
    return notebook(text);
  }
  if (id === 'python' && text.indexOf('>>>') >= 0) return doctests(text);
  return [];
}

/** The notebook's code cells (as its kernel's language) and printed outputs (as plain text). */
function notebook(text: string): Embedded[] {
  const code = new Uint16Array(text.length).fill(32);
  const printed = new Uint16Array(text.length).fill(32);
  let anyCode = false;
  let anyPrinted = false;
  for (let k = text.indexOf('"source"'); k >= 0; k = text.indexOf('"source"', k + 8)) {
    const type = text.lastIndexOf('"cell_type"', k);
    const isCode = type >= 0 && /^"cell_type"\s*:\s*"code"/.test(text.slice(type, type + 40));
    if (!isCode) continue;
    if (copyStrings(text, k + 8, code)) anyCode = true;
  }
  for (const key of ['"text/plain"', '"text"']) {
    for (let k = text.indexOf(key); k >= 0; k = text.indexOf(key, k + key.length)) {
      if (copyStrings(text, k + key.length, printed)) anyPrinted = true;
    }
  }
  const out: Embedded[] = [];
  if (anyCode) out.push({ text: toText(code), languageId: kernelLanguage(text), output: false });
  if (anyPrinted) out.push({ text: toText(printed), languageId: 'plaintext', output: true });
  return out;
}

/** The notebook's language: `language_info.name` or the kernelspec's language; Python when neither says. */
function kernelLanguage(text: string): string {
  const m = /"(?:language_info"\s*:\s*\{[^}]*?"name|language)"\s*:\s*"([A-Za-z+#]+)"/.exec(
    text.slice(Math.max(0, text.length - 20_000)),
  );
  const lang = m ? m[1]!.toLowerCase() : 'python';
  return lang === 'ir' ? 'r' : lang;
}

/**
 * After a key at `from` (`: [ "…", "…" ]` or `: "…"`): copies the strings'
 * contents into `mask`, escapes kept at their length. False when none.
 */
function copyStrings(text: string, from: number, mask: Uint16Array): boolean {
  let k = from;
  while (
    k < text.length &&
    (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13 || text.charCodeAt(k) === 9)
  )
    k++;
  if (text.charCodeAt(k) !== 58 /* : */) return false;
  k++;
  let any = false;
  let inList = false;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44) continue;
    if (c === 91 /* [ */ && !inList) {
      inList = true;
      continue;
    }
    if (c !== 34 /* " */) break;
    k = copyString(text, k, mask);
    any = true;
    if (!inList) break;
  }
  return any;
}

/** Copies the JSON string starting at its quote `q`; returns the index of its closing quote. */
function copyString(text: string, q: number, mask: Uint16Array): number {
  let k = q + 1;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 34) return k;
    if (c === 10) return k; // not JSON: stop at the line
    if (c === 92 /* \ */ && k + 1 < text.length) {
      const e = text.charCodeAt(k + 1);
      mask[k] = 32;
      mask[k + 1] = e === 110 ? 10 : e === 116 ? 32 : e === 117 ? 32 : e;
      k += 2;
      continue;
    }
    mask[k] = c;
    k++;
  }
  return k;
}

/** Doctest lines as code and the output lines after them as printed text. */
function doctests(text: string): Embedded[] {
  const code = new Uint16Array(text.length).fill(32);
  const printed = new Uint16Array(text.length).fill(32);
  let anyCode = false;
  let anyPrinted = false;
  let inExample = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let j = lineStart;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const prompt =
      text.startsWith('>>>', j) ||
      (inExample && text.startsWith('...', j) && (j + 3 >= end || text.charCodeAt(j + 3) === 32));
    if (prompt) {
      for (let k = j + 3; k < end; k++) code[k] = text.charCodeAt(k);
      code[end] = 10;
      anyCode = true;
      inExample = true;
    } else if (inExample && j < end && !text.startsWith('"""', j) && !text.startsWith("'''", j)) {
      for (let k = j; k < end; k++) printed[k] = text.charCodeAt(k);
      printed[end] = 10;
      anyPrinted = true;
    } else {
      inExample = false;
    }
    if (end >= text.length) break;
    code[end] = 10;
    printed[end] = 10;
    lineStart = end + 1;
  }
  const out: Embedded[] = [];
  if (anyCode) out.push({ text: toText(code), languageId: 'python', output: false });
  if (anyPrinted) out.push({ text: toText(printed), languageId: 'plaintext', output: true });
  return out;
}

function toText(mask: Uint16Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let k = 0; k < mask.length; k += CHUNK)
    out += String.fromCharCode(...mask.subarray(k, Math.min(mask.length, k + CHUNK)));
  return out;
}
