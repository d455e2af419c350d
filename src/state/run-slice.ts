/**
 * The latest simulation result and the worker's status.
 */
import type { Scenario } from '../model/scenario';
import type { Trace } from '../model/types';
import { relocateCursor } from './cursor';
import type { SliceCreator } from './store';
import { nextTimeDomain } from './time-view';

export type RunStatus = 'running' | 'ready' | 'error';

export interface RunSlice {
  readonly trace: Trace | null;
  /** The scenario `trace` was simulated from. */
  readonly tracedScenario: Scenario | null;
  readonly runStatus: RunStatus;
  readonly runError: string | null;
  /** How long the worker took for the latest trace. */
  readonly elapsedMs: number | null;
  startRun(): void;
  receiveTrace(trace: Trace, scenario: Scenario, elapsedMs: number): void;
  receiveError(message: string): void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  trace: null,
  tracedScenario: null,
  runStatus: 'running',
  runError: null,
  elapsedMs: null,
  startRun() {
    if (get().runStatus !== 'running') set({ runStatus: 'running' });
  },
  receiveTrace(trace, scenario, elapsedMs) {
    const { trace: old, cursor, pendingCursor, timeDomain, pendingTimeDomain } = get();
    const last = Math.max(0, trace.steps.length - 1);
    let next: number;
    if (pendingCursor !== null) next = Math.min(pendingCursor, last);
    else if (old) next = relocateCursor(old, cursor, trace);
    else next = last;
    if (pendingCursor !== null && Number.isFinite(pendingCursor) && pendingCursor > last) {
      // In the screen's numbers (from 1), as the URL writes them.
      get().addNotice({
        source: 'url',
        level: 'warning',
        text: `step=${pendingCursor + 1} is past the last step of this scenario; showing step ${last + 1}, the last.`,
      });
    }
    set({
      trace,
      tracedScenario: scenario,
      elapsedMs,
      runStatus: 'ready',
      runError: null,
      cursor: next,
      pendingCursor: null,
      timeDomain: nextTimeDomain(timeDomain, pendingTimeDomain, old, trace),
      pendingTimeDomain: null,
      playing: get().playing && next < last,
    });
  },
  receiveError(message) {
    set({ runStatus: 'error', runError: message });
  },
});
