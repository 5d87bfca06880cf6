// How far a sum may be from 1 and still count as 1 (test/fixtures/SCHEMA.md).
// The one definition: the core validates with it, and the finder, diagnostics
// and commands judge sums with it, so none of them disagrees with the core.
export const SUM_TOLERANCE = 1e-6;
