// The editor side of a compute command: read the document, the selections and
// the cursor, run the finder, let the user pick a partner when only one array
// is known, and hand the rest to the pure outcome builders. Takes its settings
// and the partner picker as arguments, so integration tests can drive it.
import * as vscode from 'vscode';
import { findArrays, type FinderLimits } from '../../parse';
import { chooseArrays, orderPartner } from './chooseArrays';
import { entropyOutcome, failure, pairOutcome, type Outcome, type Placement } from './outcome';
import { partnerItems, type PartnerItem } from './partnerItems';
import type { ComputeKind, ComputeSettings } from './types';

export interface ComputeDeps {
  settings(): ComputeSettings;
  limits(): FinderLimits;
  /** Asks which array to compare with; undefined when the user cancels. */
  pickPartner(items: readonly PartnerItem[], placeHolder: string): Thenable<PartnerItem | undefined>;
}

export async function computeInEditor(editor: vscode.TextEditor | undefined, kind: ComputeKind, deps: ComputeDeps): Promise<Outcome> {
  if (!editor) return failure(kind, 'NO_EDITOR', 'no editor is active: open a file with arrays, select a target and a prediction, and run the command again');
  const doc = editor.document;
  const find = findArrays(doc.getText(), doc.languageId, deps.limits());
  const lineOf = (offset: number) => doc.positionAt(offset).line;
  const choice = chooseArrays(find, {
    selections: editor.selections.map((s) => ({ start: doc.offsetAt(s.start), end: doc.offsetAt(s.end) })),
    cursor: doc.offsetAt(editor.selection.active),
    lineOf,
  }, kind);
  const settings = deps.settings();
  const placement: Placement = {
    uri: doc.uri.toString(),
    positionAt: (offset) => {
      const p = doc.positionAt(offset);
      return { line: p.line, character: p.character };
    },
  };
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
      const picked = await deps.pickPartner(items, `Compare ${known.name ?? `the array on line ${lineOf(known.start) + 1}`} with…`);
      if (!picked) return failure(kind, 'CANCELLED', 'no partner was picked');
      return pairOutcome(kind === 'klDivergence' ? kind : 'crossEntropy', find, orderPartner(find, choice.index, picked.index), settings, placement);
    }
  }
}
