/**
 * Wires the store to the worker client: every scenario change is simulated
 * (latest wins), results and failures land in the store.
 */
import type { Scenario } from '../model/scenario';
import type { SimClient, SimClientEvents, WorkerLike } from '../worker/client';
import { humanizeTimes } from '../view/time-format';
import { createSimClient } from '../worker/client';
import type { AppStore } from './store';

export function connectSimulation(store: AppStore, createWorker: () => WorkerLike): { client: SimClient; disconnect(): void } {
  let sent: Scenario | null = null;
  let sentId = 0;
  const events: SimClientEvents = {
    onResult({ id, trace, elapsedMs }) {
      if (id !== sentId || !sent) return;
      const state = store.getState();
      state.clearNotices('model');
      if (trace.stopped) state.addNotice({ source: 'model', level: 'warning', text: humanizeTimes(trace.stopped.message) });
      state.receiveTrace(trace, sent, elapsedMs);
    },
    onError(message) {
      const state = store.getState();
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
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario && state.scenario !== sent) run(state.scenario);
  });
  return {
    client,
    disconnect() {
      unsubscribe();
      client.dispose();
    },
  };
}
