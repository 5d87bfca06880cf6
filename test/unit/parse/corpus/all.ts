// Every committed corpus case, by language family (the corpus test and the
// fuzz test's mutations both read this list).
import type { CorpusCase } from './types';
import { pythonCases } from './python.cases';
import { jsonCases } from './json.cases';
import { jsCases } from './js.cases';
import { matlabJuliaCases } from './matlab-julia.cases';
import { rCases } from './r.cases';
import { clikeCases } from './clike.cases';
import { rustCases } from './rust.cases';
import { proseCases } from './prose.cases';

export const corpusFamilies: readonly { family: string; cases: CorpusCase[] }[] = [
  { family: 'python', cases: pythonCases },
  { family: 'json', cases: jsonCases },
  { family: 'javascript/typescript', cases: jsCases },
  { family: 'matlab/octave/julia', cases: matlabJuliaCases },
  { family: 'r', cases: rCases },
  { family: 'c/c++/java/c#', cases: clikeCases },
  { family: 'rust', cases: rustCases },
  { family: 'markdown/plaintext', cases: proseCases },
];
