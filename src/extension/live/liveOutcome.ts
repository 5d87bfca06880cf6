// From the values read out of a paused program to the command's outcome: the
// arrays named by their expressions, their pairing (the literals' rules), and
// the outcome builders of `commands/`. Pure and free of the debug session, so
// it runs in the compute worker (offThread/computeWorker.ts) for large values
// and on the host's thread for small ones; `portable` turns an outcome into
// what can cross to the host (the normalise offer's outcome computed ahead,
// since a function cannot cross).
import type { AnyValues, FindResult, FoundArray, FoundPair, TypedValues } from '../../parse/types';
import { roleOf } from '../../parse/roles';
import { isBinaryPair } from '../../parse/pairs';
import { orderPartner, isTargetRole } from '../commands/chooseArrays';
import { entropyOutcome, pairOutcome, type Outcome, type Placement } from '../commands/outcome';
import type { NormaliseOffer } from '../commands/computeFigures';
import type { ComputeKind, ComputeSettings } from '../commands/types';
import { typedValues, type LiveArray } from './transfer';

/** An expression in the editor: its text and offsets. */
export interface SelectedExpression {
  text: string;
  start: number;
  end: number;
}

/** One value read from the paused frame, and where its expression is selected. */
export interface LiveValue {
  expression: string;
  at: SelectedExpression;
  value: LiveArray;
}

/** A Placement as data: the positions of the offsets the arrays start and end at. */
export interface PlacementData {
  uri: string;
  /** [offset, line, character] */
  positions: [number, number, number][];
}

export interface LiveOutcomeJob {
  kind: ComputeKind;
  /** In the selection's order (a call's argument order: target first); a picked partner last. */
  values: LiveValue[];
  settings: ComputeSettings;
  placement: PlacementData;
}

/** An outcome that can be posted between threads. */
export type PortableOutcome = Omit<Outcome, 'offer'> & {
  offer?: { offer: NormaliseOffer; accepted: Omit<Outcome, 'offer'> };
};

/** The placement's data for the expressions' offsets (everything the outcome builders ask of it). */
export function placementData(placement: Placement, expressions: readonly SelectedExpression[]): PlacementData {
  const offsets = new Set(expressions.flatMap((e) => [e.start, e.end]));
  return {
    uri: placement.uri,
    positions: [...offsets].map((o) => {
      const p = placement.positionAt(o);
      return [o, p.line, p.character];
    }),
  };
}

function placementOf(data: PlacementData): Placement {
  const at = new Map(data.positions.map(([o, line, character]) => [o, { line, character }]));
  return { uri: data.uri, positionAt: (offset) => at.get(offset) ?? { line: 0, character: 0 } };
}

/** A live value as the outcome builders take an array: named by its expression, placed where it is selected. */
export function foundArray(expression: string, value: LiveArray, at: SelectedExpression): FoundArray<TypedValues> {
  const values = typedValues(value);
  const { role, reason } = roleOf(values, expression);
  return {
    start: at.start,
    end: at.end,
    name: expression,
    values,
    shape: [...value.shape],
    role,
    roleReason: reason,
    issues: [],
    issueDetails: [],
  };
}

/** The pair of two live arrays: the selection's order, unless only the second reads as a label. */
export function livePair(find: FindResult<AnyValues>): FoundPair {
  const [a, b] = find.arrays as [FoundArray<AnyValues>, FoundArray<AnyValues>];
  const binary = isBinaryPair(a, b) || isBinaryPair(b, a);
  if (isTargetRole(b.role) && !isTargetRole(a.role)) return { ...orderPartner(find, 0, 1), binary };
  return {
    target: 0,
    prediction: 1,
    reason: 'selected: the first is read as the target, as a loss call takes them',
    binary,
  };
}

/** The outcome of a live computation: entropy of each value, or the pair of the first two. */
export function liveOutcome(job: LiveOutcomeJob): Outcome {
  const arrays = job.values.map((v) => foundArray(v.expression, v.value, v.at));
  const find: FindResult<AnyValues> = { arrays, pairs: [], issues: [] };
  const placement = placementOf(job.placement);
  if (job.kind === 'entropy')
    return entropyOutcome(
      find,
      arrays.map((_, i) => i),
      job.settings,
      placement,
    );
  const pairKind = job.kind === 'klDivergence' ? job.kind : 'crossEntropy';
  return pairOutcome(pairKind, find, livePair(find), job.settings, placement);
}

/** The outcome as data: a normalise offer carries the outcome its button gives, computed now. */
export function portable(outcome: Outcome): PortableOutcome {
  const { offer, ...rest } = outcome;
  if (!offer) return rest;
  const { offer: _nested, ...accepted } = offer.accept();
  return { ...rest, offer: { offer: offer.offer, accepted } };
}

/** An outcome again from its data. */
export function fromPortable(p: PortableOutcome): Outcome {
  const { offer, ...rest } = p;
  return offer ? { ...rest, offer: { offer: offer.offer, accept: () => offer.accepted } } : rest;
}

/** The Float64Arrays' buffers of a job, to transfer rather than copy (each once). */
export function jobBuffers(job: LiveOutcomeJob): ArrayBuffer[] {
  return [...new Set(job.values.map((v) => v.value.data.buffer as ArrayBuffer))];
}

/** Elements of a job, to choose between the worker and this thread. */
export function jobElements(job: LiveOutcomeJob): number {
  return job.values.reduce((n, v) => n + v.value.data.length, 0);
}
