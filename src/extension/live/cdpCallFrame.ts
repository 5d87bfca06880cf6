// Pure. Which call frame of a paused CDP target a DAP frame of js-debug is
// (cdpProxy.ts evaluates the parts of a value there).

/** A call frame as CDP's `Debugger.paused` gives it. */
export interface CdpCallFrame {
  callFrameId: string;
  functionName: string;
}

/** A frame of DAP's `stackTrace` answer. */
export interface DapStackFrame {
  id: number;
  name: string;
}

/**
 * The CDP call frame of the DAP frame `frameId`. js-debug lists a target's
 * call frames in CDP's order (async frames after them), naming each by its
 * function (`<anonymous>` for CDP's empty name, sometimes with a prefix such
 * as the class before a method's); a frame whose name does not end with
 * CDP's is not taken, and neither is one beyond the paused call frames.
 */
export function cdpCallFrame(
  dap: readonly DapStackFrame[],
  frameId: number,
  cdp: readonly CdpCallFrame[],
): CdpCallFrame | undefined {
  const i = dap.findIndex((f) => f.id === frameId);
  if (i < 0 || i >= cdp.length) return undefined;
  const c = cdp[i]!;
  return dap[i]!.name.endsWith(c.functionName || '<anonymous>') ? c : undefined;
}
