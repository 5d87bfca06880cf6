// Which CDP call frame a js-debug DAP frame is, with frames as js-debug and
// V8 list them for a Node program paused in a function called from a module.
import { describe, expect, it } from 'vitest';
import { cdpCallFrame, type CdpCallFrame, type DapStackFrame } from '../../../src/extension/live/cdpCallFrame';

const cdp: CdpCallFrame[] = [
  { callFrameId: 'c0', functionName: 'softmaxLoss' },
  { callFrameId: 'c1', functionName: 'Trainer.step' },
  { callFrameId: 'c2', functionName: '' },
  { callFrameId: 'c3', functionName: 'executeUserEntryPoint' },
];
const dap: DapStackFrame[] = [
  { id: 7, name: 'softmaxLoss' },
  { id: 8, name: 'Trainer.step' },
  { id: 9, name: '<anonymous>' },
  { id: 10, name: "function Module(id = '', parent) {.executeUserEntryPoint" },
  // An async frame js-debug adds after the paused call frames.
  { id: 11, name: 'async loadBatch' },
];

describe('cdpCallFrame', () => {
  it('takes the call frame at the DAP frame’s place in the stack', () => {
    expect(cdpCallFrame(dap, 7, cdp)?.callFrameId).toBe('c0');
    expect(cdpCallFrame(dap, 8, cdp)?.callFrameId).toBe('c1');
  });

  it('matches an anonymous function and a name js-debug prefixes', () => {
    expect(cdpCallFrame(dap, 9, cdp)?.callFrameId).toBe('c2');
    expect(cdpCallFrame(dap, 10, cdp)?.callFrameId).toBe('c3');
  });

  it('takes none for a frame beyond the paused call frames, or one it does not know', () => {
    expect(cdpCallFrame(dap, 11, cdp)).toBeUndefined();
    expect(cdpCallFrame(dap, 42, cdp)).toBeUndefined();
    expect(cdpCallFrame([], 7, cdp)).toBeUndefined();
  });

  it('takes none when the two lists do not line up by name', () => {
    // A frame js-debug lists that V8 does not (or the other way round) shifts every name after it.
    const shifted = [{ id: 1, name: 'helper' }, ...dap];
    expect(cdpCallFrame(shifted, 8, cdp)).toBeUndefined();
    expect(cdpCallFrame(shifted, 7, cdp)).toBeUndefined();
  });

  it('tells the frames of a recursion apart by their place', () => {
    const rec: CdpCallFrame[] = [
      { callFrameId: 'r0', functionName: 'walk' },
      { callFrameId: 'r1', functionName: 'walk' },
      { callFrameId: 'r2', functionName: 'walk' },
    ];
    const frames = [3, 4, 5].map((id) => ({ id, name: 'walk' }));
    expect(frames.map((f) => cdpCallFrame(frames, f.id, rec)?.callFrameId)).toEqual(['r0', 'r1', 'r2']);
  });
});
