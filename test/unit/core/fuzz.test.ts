// A seeded slice of the fuzz campaign (fuzz/campaign.ts); `npm run fuzz` runs 10^6.
import { describe, expect, it } from 'vitest';
import { runCampaign } from './fuzz/campaign';

describe('fuzz campaign, seeded slice', () => {
  it.each([1, 2])(
    'seed %i: only CoreError, no NaN from valid input, no hang, short messages naming the element',
    (seed) => {
      const r = runCampaign(3000, seed);
      expect(r.findings).toEqual([]);
      expect(r.calls).toBe(3000);
      expect(r.outcomes['returned'] ?? 0).toBeGreaterThan(300); // a fair share of the inputs is valid
    },
  );
});
