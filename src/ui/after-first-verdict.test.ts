import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../model';
import { createAppStore } from '../state/store';
import { afterFirstVerdict } from './after-first-verdict';

const FRAME_MS = 16;

beforeEach(() => {
  vi.useFakeTimers();
  // Node has no frames: one every 16 ms, on the fake clock.
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(performance.now()), FRAME_MS));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The verdict's content does not matter here, only that one is on screen. */
const verdict = { verdict: 'lost' } as unknown as Verdict;

describe('afterFirstVerdict (what only some users need waits for the first verdict)', () => {
  it('starts nothing before the verdict; after it, once the frame that shows it has been painted; and only once', () => {
    const store = createAppStore();
    const start = vi.fn();
    afterFirstVerdict(store, start);
    store.getState().startRun();
    vi.advanceTimersByTime(1000);
    expect(start).not.toHaveBeenCalled();
    store.getState().receivePreview(verdict, store.getState().scenario);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(FRAME_MS + 1);
    expect(start).toHaveBeenCalledTimes(1);
    store.getState().receivePreview(verdict, store.getState().scenario);
    vi.advanceTimersByTime(1000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts after a failure too (a message instead of a verdict): the rest of the page still works', () => {
    const store = createAppStore();
    const start = vi.fn();
    afterFirstVerdict(store, start);
    store.getState().receiveError('The simulation worker stopped.');
    vi.advanceTimersByTime(FRAME_MS + 1);
    expect(start).toHaveBeenCalledTimes(1);
  });
});
