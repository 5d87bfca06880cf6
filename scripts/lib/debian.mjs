// The Debian packages the real-VS-Code tests need (Chromium, fonts for its
// screenshots, Kerberos headers for a native module of code-server). Missing
// ones are installed when running as root; otherwise the failure is one line
// with the exact command to run. On a machine without dpkg nothing is checked
// here: the step that needs a package says what it missed.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError, keepLog } from './harness.mjs';

const hasDpkg = () => spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

const APT_LOCK = join(tmpdir(), 'entropy-lens-apt.lock');

/** Makes sure the packages are installed; `why` completes "needed …" in messages. */
export function ensureDebianPackages(packages, why, log = console.log) {
  if (process.platform !== 'linux' || !hasDpkg()) return;
  const missing = packages.filter((p) => !installed(p));
  if (!missing.length) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new HarnessError(
      `missing Debian packages ${missing.join(', ')} (needed ${why}); run: sudo sh -c '${command}'`,
    );
  }
  log(`Installing Debian packages ${missing.join(', ')} (needed ${why})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let output = '';
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing],
  ]) {
    // Test files install what they need from parallel workers: one apt-get at a time
    // (util-linux's flock, essential in Debian), not a failure on dpkg's lock.
    const r = spawnSync('flock', [APT_LOCK, 'apt-get', ...args], { encoding: 'utf8', env });
    output += `$ apt-get ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0) {
      const path = keepLog('apt-get.log', output);
      throw new HarnessError(
        `apt-get ${args[0]} failed (exit ${r.status}) while installing ${missing.join(', ')}; see ${path}`,
      );
    }
  }
}
