/**
 * What one URL write does to the browser history, decided from the intent
 * the actions noted, the URL now and the URL wanted. Pure, so the rules
 * (one entry per deliberate change, runs of steps or zooms coalesced, a run
 * that ends where it started leaves no entry behind) are unit-tested without
 * a browser.
 */
import type { CoalesceGroup, HistoryIntent } from './history-intent';

/** The run of coalesced changes that wrote the current entry, and the URL of the entry below it. */
export interface OpenGroup {
  readonly group: CoalesceGroup;
  readonly below: string;
}

/** `back`: the run came back to the entry below its own, so its entry goes (history.back()). */
export type HistoryWrite = 'none' | 'push' | 'replace' | 'back';

export interface HistoryPlan {
  readonly write: HistoryWrite;
  /** The run the current entry belongs to after the write. */
  readonly open: OpenGroup | null;
}

/**
 * @example planHistoryWrite('steps', '?v=1', '?v=1&step=3', null) // { write: 'push', open: { group: 'steps', below: '?v=1' } }
 */
export function planHistoryWrite(intent: HistoryIntent, current: string, target: string, open: OpenGroup | null): HistoryPlan {
  if (intent === 'push' || intent === 'replace') {
    if (target === current) return { write: 'none', open };
    return { write: intent, open: null };
  }
  if (open?.group === intent) {
    // Played to the end, or stepped back to where the run began: no entry that looks like the one below.
    if (target === open.below) return { write: 'back', open: null };
    return { write: target === current ? 'none' : 'replace', open };
  }
  if (target === current) return { write: 'none', open };
  return { write: 'push', open: { group: intent, below: current } };
}
