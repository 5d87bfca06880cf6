// What the features take from the array finder (src/parse) and the compute core
// (src/core): their own types, re-exported in one place, plus the Engine seam
// through which index.ts hands both to the features (tests may count calls).
import type { Analysis, AnalyzeOptions } from '../../../core';
import type { FindResult, Values } from '../../../parse/types';

export type { FindResult, FoundArray, FoundPair, Role, Values } from '../../../parse/types';
export type { Analysis, AnalyzeOptions, Measure, Term } from '../../../core';

/** How the core is told to read a prediction. */
export type PredictionKind = NonNullable<AnalyzeOptions['prediction']>;

/** What the features need from the finder and the core. */
export interface Engine {
  findArrays(text: string, languageId: string): FindResult;
  analyze(target: Values, prediction: Values, options: AnalyzeOptions): Analysis;
}

import type { Unit } from '../../config';

export type { Unit };
