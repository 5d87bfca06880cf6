// Debian's lldb-vscode (lldb-15's Debug Adapter Protocol server), spoken to
// over its stdio, paused at a line of a C program built with gcc -g: a real
// adapter without a wrapper, whose evaluate gives a summary (`double[3] @ 0x…`)
// and the elements as children.
import { spawn } from 'node:child_process';
import type { PausedFrame } from '../../src/extension/live/evaluator';
import { DapClient } from './dap';
import { launchPaused } from './launchPaused';

export const LLDB_VSCODE = '/usr/bin/lldb-vscode-15';

export interface PausedLldb {
  dap: DapClient;
  frame: PausedFrame;
  stop(): void;
}

/** Launches the executable `program` (built from `source`) and waits until it stops at the breakpoint on `line` (1-based). */
export async function startLldb(program: string, source: string, line: number): Promise<PausedLldb> {
  const adapter = spawn(LLDB_VSCODE, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const dap = new DapClient(adapter.stdout, adapter.stdin);
  const frame = await launchPaused(dap, {
    type: 'lldb-vscode',
    adapterID: 'lldb-vscode',
    clientID: 'entropy-lens-tests',
    launch: { program },
    source,
    line,
  });
  return { dap, frame, stop: () => adapter.kill() };
}
