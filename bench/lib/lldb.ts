// Debian's lldb-vscode (lldb-15's Debug Adapter Protocol server), spoken to
// over its stdio, paused at a line of a C program built with gcc -g: a real
// adapter without a wrapper, whose evaluate gives a summary (`double[3] @ 0x…`)
// and the elements as children.
import { spawn } from 'node:child_process';
import type * as vscode from 'vscode';
import type { PausedFrame } from '../../src/extension/live/evaluator';
import { DapClient } from './dap';

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
  await dap.request('initialize', {
    adapterID: 'lldb-vscode',
    clientID: 'entropy-lens-tests',
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
  });
  const launched = dap.request('launch', { program });
  await dap.event('initialized');
  await dap.request('setBreakpoints', { source: { path: source }, breakpoints: [{ line }] });
  await dap.request('configurationDone');
  await launched;
  const stopped = await dap.event<{ threadId: number }>('stopped', 120_000);
  const { stackFrames } = await dap.request<{ stackFrames: { id: number }[] }>('stackTrace', {
    threadId: stopped.threadId,
  });
  const session = {
    type: 'lldb-vscode',
    customRequest: (command: string, args: object) => dap.request(command, args),
  } as unknown as vscode.DebugSession;
  return { dap, frame: { session, frameId: stackFrames[0]!.id }, stop: () => adapter.kill() };
}
