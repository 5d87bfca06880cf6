// Python imports that rename a loss function: `from torch.nn.functional import
// cross_entropy as ce` makes `ce(input, target)` a call of F.cross_entropy.
// One forward pass with indexOf over the head of the text; each import line is read once.

import { lossSignature } from './callSignatures';

/** Characters at the start of a text searched for imports. */
const IMPORT_HEAD = 20_000;

/** Local name → the callee it stands for (`ce` → `torch.nn.functional.cross_entropy`). */
export function importedLossAliases(whole: string): Map<string, string> {
  const aliases = new Map<string, string>();
  // Imports sit at the top of a module: reading only its head keeps this pass
  // from costing a search through every long file.
  const text = whole.length > IMPORT_HEAD ? whole.slice(0, IMPORT_HEAD) : whole;
  let at = text.indexOf('import ');
  while (at >= 0 && aliases.size < 1000) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const eol = text.indexOf('\n', at);
    const lineEnd = eol < 0 ? text.length : eol;
    if (lineEnd - lineStart <= 400) readFromImport(text.slice(lineStart, lineEnd), aliases);
    at = eol < 0 ? -1 : text.indexOf('import ', eol);
  }
  return aliases;
}

/** `from a.b import x as y, z as w` → y → a.b.x (only when a.b.x is a known loss). */
function readFromImport(line: string, aliases: Map<string, string>): void {
  const words = line
    .trim()
    .replace(/[(),]/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  if (words[0] !== 'from' || words[2] !== 'import') return;
  const module = words[1]!;
  for (let k = 3; k + 2 < words.length + 0; k++) {
    if (words[k + 1] === 'as') {
      const callee = `${module}.${words[k]!}`;
      if (lossSignature(callee) !== undefined) aliases.set(words[k + 2]!, callee);
      k += 2;
    }
  }
}
