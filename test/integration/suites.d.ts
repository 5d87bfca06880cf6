// The virtual module esbuild.mjs generates: every test/integration/*.test.ts, loaded lazily.
declare module 'entropy-lens:integration-suites' {
  export const suites: ReadonlyArray<readonly [name: string, load: () => unknown]>;
}
