import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-paint';

describe('afterNextPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs at once where there are no frames (Node, tests)', () => {
    const f = vi.fn();
    afterNextPaint(f);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('runs in a task after the next frame, not in the frame callback, and can be cancelled', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = () => {}));
    const f = vi.fn();
    afterNextPaint(f);
    expect(f).not.toHaveBeenCalled();
    frames.shift()!();
    expect(f).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(f).toHaveBeenCalledTimes(1);

    const g = vi.fn();
    const cancel = afterNextPaint(g);
    cancel();
    frames.shift()!();
    vi.runAllTimers();
    expect(g).not.toHaveBeenCalled();
  });
});
