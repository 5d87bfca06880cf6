// The token the reads of one selection share: it follows the command's token,
// and cancelling it stops the reads without cancelling the command.
import { describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { linkedCancellation } from '../../../src/extension/live/linkedCancellation';

/** A parent token as VS Code's CancellationTokenSource gives one (the parts read here). */
function parentSource() {
  let cancelled = false;
  const listeners = new Set<() => void>();
  const token = {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: (l: () => void) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
  } as unknown as vscode.CancellationToken;
  return {
    token,
    listeners,
    cancel: () => {
      cancelled = true;
      for (const l of listeners) l();
    },
  };
}

describe('linkedCancellation', () => {
  it("follows its parent's cancellation, telling each listener once", () => {
    const parent = parentSource();
    const link = linkedCancellation(parent.token);
    const heard: string[] = [];
    link.token.onCancellationRequested(() => heard.push('a'));
    const b = link.token.onCancellationRequested(() => heard.push('b'));
    b.dispose();
    expect(link.token.isCancellationRequested).toBe(false);
    parent.cancel();
    parent.cancel();
    expect(link.token.isCancellationRequested).toBe(true);
    expect(heard).toEqual(['a']);
  });

  it('cancelled on its own, it leaves the parent alone', () => {
    const parent = parentSource();
    const link = linkedCancellation(parent.token);
    let heard = 0;
    link.token.onCancellationRequested(() => heard++);
    link.cancel();
    link.cancel();
    expect(heard).toBe(1);
    expect(link.token.isCancellationRequested).toBe(true);
    expect(parent.token.isCancellationRequested).toBe(false);
  });

  it('is cancelled from the start under a cancelled parent, and a listener added after still hears of it', async () => {
    const parent = parentSource();
    parent.cancel();
    const link = linkedCancellation(parent.token);
    expect(link.token.isCancellationRequested).toBe(true);
    const heard = await new Promise<boolean>((resolve) => {
      link.token.onCancellationRequested(() => resolve(true));
      setTimeout(() => resolve(false), 100);
    });
    expect(heard).toBe(true);
  });

  it('dispose stops listening to the parent', () => {
    const parent = parentSource();
    const link = linkedCancellation(parent.token);
    expect(parent.listeners.size).toBe(1);
    link.dispose();
    expect(parent.listeners.size).toBe(0);
    parent.cancel();
    expect(link.token.isCancellationRequested).toBe(false);
  });

  it('without a parent, only its own cancel', () => {
    const link = linkedCancellation(undefined);
    expect(link.token.isCancellationRequested).toBe(false);
    link.cancel();
    expect(link.token.isCancellationRequested).toBe(true);
  });
});
