/**
 * Wires the explorer's state to its worker: a request starts an
 * exploration of the scenario on screen (replacing any running one), a
 * cancel terminates it.
 */
import { createExploreClient, type ExplorerWorkerLike } from '../worker/explore-client';
import type { AppStore } from './store';

/** Per variant: at most this many schedules, or this many seconds. */
export const EXPLORE_BUDGET = { maxSchedules: 200_000, seconds: 20 } as const;

export function connectExplorer(store: AppStore, createWorker: () => ExplorerWorkerLike): () => void {
  const client = createExploreClient(createWorker, {
    onProgress: (variant, schedules) => store.getState().receiveExploreProgress(variant, schedules),
    onVariant: (variant, result, elapsedMs) => store.getState().receiveExploreResult(variant, { result, elapsedMs }),
    onError: (message) => store.getState().receiveExploreError(message),
  });
  return store.subscribe((state, previous) => {
    const now = state.exploration;
    const before = previous.exploration;
    if (now.requested !== before.requested && now.status === 'running') {
      client.start({ ...state.scenario, schedule: null }, EXPLORE_BUDGET);
    } else if (before.status === 'running' && now.status !== 'running' && now.status !== 'done') {
      client.cancel();
    }
  });
}
