// The real finder and core behind the Engine interface the features use.
// The features keep figures as plain numbers in nats (they convert to the
// user's unit when they format), so the core's {nats, bits} measures are
// unwrapped here, in one place.
import { analyze, type Analysis as CoreAnalysis } from '../../core';
import { findArrays, type FinderLimits } from '../../parse';
import type { Analysis, Engine } from './shapes';

export function toFeatureAnalysis(a: CoreAnalysis): Analysis {
  return {
    rows: a.rows,
    classes: a.classes,
    batched: a.batched,
    targetKind: a.targetKind,
    predictionKind: a.predictionKind,
    entropy: a.entropy.nats,
    crossEntropy: a.crossEntropy.nats,
    klPQ: a.klPQ.nats,
    klQP: a.klQP.nats,
    js: a.js,
    perplexity: a.perplexity,
    terms: a.terms,
    grad: a.grad,
    probabilities: a.probabilities,
    perRow: a.perRow.map((r) => ({ row: r.row, entropy: r.entropy.nats, crossEntropy: r.crossEntropy.nats, klPQ: r.klPQ.nats })),
    warnings: a.warnings,
  };
}

/** The engine with the finder's caps taken from the settings at each call. */
export function createEngine(limits: () => Partial<FinderLimits> = () => ({})): Engine {
  return {
    findArrays: (text, languageId) => findArrays(text, languageId, limits()),
    analyze: (target, prediction, options) => toFeatureAnalysis(analyze(target, prediction, options as Parameters<typeof analyze>[2])),
  };
}
