// Debian's debugpy adapter (`python3 -m debugpy.adapter`), spoken to over DAP
// on its stdio as VS Code does, paused at a line of a program: the real
// debugger behind the live-value bench and the unit tests of readLive.
import { spawn } from 'node:child_process';
import type { PausedFrame } from '../../src/extension/live/evaluator';
import { DapClient } from './dap';
import { launchPaused } from './launchPaused';

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
  // The program's process id comes in debugpy's `process` event, after the launch.
  const processEvent = dap.event<{ systemProcessId?: number }>('process', 120_000);
  const frame = await launchPaused(dap, {
    type: 'debugpy',
    adapterID: 'debugpy',
    clientID: 'entropy-lens-bench',
    launch: { program, python: [PYTHON], console: 'internalConsole', justMyCode: true },
    source: program,
    line,
  });
  const { systemProcessId } = await processEvent;
  return {
    dap,
    pids: { adapter: adapter.pid, program: systemProcessId },
    frame,
    stop: () => adapter.kill(),
  };
}
