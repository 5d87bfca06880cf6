// The same integration suites under @vscode/test-electron, for desktop
// machines with internet (it downloads VS Code into .vscode-test/). This
// machine's CI uses scripts/integration.mjs (code-server) instead.
// `npm run build && node scripts/test-electron.mjs`
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const workspace = join(mkdtempSync(join(tmpdir(), 'entropy-lens-electron-')), 'workspace');
cpSync(join(root, 'demo'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'integration.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`integration tests failed under @vscode/test-electron: ${e}`);
  process.exit(1);
}
