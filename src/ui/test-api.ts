/**
 * `window.racelab`: a small, typed handle for end-to-end tests and for
 * curious users in the console. It reads state and can crash the worker (to
 * exercise recovery); it cannot run script from the URL.
 */
import { selectIsIdle } from '../state/selectors';
import type { AppStore } from '../state/store';
import type { SimClient } from '../worker/client';

export interface RacelabTestApi {
  /** The current state (scenario, trace, cursor, notices...). */
  state(): ReturnType<AppStore['getState']>;
  /** Resolves when the trace on screen (and the compared one, while comparing) belongs to the scenario on screen. */
  whenIdle(): Promise<void>;
  /** Kill the simulation worker with an uncaught error. */
  crashWorker(): void;
}

declare global {
  interface Window {
    racelab?: RacelabTestApi;
  }
}

export function installTestApi(store: AppStore, client: SimClient): void {
  const idle = (): boolean => selectIsIdle(store.getState());
  window.racelab = {
    state: () => store.getState(),
    whenIdle: () =>
      new Promise<void>((resolve) => {
        if (idle()) return resolve();
        const unsubscribe = store.subscribe(() => {
          if (!idle()) return;
          unsubscribe();
          resolve();
        });
      }),
    crashWorker: () => client.crash(),
  };
}
