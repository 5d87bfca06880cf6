// The editor side of a compute command: read the document, the selections and
// the cursor, run the finder, let the user pick a partner when only one array
// is known, and hand the rest to the pure outcome builders. Takes its settings
// and the partner picker as arguments, so integration tests can drive it.
import * as vscode from 'vscode';
import { findArrays, type FinderLimits, type FindResult } from '../../parse';
import { chooseArrays, orderPartner } from './chooseArrays';
import { entropyOutcome, failure, pairOutcome, type Outcome, type Placement } from './outcome';
import { partnerItems, type PartnerItem } from './partnerItems';
import type { ComputeKind, ComputeSettings, OffsetSpan } from './types';

export interface ComputeDeps {
  settings(): ComputeSettings;
  limits(): FinderLimits;
  /** Asks which array to compare with; undefined when the user cancels. */
  pickPartner(items: readonly PartnerItem[], placeHolder: string): Thenable<PartnerItem | undefined>;
}

/** Documents larger than this are searched only around the selections (the finder is linear, but not free). */
export const WINDOW_CHARS = 4_000_000;
/** Lines read above and below the selections when the search is windowed. */
export const WINDOW_LINES = 300;

/**
 * The finder's result in document offsets. It reads the whole document unless
 * the document is huge or the finder's maxArrays cap stopped it before the
 * selections; then it reads the lines around them, so the commands still work
 * where the automatic features step back.
 */
function findAround(doc: vscode.TextDocument, spans: readonly OffsetSpan[], limits: FinderLimits): FindResult {
  const last = Math.max(...spans.map((s) => s.end));
  const text = doc.getText();
  if (text.length <= WINDOW_CHARS) {
    const whole = findArrays(text, doc.languageId, limits);
    const stopped = whole.issues.find((i) => i.kind === 'max-arrays');
    if (!stopped || stopped.offset > last) return whole;
  }
  const first = doc.positionAt(Math.min(...spans.map((s) => s.start))).line;
  const window = new vscode.Range(
    Math.max(0, first - WINDOW_LINES),
    0,
    doc.positionAt(last).line + WINDOW_LINES + 1,
    0,
  );
  const range = doc.validateRange(window);
  const base = doc.offsetAt(range.start);
  const found = findArrays(doc.getText(range), doc.languageId, limits);
  return {
    ...found,
    arrays: found.arrays.map((a) => ({ ...a, start: a.start + base, end: a.end + base })),
    issues: found.issues.map((i) => ({ ...i, offset: i.offset + base })),
  };
}

export async function computeInEditor(
  editor: vscode.TextEditor | undefined,
  kind: ComputeKind,
  deps: ComputeDeps,
): Promise<Outcome> {
  if (!editor)
    return failure(
      kind,
      'NO_EDITOR',
      'no editor is active: open a file with arrays, select a target and a prediction, and run the command again',
    );
  const doc = editor.document;
  const selections = editor.selections.map((s) => ({ start: doc.offsetAt(s.start), end: doc.offsetAt(s.end) }));
  const find = findAround(doc, selections, deps.limits());
  const placement: Placement = {
    uri: doc.uri.toString(),
    text: doc.getText(),
    positionAt: (offset) => {
      const p = doc.positionAt(offset);
      return { line: p.line, character: p.character };
    },
  };
  return computeOn(find, { selections, cursor: doc.offsetAt(editor.selection.active) }, kind, deps, placement);
}

/** The outcome of a compute command on the finder's result `find` of a text, where the user is in it. */
export async function computeOn(
  find: FindResult,
  where: { selections: readonly OffsetSpan[]; cursor: number },
  kind: ComputeKind,
  deps: ComputeDeps,
  placement: Placement,
): Promise<Outcome> {
  const lineOf = (offset: number) => placement.positionAt(offset).line;
  const choice = chooseArrays(find, { ...where, lineOf }, kind);
  const settings = deps.settings();
  switch (choice.type) {
    case 'none':
      return failure(kind, choice.code, choice.message);
    case 'arrays':
      return entropyOutcome(find, choice.indices, settings, placement);
    case 'pair':
      return pairOutcome(kind === 'klDivergence' ? kind : 'crossEntropy', find, choice, settings, placement);
    case 'partner': {
      const known = find.arrays[choice.index]!;
      const items = partnerItems(find.arrays, choice.candidates, choice.paired, lineOf);
      const picked = await deps.pickPartner(
        items,
        `Compare ${known.name ?? `the array on line ${lineOf(known.start) + 1}`} with…`,
      );
      if (!picked) return failure(kind, 'CANCELLED', 'no partner was picked');
      return pairOutcome(
        kind === 'klDivergence' ? kind : 'crossEntropy',
        find,
        orderPartner(find, choice.index, picked.index),
        settings,
        placement,
      );
    }
  }
}
