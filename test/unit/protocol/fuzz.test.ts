// A seeded slice of the protocol's fuzz campaign (campaign.ts); `npm run fuzz -- protocol` runs 10^6.
import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign';

describe('protocol fuzz campaign, seeded slice', () => {
  it.each([1, 2])(
    'seed %i: validators never throw or hang, reject with where and what, accept only well-typed messages',
    (seed) => {
      const r = runCampaign(2000, seed);
      expect(r.findings).toEqual([]);
      expect(r.calls).toBe(2000);
      // Both outcomes are exercised: valid messages survive, broken ones do not.
      expect(r.outcomes['accepted'] ?? 0).toBeGreaterThan(200);
      expect(r.outcomes['rejected'] ?? 0).toBeGreaterThan(600);
    },
  );
});
