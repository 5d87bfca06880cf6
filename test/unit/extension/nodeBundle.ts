// A worker's source bundled for Node into a temporary directory, as esbuild.mjs
// bundles it for the extension, so the unit tests start the real script.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export async function nodeBundle(entry: string): Promise<{ script: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'entropy-lens-worker-'));
  const script = join(dir, basename(entry).replace(/\.ts$/, '.js'));
  await esbuild.build({
    entryPoints: [entry],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
