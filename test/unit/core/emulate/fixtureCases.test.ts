// Every framework case from the real oracles (torch, scikit-learn, TF.js) and
// the documented rules (Keras, optax, Flux, scikit-learn ≥ 1.5) within its dtype's precision.
import { describe, expect, test } from 'vitest';
import { emulate } from '../../../../src/core';
import { loadFixture, scaledError, withinDtype, type FixtureFile } from './fixtures';

const files: [string, FixtureFile][] = [
  ['framework-cases.json', loadFixture('framework-cases.json')],
  ['framework-cases-tfjs.json', loadFixture('framework-cases-tfjs.json')],
];

for (const [name, file] of files) {
  describe(name, () => {
    test('carries its provenance line and at least 200 cases per framework', () => {
      expect(file.generator).toMatch(/^scripts\/reference\//);
      for (const count of Object.values(file.counts)) expect(count).toBeGreaterThanOrEqual(200);
      const tally: Record<string, number> = {};
      for (const c of file.cases) tally[c.framework] = (tally[c.framework] ?? 0) + 1;
      expect(tally).toEqual(file.counts);
    });

    test('every case within its dtype', () => {
      const worst: Record<string, { error: number; id: string }> = {};
      const failures: string[] = [];
      for (const c of file.cases) {
        let r;
        try {
          r = emulate(c.framework, c.loss, c.args, c.options);
        } catch (e) {
          failures.push(`${c.id}: ${String(e)}`);
          continue;
        }
        expect(r.dtype).toBe(c.options.dtype);
        const got = typeof r.value === 'number' ? [r.value] : r.value;
        const want =
          typeof c.expect.value === 'number' ? [c.expect.value] : ((c.expect.value as unknown[]).flat(2) as number[]);
        if (got.length !== want.length) {
          failures.push(`${c.id}: ${got.length} values, want ${want.length}`);
          continue;
        }
        got.forEach((g, i) => {
          const w = want[i]!;
          if (!withinDtype(g, w, c.options.dtype)) failures.push(`${c.id}[${i}]: got ${g}, want ${w}`);
          const key = `${c.framework} ${c.options.dtype}`;
          const e = scaledError(g, w);
          if (!worst[key] || e > worst[key].error) worst[key] = { error: e, id: c.id };
        });
      }
      if (process.env.EMULATE_REPORT) console.log(name, worst);
      expect(failures.slice(0, 20)).toEqual([]);
    });
  });
}
