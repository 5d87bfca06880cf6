// The status bar summary for the arrays a selection holds, like the sum and
// average a spreadsheet shows: a pair gives H(p,q) and KL, one array its entropy.
import type { DocumentModel, Unit } from '../model';
import { fmtIn } from '../format';
import { pairLine, pairView } from './lensContent';

export interface StatusSummary {
  text: string;
  tooltip: string;
}

export function statusSummary(
  model: DocumentModel,
  selections: readonly { start: number; end: number }[],
  unit: Unit,
): StatusSummary | undefined {
  const chosen = new Set<number>();
  for (const s of selections) {
    if (s.end <= s.start) continue; // a bare cursor is not a selection
    for (const i of model.arraysIn(s.start, s.end)) if (!model.isNested(i)) chosen.add(i);
    if (chosen.size > 64) break;
  }
  if (chosen.size === 0) return undefined;
  const pairIndex = model.pairs.findIndex((p) => chosen.has(p.target) && chosen.has(p.prediction));
  if (pairIndex >= 0) {
    const out = model.pairFigures(pairIndex);
    const pair = model.pairs[pairIndex]!;
    const names = `${model.arrays[pair.target]!.name ?? 'target'} → ${model.arrays[pair.prediction]!.name ?? 'prediction'}`;
    if (!out.ok) return { text: '$(warning) H(p,q): invalid', tooltip: `Entropy Lens (${names}): ${out.error}` };
    const a = out.value;
    const view = pairView(model, pairIndex);
    return {
      text: `${view.binary ? 'BCE' : 'H(p,q)'} ${fmtIn(a.crossEntropy, unit)} ${unit} · KL ${fmtIn(a.klPQ, unit)}`,
      tooltip: `Entropy Lens (${names}): ${pairLine(a, unit, view)} — click for Compute cross-entropy`,
    };
  }
  const first = [...chosen][0]!;
  const array = model.arrays[first]!;
  const self = model.selfFigures(first);
  const label = array.role === 'logits' || array.role === 'log-probabilities' ? 'H(softmax)' : 'H(p)';
  const more = chosen.size > 1 ? ` (+${chosen.size - 1} arrays)` : '';
  if (!self.ok)
    return {
      text: `${chosen.size} array${chosen.size > 1 ? 's' : ''}`,
      tooltip: `Entropy Lens: ${array.name ?? 'the array'}: ${self.error}`,
    };
  return {
    text: `${label} ${fmtIn(self.value.entropy, unit)} ${unit}${more}`,
    tooltip: `Entropy Lens: ${label} of ${array.name ?? 'the selected array'} — click for Compute cross-entropy`,
  };
}
