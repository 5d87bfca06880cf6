// Gives the event loop a turn between pieces of long work on the extension
// host's thread, so that messages, input and timers are served in between.

type Immediate = (callback: () => void) => unknown;

/**
 * Resolves in a later turn of the event loop: Node's setImmediate, which runs
 * once pending I/O has been served and adds no delay, or a zero timer where
 * there is none (the web worker extension host), since a Node timer waits at
 * least 1 ms.
 */
export function nextTurn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: Immediate }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
