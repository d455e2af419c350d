/**
 * Wires the store to the worker client: every scenario change is simulated
 * (latest wins), its verdict and then its trace land in the store, and
 * whenever the trace or the cursor changes the worlds around the cursor's
 * step are asked for. When a big trace is on screen and only part of its
 * time is shown, the worker is asked for the steps up to the end of the
 * view first (`partialUntil`): that part follows a slider, and the whole
 * trace comes when the slider rests.
 */
import type { Scenario } from '../model';
import type { SimClient, SimClientEvents, WorkerLike } from '../worker/client';
import { openingDomainOf } from '../view/race-span';
import { clampDomain, traceExtent } from '../view/time-domain';
import { humanizeTimes } from '../view/time-format';
import { createSimClient } from '../worker/client';
import { afterNextPaint } from './after-paint';
import type { AppState, AppStore } from './store';

/** Traces with at least this many steps are sent in two parts when only part of them is on screen. */
export const PARTIAL_TRACE_STEPS = 2000;
/** The first part reaches this much (a share of the view's span) past the view's end, so a small pan still finds steps. */
const PARTIAL_MARGIN = 0.5;

/**
 * How far the first part of the next trace should reach (virtual ms), or
 * `undefined` for the whole trace at once: a small trace, or a view that
 * shows most of the trace anyway.
 *
 * @example partialUntil(state) // 3904: the race of a day of production runs is on screen
 */
export function partialUntil(s: Pick<AppState, 'trace' | 'tracePartial' | 'timeDomain' | 'compare'>): number | undefined {
  const { trace } = s;
  // A partial trace on screen stands for the whole one it is part of.
  const steps = Math.max(trace?.steps.length ?? 0, s.tracePartial?.steps ?? 0);
  if (!trace || s.compare || steps < PARTIAL_TRACE_STEPS) return undefined;
  const extent = traceExtent(trace.endTime);
  const view = clampDomain(s.timeDomain ?? openingDomainOf([trace]), extent);
  const until = Math.ceil(view[1] + (view[1] - view[0]) * PARTIAL_MARGIN);
  return until < trace.endTime / 2 ? until : undefined;
}

export function connectSimulation(store: AppStore, createWorker: () => WorkerLike): { client: SimClient; disconnect(): void } {
  let sent: Scenario | null = null;
  let sentId = 0;
  const events: SimClientEvents = {
    onPreview({ id, verdict }) {
      if (id !== sentId || !sent) return;
      store.getState().receivePreview(verdict, sent);
    },
    onResult({ id, trace, elapsedMs, partial }) {
      if (id !== sentId || !sent) return;
      const scenario = sent;
      const receive = (): void => {
        if (id !== sentId) return;
        const state = store.getState();
        state.clearNotices('model');
        if (trace.stopped) state.addNotice({ source: 'model', level: 'warning', text: humanizeTimes(trace.stopped.message) });
        state.receiveTrace(trace, scenario, elapsedMs, id, partial);
      };
      // The very first trace follows its verdict by a frame: the verdict is painted first, then the
      // panels (a first render of them all takes longer than the simulation did).
      if (store.getState().trace === null && store.getState().preview !== null) afterNextPaint(receive);
      else receive();
    },
    onWorlds({ traceId, worlds }) {
      store.getState().receiveWorlds(traceId, worlds);
    },
    onError(message, scheduleMismatch) {
      const state = store.getState();
      if (scheduleMismatch && sent?.schedule) {
        // Like any URL key that does not fit: drop it, say so, show the timed run.
        state.addNotice({ source: 'url', level: 'warning', text: `${message} Showing the timed run instead.` });
        state.loadScenario({ ...sent, schedule: null }, 'replace');
        return;
      }
      state.receiveError(message);
      state.addNotice({ source: 'worker', level: 'error', text: message });
    },
    onCrash(message, willRetry) {
      const state = store.getState();
      const text = willRetry
        ? `${message} A new worker was started and the scenario is being simulated again; your inputs are kept.`
        : `${message} It failed again, so the simulation is paused; change any input to retry.`;
      state.addNotice({ source: 'worker', level: 'error', text });
      if (!willRetry) state.receiveError(message);
    },
  };
  const client = createSimClient(createWorker, events);
  const run = (scenario: Scenario): void => {
    sent = scenario;
    sentId = client.run(scenario, partialUntil(store.getState()));
    store.getState().startRun();
  };
  run(store.getState().scenario);
  const askForWorlds = (state: ReturnType<AppStore['getState']>): void => {
    if (state.trace && state.traceId > 0) client.requestWorlds(state.traceId, state.cursor);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario && state.scenario !== sent) run(state.scenario);
    if (state.traceId !== previous.traceId || state.cursor !== previous.cursor) askForWorlds(state);
  });
  return {
    client,
    disconnect() {
      unsubscribe();
      client.dispose();
    },
  };
}
