// A cancellation token that follows a parent's and can also be cancelled on
// its own: the reads of a selection share one, so that one read's failure
// stops the others without cancelling the command. Plain objects, so the
// live layer runs where the vscode module does not (the unit tests).
import type * as vscode from 'vscode';

export interface LinkedCancellation extends vscode.Disposable {
  readonly token: vscode.CancellationToken;
  cancel(): void;
}

export function linkedCancellation(parent: vscode.CancellationToken | undefined): LinkedCancellation {
  let cancelled = false;
  const listeners = new Set<(e: void) => unknown>();
  const cancel = () => {
    if (cancelled) return;
    cancelled = true;
    for (const l of [...listeners]) l();
    listeners.clear();
  };
  const sub = parent?.onCancellationRequested(cancel);
  if (parent?.isCancellationRequested) cancel();
  const onCancellationRequested = ((listener: (e: void) => unknown) => {
    if (cancelled) {
      // As VS Code's tokens do: a listener added after the cancellation still hears of it.
      queueMicrotask(() => listener());
      return { dispose: () => undefined };
    }
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
  }) as vscode.CancellationToken['onCancellationRequested'];
  return {
    token: {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested,
    },
    cancel,
    dispose: () => {
      sub?.dispose();
      listeners.clear();
    },
  };
}
