// Node ≥ 22 for the scripts (vitest and vsce need it) and Node 24 for VS Code's
// server (code-server requires that major). The Node that ran npm is used when it
// fits; otherwise Node 24 from the npm package node-<platform>-<arch> (the
// official binary and its headers), installed once into the cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { CACHE } from './cache.mjs';
import { HarnessError, keepLog } from './harness.mjs';

export const MIN_NODE_MAJOR = 22;
const NODE_PACKAGE = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const NODE24_ROOT = join(CACHE, 'node24');
const NODE24_HOME = join(NODE24_ROOT, 'node_modules', NODE_PACKAGE);
const NODE24_BIN =
  process.platform === 'win32' ? join(NODE24_HOME, 'bin', 'node.exe') : join(NODE24_HOME, 'bin', 'node');

const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/**
 * Node 24 and the environment to run it with: this process's Node when it is
 * 24 (code-server insists on that major), else the cached one (installed now if
 * missing), first on PATH so that `node` in child processes (npm's install
 * scripts, tool shims) is the same one, and as npm's nodedir so native modules
 * build against its headers.
 */
export function node24(log = console.log) {
  if (majorOf(process.version) === 24) return { node: process.execPath, env: withoutOuterNode(process.env) };
  if (!existsSync(NODE24_BIN)) installNode24(log);
  const env = {
    ...withoutOuterNode(process.env),
    PATH: `${dirname(NODE24_BIN)}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_HOME,
  };
  return { node: NODE24_BIN, env };
}

/** A Node ≥ 22 for the scripts: this process's Node when new enough, else Node 24. */
export function modernNode(log = console.log) {
  if (majorOf(process.version) >= MIN_NODE_MAJOR) return { node: process.execPath, env: process.env };
  return node24(log);
}

// The npm that started us describes its own Node in the environment; npm and
// code-server's install script read Node's version from there, not from `node`.
function withoutOuterNode(env) {
  const rest = { ...env };
  for (const name of ['npm_config_user_agent', 'npm_node_execpath', 'NODE']) delete rest[name];
  return rest;
}

function installNode24(log) {
  log(
    `Node ${process.version} is older than ${MIN_NODE_MAJOR}: installing Node 24 from npm (${NODE_PACKAGE}) into ${NODE24_ROOT} (once)…`,
  );
  // Installed beside its final place and renamed, so an interrupted install is never taken for a finished one.
  const staging = `${NODE24_ROOT}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), '{"private":true}\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${NODE_PACKAGE}@24`],
    {
      cwd: staging,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    },
  );
  if (r.status !== 0 || !existsSync(join(staging, 'node_modules', NODE_PACKAGE, 'package.json'))) {
    const log = keepLog('node24-install.log', `${r.error ?? ''}${r.stdout ?? ''}${r.stderr ?? ''}`);
    rmSync(staging, { recursive: true, force: true });
    throw new HarnessError(
      `installing Node 24 (npm install ${NODE_PACKAGE}@24) failed; install Node ${MIN_NODE_MAJOR} or newer yourself, or see ${log}`,
    );
  }
  rmSync(NODE24_ROOT, { recursive: true, force: true });
  renameSync(staging, NODE24_ROOT);
  if (!existsSync(NODE24_BIN))
    throw new HarnessError(`${NODE_PACKAGE}@24 has no ${NODE24_BIN}; install Node ${MIN_NODE_MAJOR} or newer yourself`);
}
