// Coalesces redraws into one per animation frame: a drag or a held arrow key
// fires many input events per frame, and only the last state needs drawing.
// All DOM writes of a redraw then happen together inside that one callback.

export interface FrameScheduler {
  /** Asks for one run of the job in the next frame (repeated asks are merged). */
  schedule(): void;
  /** Runs a pending job now (before reading what it draws: export, copy). */
  flush(): void;
  readonly pending: boolean;
}

export function frameScheduler(
  job: () => void,
  requestFrame: (cb: () => void) => number = (cb) => requestAnimationFrame(cb),
  cancelFrame: (id: number) => void = (id) => cancelAnimationFrame(id),
): FrameScheduler {
  let id: number | null = null;
  const run = () => {
    id = null;
    job();
  };
  return {
    schedule() {
      if (id === null) id = requestFrame(run);
    },
    flush() {
      if (id === null) return;
      cancelFrame(id);
      run();
    },
    get pending() {
      return id !== null;
    },
  };
}
