/**
 * The cursor (the selected step, shared by every panel) and playback. Every
 * cursor move is a step for the history: a run of them is one entry.
 */
import type { SliceCreator } from './store';

export const PLAYBACK_SPEEDS = [1, 2, 4, 8, 16] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

export interface PlaybackSlice {
  /** Index of the selected step; the panels show the world after it. */
  readonly cursor: number;
  /** A cursor asked for by the URL, applied when the trace arrives. */
  readonly pendingCursor: number | null; // Infinity = the last step
  readonly playing: boolean;
  /** Steps per second while playing. */
  readonly speed: PlaybackSpeed;
  setCursor(index: number): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  togglePlay(): void;
  /** One playback tick: the next step, stopping at the end. */
  tick(): void;
  setSpeed(speed: PlaybackSpeed): void;
  requestCursor(index: number | null): void;
}

export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set, get, { history }) => {
  const lastIndex = (): number => Math.max(0, (get().trace?.steps.length ?? 1) - 1);
  const moveTo = (index: number): void => {
    const clamped = Math.min(Math.max(0, Math.round(index)), lastIndex());
    if (clamped === get().cursor) return;
    history.note('steps');
    set({ cursor: clamped });
  };
  return {
    cursor: 0,
    pendingCursor: null,
    playing: false,
    speed: 2,
    setCursor: (index) => moveTo(index),
    next: () => moveTo(get().cursor + 1),
    prev: () => moveTo(get().cursor - 1),
    first: () => moveTo(0),
    last: () => moveTo(lastIndex()),
    togglePlay() {
      if (get().playing) {
        set({ playing: false });
        return;
      }
      if (get().cursor >= lastIndex()) moveTo(0);
      set({ playing: true });
    },
    tick() {
      if (!get().playing) return;
      const next = get().cursor + 1;
      if (next > lastIndex()) {
        set({ playing: false });
        return;
      }
      history.note('steps');
      set({ cursor: next, playing: next < lastIndex() });
    },
    setSpeed: (speed) => set({ speed }),
    requestCursor: (index) => set({ pendingCursor: index }),
  };
};
