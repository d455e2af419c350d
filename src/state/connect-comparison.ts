/**
 * The second simulation for the side-by-side view: a second instance of the
 * same sim client (same worker protocol, its own worker), fed the scenario on
 * screen with the fix flipped whenever compare is on and the scenario
 * changes. Nothing here knows about the first client, so it can move onto
 * another transport as it is.
 */
import type { Scenario } from '../model';
import type { SimClient, WorkerLike } from '../worker/client';
import { createSimClient } from '../worker/client';
import { otherVariant } from './compare-slice';
import type { AppStore } from './store';

export function connectComparison(store: AppStore, createWorker: () => WorkerLike): { disconnect(): void } {
  let client: SimClient | null = null;
  /** The scenario on screen the latest request was for, and that request's id. */
  let sentFor: Scenario | null = null;
  let sentId = 0;
  const ensureClient = (): SimClient => {
    client ??= createSimClient(createWorker, {
      onResult({ id, trace }) {
        if (id === sentId && sentFor) store.getState().receiveCompareTrace(trace, sentFor);
      },
      onError(message) {
        store.getState().receiveCompareError(message, sentFor);
      },
      onCrash(message, willRetry) {
        if (!willRetry) store.getState().receiveCompareError(message, sentFor);
      },
    });
    return client;
  };
  const sync = (): void => {
    const { compare, scenario } = store.getState();
    if (!compare) {
      sentFor = null;
      return;
    }
    if (sentFor === scenario) return;
    sentFor = scenario;
    sentId = ensureClient().run(otherVariant(scenario));
  };
  sync();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.compare !== previous.compare || state.scenario !== previous.scenario) sync();
  });
  return {
    disconnect() {
      unsubscribe();
      client?.dispose();
    },
  };
}
