// The real-code corpus of issue #11: every snippet of every language file.
import type { RealSnippet } from './types';
import { pythonSnippets } from './python';
import { jsonSnippets, notebookSnippets } from './jsonNotebook';
import { jsSnippets } from './js';
import { juliaSnippets, matlabSnippets, rSnippets } from './juliaMatlabR';
import { cppSnippets, csharpSnippets, javaSnippets, kotlinSnippets } from './clike';
import { markdownSnippets, printedSnippets, rustSnippets } from './rustProse';
import { moreSnippets } from './more';

export const realCodeSnippets: RealSnippet[] = [
  ...pythonSnippets,
  ...notebookSnippets,
  ...jsonSnippets,
  ...jsSnippets,
  ...juliaSnippets,
  ...matlabSnippets,
  ...rSnippets,
  ...cppSnippets,
  ...javaSnippets,
  ...kotlinSnippets,
  ...csharpSnippets,
  ...rustSnippets,
  ...markdownSnippets,
  ...printedSnippets,
  ...moreSnippets,
];
