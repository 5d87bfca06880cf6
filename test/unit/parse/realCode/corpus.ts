// The real-code corpus of issue #11: every snippet of every language file.
import type { RealSnippet } from './types';
import { pythonSnippets } from './python';

export const realCodeSnippets: RealSnippet[] = [
  ...pythonSnippets,
];
