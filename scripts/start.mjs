// `npm start`: builds the extension and opens VS Code with it and the demo
// workspace. Uses the desktop `code` when it is on PATH; otherwise VS Code's
// server from code-server (installed once into the cache), printing the URL to
// open in a browser. Ctrl+C stops the server. `npm run watch` in another
// terminal plus "Developer: Reload Window" picks up changes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CACHE, ensureCodeServer, SERVER_MAIN, waitForHttp } from './lib/vscode.mjs';

const root = resolve(import.meta.dirname, '..');
const demo = join(root, 'demo');

if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0;
if (hasCode && !process.env.ENTROPY_LENS_BROWSER) {
  console.log('Opening VS Code with Entropy Lens (extension development host) on demo/ …');
  spawn('code', [`--extensionDevelopmentPath=${root}`, '--new-window', demo], { stdio: 'inherit', detached: true, shell: process.platform === 'win32' }).unref();
} else {
  ensureCodeServer();
  const port = Number(process.env.PORT ?? 8765);
  const dataDir = join(CACHE, 'start-server-data');
  mkdirSync(dataDir, { recursive: true });
  const server = spawn(process.execPath, [
    SERVER_MAIN, '--host', process.env.HOST ?? '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-workspace-trust', '--server-data-dir', dataDir,
  ], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => { console.log(`VS Code server exited (${code})`); process.exit(code ?? 0); });
  await waitForHttp(`http://127.0.0.1:${port}/version`, 60_000);
  // The smoke-test driver flag lets the page's payload name this repo as the extension under development.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(remote(demo))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nVS Code (code-server ${'4.139.1'}) with Entropy Lens and the demo workspace:\n\n  ${url}\n\nOpen it in a browser. Ctrl+C stops the server.`);
}
