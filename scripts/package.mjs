// Packages the extension as a .vsix with @vscode/vsce (which runs the
// production build, package.json's vscode:prepublish)
// and prints its size. `node scripts/package.mjs [out.vsix]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HarnessError, keepLog, runMain } from './lib/harness.mjs';

const root = resolve(import.meta.dirname, '..');

export function packageVsix(out = join(root, '.test-output', 'entropy-lens.vsix'), { log = console.log } = {}) {
  mkdirSync(dirname(out), { recursive: true });
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  const output = `${r.stdout}${r.stderr}`;
  if (r.status !== 0)
    throw new HarnessError(`vsce package failed (exit ${r.status}); see ${keepLog('vsce.log', output)}`);
  const warnings = output.split('\n').filter((l) => /warn/i.test(l));
  log(
    `packaged ${out} (${(statSync(out).size / 1024).toFixed(1)} KB)${warnings.length ? `\n${warnings.join('\n')}` : ''}`,
  );
  return { path: out, size: statSync(out).size, warnings };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runMain('package', () => {
    const { warnings } = packageVsix(process.argv[2] ? resolve(process.argv[2]) : undefined);
    process.exitCode = warnings.length ? 1 : 0;
  });
}
