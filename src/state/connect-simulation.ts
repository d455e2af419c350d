/**
 * Wires the store to the worker client: every scenario change is simulated
 * (latest wins), its verdict and then its trace land in the store, and
 * whenever the trace or the cursor changes the worlds around the cursor's
 * step are asked for.
 */
import type { Scenario } from '../model';
import type { SimClient, SimClientEvents, WorkerLike } from '../worker/client';
import { humanizeTimes } from '../view/time-format';
import { createSimClient } from '../worker/client';
import type { AppStore } from './store';

export function connectSimulation(store: AppStore, createWorker: () => WorkerLike): { client: SimClient; disconnect(): void } {
  let sent: Scenario | null = null;
  let sentId = 0;
  const events: SimClientEvents = {
    onPreview({ id, verdict }) {
      if (id !== sentId || !sent) return;
      store.getState().receivePreview(verdict, sent);
    },
    onResult({ id, trace, elapsedMs }) {
      if (id !== sentId || !sent) return;
      const state = store.getState();
      state.clearNotices('model');
      if (trace.stopped) state.addNotice({ source: 'model', level: 'warning', text: humanizeTimes(trace.stopped.message) });
      state.receiveTrace(trace, sent, elapsedMs, id);
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
    sentId = client.run(scenario);
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
