/**
 * Buggy and fixed side by side: while `compare` is on, the same scenario is
 * also simulated with the fix flipped (connectComparison), and the timeline
 * draws both, aligned in time.
 */
import type { Scenario } from '../model';
import type { TraceView } from '../model';
import type { HistoryIntent } from './history-intent';
import type { SliceCreator } from './store';

export interface CompareSlice {
  readonly compare: boolean;
  /** The other variant's trace: the scenario on screen with the fix flipped. */
  readonly compareTrace: TraceView | null;
  /** The scenario on screen that `compareTrace` was simulated for (not the flipped one). */
  readonly compareFor: Scenario | null;
  readonly compareError: string | null;
  /** Turn the side-by-side view on or off; a deliberate change pushes a history entry. */
  setCompare(on: boolean, intent?: HistoryIntent): void;
  receiveCompareTrace(trace: TraceView, forScenario: Scenario): void;
  receiveCompareError(message: string, forScenario: Scenario | null): void;
}

/**
 * The scenario the other side shows: the same inputs, the other code.
 *
 * @example otherVariant(defaultScenario()).fix // true
 */
export function otherVariant(scenario: Scenario): Scenario {
  return { ...scenario, fix: !scenario.fix };
}

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get, { history }) => ({
  compare: false,
  compareTrace: null,
  compareFor: null,
  compareError: null,
  setCompare(on, intent = 'push') {
    if (get().compare === on) return;
    history.note(intent);
    // Off drops the other trace: it is a whole second simulation kept for nothing.
    set(on ? { compare: true } : { compare: false, compareTrace: null, compareFor: null, compareError: null });
  },
  receiveCompareTrace(trace, forScenario) {
    if (!get().compare) return;
    set({ compareTrace: trace, compareFor: forScenario, compareError: null });
  },
  receiveCompareError(message, forScenario) {
    set({ compareError: message, compareFor: forScenario });
  },
});
