// The core's unit tests again, with the SIMD kernels on every typed array however short, so
// that both paths pass the same tests: npx vitest run --config test/unit/core/simd/vitest.config.mts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../../..', import.meta.url)),
    include: ['test/unit/core/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    setupFiles: ['test/unit/core/simd/always.setup.ts'],
  },
});
