// Saving the state (getState/setState) once a drag settles, not on every
// input event — and at once when the page is about to be hidden: without
// retainContextWhenHidden VS Code throws the page away, and an edit made in
// the last moments before switching views would otherwise be lost.

export interface DebouncedSave {
  /** Asks for a save after `delayMs` of quiet (repeated asks restart the wait). */
  request(): void;
  /** Saves now if a save is pending. */
  flush(): void;
}

export function debouncedSave(
  save: () => void,
  delayMs: number,
  timers: { set: (f: () => void, ms: number) => unknown; clear: (id: unknown) => void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
): DebouncedSave {
  let timer: unknown = null;
  const run = () => {
    timer = null;
    save();
  };
  return {
    request() {
      if (timer !== null) timers.clear(timer);
      timer = timers.set(run, delayMs);
    },
    flush() {
      if (timer === null) return;
      timers.clear(timer);
      run();
    },
  };
}
