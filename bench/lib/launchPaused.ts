// The launch sequence of a Debug Adapter Protocol session, as VS Code runs it
// (initialize, launch, breakpoints, configurationDone), up to the stop at a
// line: shared by the benches' and tests' real adapters (debugpy.ts, lldb.ts).
import type * as vscode from 'vscode';
import type { PausedFrame } from '../../src/extension/live/evaluator';
import type { DapClient } from './dap';

export interface Launch {
  /** The session's debug type as VS Code would name it (what the extension reads its language from). */
  type: string;
  adapterID: string;
  clientID: string;
  /** The launch request's arguments. */
  launch: object;
  /** The source file and its 1-based line to stop at. */
  source: string;
  line: number;
}

/** Launches, waits for the stop at the breakpoint, and gives its top frame with a session whose customRequest goes to the adapter. */
export async function launchPaused(dap: DapClient, l: Launch): Promise<PausedFrame> {
  await dap.request('initialize', {
    adapterID: l.adapterID,
    clientID: l.clientID,
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
  });
  const launched = dap.request('launch', l.launch);
  await dap.event('initialized');
  await dap.request('setBreakpoints', { source: { path: l.source }, breakpoints: [{ line: l.line }] });
  await dap.request('configurationDone');
  await launched;
  const stopped = await dap.event<{ threadId: number }>('stopped', 120_000);
  const { stackFrames } = await dap.request<{ stackFrames: { id: number }[] }>('stackTrace', {
    threadId: stopped.threadId,
  });
  const session = {
    type: l.type,
    customRequest: (command: string, args: object) => dap.request(command, args),
  } as unknown as vscode.DebugSession;
  return { session, frameId: stackFrames[0]!.id };
}
