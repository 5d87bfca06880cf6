// A compute command on live values: the selected expressions (`probs`,
// `logits[0]`, `target, probs`) are read from the paused frame — with a
// partner picked from the frame's variables when one expression is selected
// for a pair, and the offer of a slice above the cap — and their values go to
// liveOutcome.ts (on the compute worker when large) for the outcome the
// literals' builders give.
import type * as vscode from 'vscode';
import { failure, type Outcome, type Placement } from '../commands/outcome';
import type { ComputeKind, ComputeSettings } from '../commands/types';
import { numericVariables, readLive, type LiveRead, type PausedFrame, type ReadOptions } from './evaluator';
import { readTogether, type FailedRead } from './readTogether';
import { sliceExpression, liveLanguage, type Probe } from './transfer';
import type { PartnerItem } from '../commands/partnerItems';
import {
  liveOutcome,
  placementData,
  type LiveOutcomeJob,
  type LiveValue,
  type SelectedExpression,
} from './liveOutcome';

export type { SelectedExpression } from './liveOutcome';

export interface LiveDeps {
  settings(): ComputeSettings;
  maxElements(): number;
  log(line: string): void;
  /** Asks which variable to compare with; undefined when the user cancels. */
  pickPartner(items: readonly PartnerItem[], placeHolder: string): Thenable<PartnerItem | undefined>;
  /** A value is over the cap: whether to compute on its first part (the message says which). */
  acceptSlice(message: string, action: string): Thenable<boolean>;
  /** Computes the outcome of what was read (on the compute worker for large values); on this thread without it. */
  outcome?(job: LiveOutcomeJob, token: vscode.CancellationToken | undefined): Promise<Outcome>;
  /** A value of this many values is about to be read (the compute worker can start meanwhile). */
  prepareOutcome?(elements: number): void;
  /** A JavaScript value's parts without the DAP round trip, where the session allows (cdpProxy.ts). */
  directParts?: ReadOptions['directParts'];
}

/**
 * Splits a selection into expressions at top-level commas (`target, probs`),
 * keeping brackets and strings whole (`logits[0, :]`, `f(a, b)`). Offsets are
 * the selection's plus `base`.
 */
export function splitExpressions(text: string, base = 0): SelectedExpression[] {
  const out: SelectedExpression[] = [];
  let depth = 0,
    quote = '',
    from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t.length > 0) out.push({ text: t, start: base + from + lead, end: base + from + lead + t.length });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return out;
}

function readFailure(kind: ComputeKind, r: FailedRead): Outcome {
  const code = r.code === 'CANCELLED' ? 'CANCELLED' : r.code === 'NOT_PAUSED' ? 'NO_EDITOR' : 'NOT_COMPUTABLE';
  return failure(kind, code, r.error);
}

/** A value over the cap: offers to compute on its first part, and reads that part if the user agrees. */
async function offerSlice(
  frame: PausedFrame,
  at: SelectedExpression,
  r: FailedRead,
  languageId: string | undefined,
  deps: LiveDeps,
  token: vscode.CancellationToken | undefined,
): Promise<LiveRead> {
  if (r.code !== 'TOO_LARGE' || !r.probe) return r;
  const language = liveLanguage(frame.session.type, languageId);
  if (!language) return r;
  const maxElements = deps.maxElements();
  const { shape } = r.probe;
  const count = shape.length >= 2 ? Math.floor(maxElements / Math.max(1, shape[shape.length - 1]!)) : maxElements;
  const what =
    shape.length >= 2
      ? `the first ${count.toLocaleString('en-US')} rows`
      : `the first ${count.toLocaleString('en-US')} values`;
  const action = `Compute on ${what}`;
  if (
    count < 1 ||
    !(await deps.acceptSlice(`Entropy Lens: ${r.error} (setting entropyLens.live.maxElements).`, action))
  )
    return r;
  const sliced = sliceExpression(language, at.text, count);
  return readLive(frame, sliced, languageId, readOptions(deps, token));
}

function readOptions(deps: LiveDeps, token: vscode.CancellationToken | undefined) {
  return {
    maxElements: deps.maxElements(),
    token,
    log: deps.log,
    onProbe: (p: Probe) => deps.prepareOutcome?.(p.elements),
    directParts: deps.directParts,
  };
}

/**
 * Reads the expressions all at once (readTogether.ts: the first to fail stops
 * the others). Offers for values over the cap come after, one at a time, in
 * the selection's order.
 */
async function readAll(
  frame: PausedFrame,
  expressions: readonly SelectedExpression[],
  languageId: string | undefined,
  deps: LiveDeps,
  token: vscode.CancellationToken | undefined,
): Promise<LiveValue[] | FailedRead> {
  const reads = await readTogether(
    frame,
    expressions.map((at) => at.text),
    languageId,
    readOptions(deps, token),
  );
  if (!Array.isArray(reads)) return reads;
  const values: LiveValue[] = [];
  for (const [i, at] of expressions.entries()) {
    const first = reads[i]!;
    const r = first.ok ? first : await offerSlice(frame, at, first, languageId, deps, token);
    if (!r.ok) return r;
    values.push({ expression: r.expression, at, value: r.value });
  }
  return values;
}

export async function computeLive(
  kind: ComputeKind,
  frame: PausedFrame,
  expressions: readonly SelectedExpression[],
  languageId: string | undefined,
  placement: Placement,
  deps: LiveDeps,
  token?: vscode.CancellationToken,
): Promise<Outcome> {
  // A pair's figures use two values: a third would be read and silently left out.
  if (kind !== 'entropy' && expressions.length > 2)
    return failure(
      kind,
      'NOT_COMPUTABLE',
      `${expressions.map((e) => `\`${e.text}\``).join(', ')}: ${kind === 'klDivergence' ? 'a KL divergence' : 'a cross-entropy'} takes two expressions, the target and the prediction (\`target, probs\`), and ${expressions.length} were selected; Compute entropy takes any number`,
    );
  const read = await readAll(frame, expressions, languageId, deps, token);
  if (!Array.isArray(read)) return readFailure(kind, read);
  const values = read;
  const settings = deps.settings();
  const compute = (vs: LiveValue[]) => {
    const job: LiveOutcomeJob = { kind, values: vs, settings, placement: placementData(placement, expressions) };
    return deps.outcome ? deps.outcome(job, token) : Promise.resolve(liveOutcome(job));
  };
  if (kind === 'entropy' || values.length >= 2) return compute(values);

  // One expression: its partner is one of the frame's numeric variables.
  const known = values[0]!;
  const variables = (await numericVariables(frame, languageId, deps.log)).filter(
    (v) => v.expression !== known.expression,
  );
  if (variables.length === 0)
    return failure(
      kind,
      'ONE_ARRAY',
      `\`${known.expression}\` is the only numeric array of the paused frame: select a target and a prediction (\`target, probs\`), or run Compute entropy`,
    );
  const items: PartnerItem[] = variables.map((v, index) => ({
    index,
    label: v.name,
    description: `${v.probe.kind} · ${v.probe.shape.join(' × ')}`,
    detail: v.expression === v.name ? '' : v.expression,
  }));
  const picked = await deps.pickPartner(items, `Compare ${known.expression} with… (variables of the paused frame)`);
  if (!picked) return failure(kind, 'CANCELLED', 'no partner was picked');
  const partner = variables[picked.index]!;
  const at = { text: partner.expression, start: known.at.start, end: known.at.start };
  const partnerRead = await readAll(frame, [at], languageId, deps, token);
  if (!Array.isArray(partnerRead)) return readFailure(kind, partnerRead);
  return compute([...values, ...partnerRead]);
}
