/**
 * The latest simulation result and the worker's status: the trace the
 * screen shows (steps without world history), the verdict that may arrive
 * ahead of it, and the worlds around the cursor's step, which the worker
 * sends on request.
 */
import type { Scenario, StepWorlds, TraceView, Verdict } from '../model';
import { relocateCursor } from './cursor';
import type { SliceCreator } from './store';
import { nextTimeDomain } from './time-view';

export type RunStatus = 'running' | 'ready' | 'error';

export interface RunSlice {
  readonly trace: TraceView | null;
  /** The request that produced `trace`: the worker answers for its worlds by this id. */
  readonly traceId: number;
  /** The scenario `trace` was simulated from. */
  readonly tracedScenario: Scenario | null;
  /** The verdict of a newer scenario than `trace`'s, from the fast path, while its trace is computed. */
  readonly preview: { readonly scenario: Scenario; readonly verdict: Verdict } | null;
  /** The worlds around one step of the trace `traceId` named when they were asked for. */
  readonly stepWorlds: { readonly traceId: number; readonly worlds: StepWorlds } | null;
  readonly runStatus: RunStatus;
  readonly runError: string | null;
  /** How long the worker took for the latest trace. */
  readonly elapsedMs: number | null;
  startRun(): void;
  receivePreview(verdict: Verdict, scenario: Scenario): void;
  receiveTrace(trace: TraceView, scenario: Scenario, elapsedMs: number, traceId?: number): void;
  receiveWorlds(traceId: number, worlds: StepWorlds): void;
  receiveError(message: string): void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  trace: null,
  traceId: 0,
  tracedScenario: null,
  preview: null,
  stepWorlds: null,
  runStatus: 'running',
  runError: null,
  elapsedMs: null,
  startRun() {
    if (get().runStatus !== 'running') set({ runStatus: 'running' });
  },
  receivePreview(verdict, scenario) {
    set({ preview: { scenario, verdict } });
  },
  receiveTrace(trace, scenario, elapsedMs, traceId = 0) {
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
      traceId,
      tracedScenario: scenario,
      preview: null,
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
  receiveWorlds(traceId, worlds) {
    if (traceId !== get().traceId) return;
    set({ stepWorlds: { traceId, worlds } });
  },
  receiveError(message) {
    set({ runStatus: 'error', runError: message, preview: null });
  },
});
