// `npm test`: the whole suite, in order — typecheck, lint, unit tests (vitest),
// build, integration tests inside a real VS Code, then end-to-end tests of the
// packaged .vsix in the VS Code UI. Every layer runs even when an earlier one
// fails (except that nothing after a failed build can run), and the last line
// is the total: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runIntegration } from './integration.mjs';
import { runE2E } from './e2e.mjs';
import { oneLine } from './lib/harness.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.test-output');
mkdirSync(out, { recursive: true });
const layers = [];
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(name, command, args) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

async function layer(name, title, fn) {
  console.log(`\n=== ${title} ===`);
  try {
    const { passed, failed } = await fn();
    layers.push({ name, passed, failed });
  } catch (e) {
    console.error(`${name}: ${oneLine(e)}`);
    layers.push({ name, passed: 0, failed: 1 });
  }
}

// 1. Types: the whole project, and the core and finder without DOM/Node typings.
const typeChecks = ['tsconfig.json', 'src/core/tsconfig.json', 'src/parse/tsconfig.json'];
let typesOk = 0;
for (const p of typeChecks) if (step(`typecheck ${p}`, bin('tsc'), ['-p', p, '--noEmit'])) typesOk++;
layers.push({ name: 'typecheck', passed: typesOk, failed: typeChecks.length - typesOk });

// 2. Lint and format: typescript-eslint with the layers' import boundaries
// (eslint.config.mjs), and Prettier (.prettierrc.json, lines ≤ 120; .prettierignore).
const styleOk = [
  step('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']),
  step('format (prettier --check)', bin('prettier'), ['--check', '.']),
];
layers.push({ name: 'lint', passed: styleOk.filter(Boolean).length, failed: styleOk.filter((ok) => !ok).length });

// 3. Unit tests.
const vitestJson = join(out, 'vitest.json');
rmSync(vitestJson, { force: true });
step('unit tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
try {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  layers.push({ name: 'unit', passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0) });
} catch {
  layers.push({ name: 'unit', passed: 0, failed: 1 });
}

// 4. Build, then the layers that run in a real VS Code.
if (step('build', process.execPath, ['esbuild.mjs'])) {
  layers.push({ name: 'build', passed: 1, failed: 0 });
  await layer('integration', 'integration tests (VS Code extension host)', () => runIntegration());
  await layer('e2e', 'end-to-end tests (packaged .vsix in the VS Code UI)', () => runE2E());
} else {
  layers.push({ name: 'build', passed: 0, failed: 1 });
}

console.log('\n=== summary ===');
for (const l of layers) console.log(`${l.name.padEnd(12)} ${l.passed} passed, ${l.failed} failed`);
const passed = layers.reduce((s, l) => s + l.passed, 0);
const failed = layers.reduce((s, l) => s + l.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
