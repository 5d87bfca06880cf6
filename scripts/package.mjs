// Packages the extension as a .vsix with @vscode/vsce (production build first)
// and prints its size. `node scripts/package.mjs [out.vsix]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');

export function packageVsix(out = join(root, '.test-output', 'entropy-lens.vsix'), { log = console.log } = {}) {
  mkdirSync(dirname(out), { recursive: true });
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the production build failed');
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`vsce package failed:\n${output}`);
  const warnings = output.split('\n').filter((l) => /warn/i.test(l));
  log(`packaged ${out} (${(statSync(out).size / 1024).toFixed(1)} KB)${warnings.length ? `\n${warnings.join('\n')}` : ''}`);
  return { path: out, size: statSync(out).size, warnings };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { warnings } = packageVsix(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.exit(warnings.length ? 1 : 0);
}
