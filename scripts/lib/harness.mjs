// What the scripts share for failing well: a HarnessError carries one line for
// the user; runMain prints that line (never a stack or a dump of a minified
// file) and keeps any longer story in a log file the line names.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const TEST_OUTPUT = join(ROOT, '.test-output');

/** A failure the user can act on; its message is one line. */
export class HarnessError extends Error {}

/** Writes text to .test-output/<name> and returns the path, for a message to name. */
export function keepLog(name, text) {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const path = join(TEST_OUTPUT, name);
  writeFileSync(path, text);
  return path;
}

/** One line for any error: a HarnessError's message, or an unexpected error's with its stack kept in a log. */
export function oneLine(error) {
  if (error instanceof HarnessError) return error.message;
  const message = String(error?.message ?? error).split('\n')[0];
  const log = keepLog('harness-error.log', String(error?.stack ?? error));
  return `${message} (details: ${log})`;
}

/** Runs a script's body; a failure ends the process with one line on stderr and exit code 1. */
export async function runMain(name, body) {
  try {
    await body();
  } catch (e) {
    console.error(`${name}: ${oneLine(e)}`);
    process.exitCode = 1;
  }
}
