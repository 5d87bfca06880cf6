// The real finder and core behind the Engine seam the features use.
import { analyze } from '../../../core';
import { findArrays, type FinderLimits } from '../../../parse';
import type { Engine } from './shapes';

/** The engine with the finder's caps taken from the settings at each call. */
export function createEngine(limits: () => Partial<FinderLimits> = () => ({})): Engine {
  return {
    findArrays: (text, languageId) => findArrays(text, languageId, limits()),
    analyze,
  };
}
