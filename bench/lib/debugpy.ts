// Debian's debugpy adapter (`python3 -m debugpy.adapter`), spoken to over DAP
// on its stdio as VS Code does, paused at a line of a program: the real
// debugger behind the live-value bench and the unit tests of readLive.
import { spawn } from 'node:child_process';
import type * as vscode from 'vscode';
import type { PausedFrame } from '../../src/extension/live/evaluator';
import { DapClient } from './dap';

export const PYTHON = '/usr/bin/python3';

export interface PausedDebugpy {
  dap: DapClient;
  /** Process ids of the adapter and of the debugged program (from debugpy's `process` event). */
  pids: { adapter: number | undefined; program: number | undefined };
  /** The top frame, with a session whose customRequest goes to the adapter. */
  frame: PausedFrame;
  stop(): void;
}

/** Launches `program` under debugpy and waits until it stops at the breakpoint on `line` (1-based). */
export async function startDebugpy(program: string, line: number): Promise<PausedDebugpy> {
  const adapter = spawn(PYTHON, ['-m', 'debugpy.adapter'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const dap = new DapClient(adapter.stdout, adapter.stdin);
  await dap.request('initialize', {
    adapterID: 'debugpy',
    clientID: 'entropy-lens-bench',
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
  });
  const launched = dap.request('launch', { program, python: [PYTHON], console: 'internalConsole', justMyCode: true });
  await dap.event('initialized');
  await dap.request('setBreakpoints', { source: { path: program }, breakpoints: [{ line }] });
  await dap.request('configurationDone');
  await launched;
  const stopped = await dap.event<{ threadId: number }>('stopped', 120_000);
  const { systemProcessId } = await dap.event<{ systemProcessId?: number }>('process');
  const { stackFrames } = await dap.request<{ stackFrames: { id: number }[] }>('stackTrace', {
    threadId: stopped.threadId,
  });
  const session = {
    type: 'debugpy',
    customRequest: (command: string, args: object) => dap.request(command, args),
  } as unknown as vscode.DebugSession;
  return {
    dap,
    pids: { adapter: adapter.pid, program: systemProcessId },
    frame: { session, frameId: stackFrames[0]!.id },
    stop: () => adapter.kill(),
  };
}
