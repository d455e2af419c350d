/**
 * How a change should reach the browser history. Actions say it when they
 * act (it is not domain state); the URL writer takes it when it writes.
 *
 * - `push`: a deliberate change gets its own entry (the fix, a preset, an example).
 * - `replace`: rewrite the current entry (a slider being dragged, a URL cleaned up,
 *   an entry loaded by Back/Forward).
 * - a coalescing group (`steps`, `zoom`): the first change of a run pushes an
 *   entry and the ones that follow rewrite it, so nine steps are one Back.
 */
export type CoalesceGroup = 'steps' | 'zoom';
export type HistoryIntent = 'push' | 'replace' | CoalesceGroup;

/** The order in which intents win when several changes land before one URL write. */
const STRENGTH: Readonly<Record<HistoryIntent, number>> = { replace: 0, zoom: 1, steps: 2, push: 3 };

/**
 * The intent that covers both changes: a push beats a step, a step beats a
 * zoom, anything beats a plain replace.
 *
 * @example strongerIntent('replace', 'steps') // 'steps'
 */
export function strongerIntent(a: HistoryIntent | null, b: HistoryIntent): HistoryIntent {
  return a === null || STRENGTH[b] >= STRENGTH[a] ? b : a;
}

/** One store's channel from its actions to its URL writer. */
export interface HistoryChannel {
  /** Say how the change about to be made should reach the history. */
  note(intent: HistoryIntent): void;
  /** The strongest intent noted since the last call, and clear it (`null`: nothing noted). */
  take(): HistoryIntent | null;
  /** What `take` would return, without clearing it. */
  peek(): HistoryIntent | null;
}

export function createHistoryChannel(): HistoryChannel {
  let pending: HistoryIntent | null = null;
  return {
    note(intent) {
      pending = strongerIntent(pending, intent);
    },
    take() {
      const intent = pending;
      pending = null;
      return intent;
    },
    peek: () => pending,
  };
}
