// The real-code corpus of issue #11: every snippet of every language file.
// Each snippet is written for this corpus in the style of the real libraries'
// tests, docs and tutorials (never copied), and its expectations — arrays,
// roles, pairs, shape arguments — are written by hand from what an ML engineer
// would say, never from what the finder answers. To add one: put it in the
// file of its language with snippet(lang)(id, tags, text, arrays, pairs, more)
// (dsl.ts); realCode.test.ts checks every spot is in its text exactly once.
import type { RealSnippet } from './types';
import { pythonSnippets } from './python';
import { jsonSnippets, notebookSnippets } from './jsonNotebook';
import { jsSnippets } from './js';
import { juliaSnippets, matlabSnippets, rSnippets } from './juliaMatlabR';
import { cppSnippets, csharpSnippets, javaSnippets, kotlinSnippets } from './clike';
import { markdownSnippets, printedSnippets, rustSnippets } from './rustProse';
import { moreSnippets } from './more';
import { more2Snippets } from './more2';

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
  ...more2Snippets,
];
