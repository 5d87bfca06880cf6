// `npm start`: builds the extension and opens VS Code with it and the demo
// workspace. Uses the desktop `code` when it is on PATH; otherwise VS Code's
// server from code-server (installed once into the cache, run on Node ≥ 22),
// printing the URL to open in a browser. Ctrl+C stops the server. `npm run
// watch` in another terminal plus "Developer: Reload Window" picks up changes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HarnessError, keepLog, runMain } from './lib/harness.mjs';
import { CACHE, CODE_SERVER_VERSION, startServer } from './lib/vscode.mjs';

const root = resolve(import.meta.dirname, '..');
const demo = join(root, 'demo');

await runMain('npm start', async () => {
  if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0)
    throw new HarnessError("the build failed (esbuild's errors are above)");

  const hasCode =
    spawnSync('code', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0;
  if (hasCode && !process.env.ENTROPY_LENS_BROWSER) {
    console.log('Opening VS Code with Entropy Lens (extension development host) on demo/ …');
    spawn('code', [`--extensionDevelopmentPath=${root}`, '--new-window', demo], {
      stdio: 'inherit',
      detached: true,
      shell: process.platform === 'win32',
    }).unref();
    return;
  }
  const port = Number(process.env.PORT ?? 8765);
  const dataDir = join(CACHE, 'start-server-data');
  // Machine settings of the server: the demo opens beside the editor, not beside a Chat panel.
  mkdirSync(join(dataDir, 'data', 'Machine'), { recursive: true });
  const machineSettings = join(dataDir, 'data', 'Machine', 'settings.json');
  if (!existsSync(machineSettings)) {
    writeFileSync(
      machineSettings,
      JSON.stringify(
        { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true },
        null,
        1,
      ),
    );
  }
  const server = await startServer({
    port,
    dataDir,
    host: process.env.HOST ?? '127.0.0.1',
    logName: 'start-server.log',
  });
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code, signal) => {
    console.error(
      `npm start: VS Code's server stopped (${signal ?? code}); its output: ${keepLog('start-server.log', server.output())}`,
    );
    process.exit(1);
  });
  // The smoke-test driver flag lets the page's payload name this repo as the extension under development.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // classifier.py opens at once, so the first thing the user sees is the extension at work.
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['openFile', remote(join(demo, 'classifier.py'))],
    ['skipWelcome', 'true'],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(remote(demo))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(
    `\nVS Code (code-server ${CODE_SERVER_VERSION}) with Entropy Lens and the demo workspace:\n\n  ${url}\n\nOpen it in a browser. Ctrl+C stops the server.`,
  );
});
