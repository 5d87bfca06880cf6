// nextTurn: a later turn of the event loop, with or without Node's setImmediate.
import { afterEach, describe, expect, it } from 'vitest';
import { nextTurn } from '../../../src/extension/nextTurn';

const g = globalThis as { setImmediate?: unknown };
const nodeImmediate = g.setImmediate;

afterEach(() => {
  g.setImmediate = nodeImmediate;
});

/** Whether a chain of microtasks queued after `turn` began has finished by the time it resolves. */
async function afterMicrotasks(turn: () => Promise<void>): Promise<boolean> {
  let chained = false;
  const p = turn();
  void Promise.resolve()
    .then(() => Promise.resolve())
    .then(() => (chained = true));
  await p;
  return chained;
}

describe('nextTurn', () => {
  it('in Node: a macrotask, after the microtasks and after a setImmediate queued before it', async () => {
    expect(await afterMicrotasks(nextTurn)).toBe(true);
    let immediate = false;
    setImmediate(() => (immediate = true));
    await nextTurn();
    expect(immediate).toBe(true);
  });

  it('without setImmediate (the web worker host): a zero timer, after one queued before it', async () => {
    g.setImmediate = undefined;
    expect(await afterMicrotasks(nextTurn)).toBe(true);
    let timer = false;
    setTimeout(() => (timer = true), 0);
    await nextTurn();
    expect(timer).toBe(true);
  });

  it('with setImmediate: resolved by it, not by a timer', async () => {
    let calls = 0;
    g.setImmediate = (f: () => void) => {
      calls++;
      return (nodeImmediate as (f: () => void) => unknown)(f);
    };
    await nextTurn();
    expect(calls).toBe(1);
  });
});
