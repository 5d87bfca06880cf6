import { describe, expect, it } from 'vitest';
import { PathCache } from '../../../webview/curves/pathCache';
import { debouncedSave } from '../../../webview/model/debouncedSave';
import { frameScheduler } from '../../../webview/ui/frameScheduler';

// A fake frame clock: callbacks run only when the test advances a frame.
function fakeFrames() {
  let next = 1;
  const queue = new Map<number, () => void>();
  return {
    request: (cb: () => void) => {
      const id = next++;
      queue.set(id, cb);
      return id;
    },
    cancel: (id: number) => {
      queue.delete(id);
    },
    tick() {
      const cbs = [...queue.values()];
      queue.clear();
      cbs.forEach((cb) => cb());
    },
    get size() {
      return queue.size;
    },
  };
}

describe('frame scheduler (one redraw per frame)', () => {
  it('merges many requests in one frame into one run', () => {
    const f = fakeFrames();
    let runs = 0;
    const s = frameScheduler(() => runs++, f.request, f.cancel);
    for (let i = 0; i < 50; i++) s.schedule();
    expect(runs).toBe(0);
    expect(f.size).toBe(1);
    f.tick();
    expect(runs).toBe(1);
    s.schedule();
    f.tick();
    expect(runs).toBe(2);
  });

  it('flush runs a pending job at once and cancels its frame; without one it does nothing', () => {
    const f = fakeFrames();
    let runs = 0;
    const s = frameScheduler(() => runs++, f.request, f.cancel);
    s.flush();
    expect(runs).toBe(0);
    s.schedule();
    expect(s.pending).toBe(true);
    s.flush();
    expect(runs).toBe(1);
    expect(s.pending).toBe(false);
    expect(f.size).toBe(0);
    f.tick();
    expect(runs).toBe(1);
  });

  it('a job that schedules again gets the next frame, not a loop in this one', () => {
    const f = fakeFrames();
    let runs = 0;
    const s = frameScheduler(
      () => {
        runs++;
        if (runs < 3) s.schedule();
      },
      f.request,
      f.cancel,
    );
    s.schedule();
    f.tick();
    expect(runs).toBe(1);
    f.tick();
    f.tick();
    expect(runs).toBe(3);
  });
});

describe('path cache (curves are not re-thinned when only a slider moves)', () => {
  it('makes each key once and returns the stored string after', () => {
    const c = new PathCache(4);
    let made = 0;
    const make = () => `M${++made}`;
    expect(c.get('a', make)).toBe('M1');
    expect(c.get('a', make)).toBe('M1');
    expect(c.get('b', make)).toBe('M2');
    expect(made).toBe(2);
    expect(c.hits).toBe(1);
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const c = new PathCache(2);
    c.get('a', () => 'A');
    c.get('b', () => 'B');
    c.get('a', () => 'A2'); // a is now the most recent
    c.get('c', () => 'C'); // evicts b
    expect(c.size).toBe(2);
    expect(c.get('a', () => 'new')).toBe('A');
    expect(c.get('b', () => 'B2')).toBe('B2');
  });
});

describe('debounced state save', () => {
  function fakeTimers() {
    let next = 1;
    const pending = new Map<number, () => void>();
    return {
      set: (f: () => void) => {
        const id = next++;
        pending.set(id, f);
        return id;
      },
      clear: (id: unknown) => {
        pending.delete(id as number);
      },
      fire() {
        const fs = [...pending.values()];
        pending.clear();
        fs.forEach((f) => f());
      },
      get size() {
        return pending.size;
      },
    };
  }

  it('saves once after a burst of requests', () => {
    const t = fakeTimers();
    let saves = 0;
    const s = debouncedSave(() => saves++, 150, t);
    for (let i = 0; i < 30; i++) s.request();
    expect(t.size).toBe(1);
    expect(saves).toBe(0);
    t.fire();
    expect(saves).toBe(1);
  });

  it('flush saves a pending edit at once (the page is being hidden) and only then', () => {
    const t = fakeTimers();
    let saves = 0;
    const s = debouncedSave(() => saves++, 150, t);
    s.flush();
    expect(saves).toBe(0);
    s.request();
    s.flush();
    expect(saves).toBe(1);
    expect(t.size).toBe(0);
    t.fire();
    expect(saves).toBe(1);
  });
});
