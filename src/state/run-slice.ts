/**
 * The latest simulation result and the worker's status: the trace the
 * screen shows (steps without world history), the verdict that may arrive
 * ahead of it, and the worlds around the cursor's step, which the worker
 * sends on request.
 */
import type { Scenario, StepWorlds, TraceView, Verdict } from '../model';
import type { PartialTrace } from '../worker/protocol';
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
  /**
   * Set while `trace` holds only the steps up to `until` of a big trace (the
   * part on screen, sent first while a slider moves); its verdict, end time
   * and stop are the whole run's. The whole trace follows (the run is still
   * `running`), unless a newer input came first.
   */
  readonly tracePartial: PartialTrace | null;
  /**
   * While partial traces arrive: the last whole trace and the cursor on it,
   * which the cursor is carried over from (a step past `until` is not in a
   * partial trace, but is in the whole one that follows); `placed` is the
   * cursor the last partial trace got (moved since: the user chose a step).
   */
  readonly cursorOrigin: { readonly trace: TraceView; readonly cursor: number; readonly placed: number } | null;
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
  receiveTrace(trace: TraceView, scenario: Scenario, elapsedMs: number, traceId?: number, partial?: PartialTrace | null): void;
  receiveWorlds(traceId: number, worlds: StepWorlds): void;
  receiveError(message: string): void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  trace: null,
  traceId: 0,
  tracedScenario: null,
  tracePartial: null,
  cursorOrigin: null,
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
  receiveTrace(trace, scenario, elapsedMs, traceId = 0, partial = null) {
    const { trace: old, cursor, pendingCursor, timeDomain, pendingTimeDomain, cursorOrigin } = get();
    const last = Math.max(0, trace.steps.length - 1);
    // Carry the cursor over from the last whole trace, unless the user moved it on a partial one.
    const origin = cursorOrigin !== null && cursorOrigin.placed === cursor ? cursorOrigin : old ? { trace: old, cursor } : null;
    let next: number;
    if (pendingCursor !== null) next = Math.min(pendingCursor, last);
    else if (origin) next = relocateCursor(origin.trace, origin.cursor, trace);
    else next = last;
    // A step past the end of a partial trace may still be in the whole one: the URL's step waits for it.
    const keepPending = partial !== null && pendingCursor !== null && pendingCursor > last;
    if (!keepPending && pendingCursor !== null && Number.isFinite(pendingCursor) && pendingCursor > last) {
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
      tracePartial: partial,
      preview: null,
      elapsedMs,
      runStatus: partial ? 'running' : 'ready',
      runError: null,
      cursor: next,
      cursorOrigin: partial && origin ? { trace: origin.trace, cursor: origin.cursor, placed: next } : null,
      pendingCursor: keepPending ? pendingCursor : null,
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
