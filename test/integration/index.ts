// The integration test runner that VS Code loads as `extensionTestsPath`
// (under code-server's server here, under @vscode/test-electron on a desktop).
// Every test/integration/*.test.ts is bundled in (see esbuild.mjs) and run with
// mocha's BDD interface; run() resolves when all pass and rejects otherwise,
// which VS Code turns into the exit code. The results also go, as JSON, to the
// file named by ENTROPY_LENS_TEST_RESULTS, so the launcher can count them.
import Mocha from 'mocha';
import { suites } from 'entropy-lens:integration-suites';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  ms?: number;
}

async function writeResults(outcomes: Outcome[]): Promise<void> {
  const path = typeof process !== 'undefined' ? process.env.ENTROPY_LENS_TEST_RESULTS : undefined;
  if (!path) return;
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, JSON.stringify({ outcomes }, null, 1));
}

export function run(): Promise<void> {
  const grep = typeof process !== 'undefined' ? process.env.ENTROPY_LENS_TEST_GREP : undefined;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  // Give the suites mocha's globals (describe, it, before…) before they load.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  for (const [name, load] of suites) {
    try {
      load();
    } catch (e) {
      mocha.suite.addTest(
        new Mocha.Test(`${name} loads`, () => {
          throw e;
        }),
      );
    }
  }
  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      void writeResults(outcomes).finally(() => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    });
    runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err: Error) =>
      outcomes.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }),
    );
  });
}
