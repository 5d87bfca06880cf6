// Runs a script on Node ≥ 22, whatever Node ran npm: `node scripts/node.mjs
// scripts/test.mjs [args…]`. The package.json scripts start here, so a machine
// whose system Node is older (Debian's 20, past end of life) needs no set-up:
// Node 24 is installed once from npm into the cache (scripts/lib/node24.mjs) and
// put first on PATH for the script and every process it starts.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { HarnessError, runMain } from './lib/harness.mjs';
import { modernNode } from './lib/node24.mjs';

await runMain('entropy-lens', async () => {
  const [script, ...args] = process.argv.slice(2);
  if (!script) throw new HarnessError('usage: node scripts/node.mjs <script> [args…]');
  const { node, env } = modernNode();
  const r = spawnSync(node, [resolve(script), ...args], { stdio: 'inherit', env });
  if (r.error) throw new HarnessError(`could not start ${node}: ${r.error.message}`);
  // A signal (Ctrl+C) ends the child; end with the conventional 128 + n.
  process.exitCode = r.status ?? (r.signal === 'SIGINT' ? 130 : 1);
});
