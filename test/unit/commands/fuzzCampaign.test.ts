// A seeded slice of the commands' fuzz campaign (campaign.ts); `npm run fuzz -- commands` runs more.
import { describe, expect, it } from 'vitest';
import { chooseArrays } from '../../../src/extension/commands/chooseArrays';
import { pairOutcome } from '../../../src/extension/commands/outcome';
import { findArrays } from '../../../src/parse';
import { MAX_CLASSES } from '../../../src/protocol/visualizer';
import { runCampaign } from './campaign';

describe('commands fuzz campaign, seeded slice', () => {
  it('any text and selection: no throw, no hang, bounded heap, clear messages, figures without NaN', () => {
    const r = runCampaign(300, 1);
    expect(r.findings).toEqual([]);
    expect(r.calls).toBe(300);
    expect(r.outcomes['ok'] ?? 0).toBeGreaterThan(20); // a fair share computes
  });
});

describe('found by the commands campaign', () => {
  it('a pair wider than the visualizer takes gets no "Open in visualizer" payload, a narrow one does', () => {
    for (const [C, drawable] of [
      [MAX_CLASSES + 1, false],
      [4, true],
    ] as const) {
      const p = Array.from({ length: C }, () => 1 / C).join(', ');
      const text = `y_true = [${p}]\ny_pred = [${p}]\n`;
      const find = findArrays(text, 'python');
      const choice = chooseArrays(
        find,
        { selections: [{ start: 0, end: text.length }], cursor: 0, lineOf: () => 0 },
        'crossEntropy',
      );
      expect(choice.type).toBe('pair');
      if (choice.type !== 'pair') continue;
      const out = pairOutcome(
        'crossEntropy',
        find,
        choice,
        { unit: 'nats', eps: undefined },
        {
          uri: 'untitled:wide',
          positionAt: (o) => ({ line: 0, character: o }),
        },
      );
      expect(out.result.ok).toBe(true);
      expect(out.payload !== undefined).toBe(drawable);
    }
  });
});
