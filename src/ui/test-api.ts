/**
 * `window.racelab`: a small, typed handle for end-to-end tests and for
 * curious users in the console. It reads state and can crash the worker (to
 * exercise recovery); it cannot run script from the URL.
 */
import { selectIsIdle, selectWorldsCurrent } from '../state/selectors';
import type { AppStore } from '../state/store';

export interface RacelabTestApi {
  /** The current state (scenario, trace, cursor, notices...). */
  state(): ReturnType<AppStore['getState']>;
  /** Resolves when the trace on screen (and the compared one, while comparing) belongs to the scenario on screen, and the panels show the cursor's step. */
  whenIdle(): Promise<void>;
  /** Kill the simulation worker with an uncaught error. */
  crashWorker(): void;
}

declare global {
  interface Window {
    racelab?: RacelabTestApi;
  }
}

export function installTestApi(store: AppStore, crashWorker: () => void): void {
  const idle = (): boolean => {
    const s = store.getState();
    const stepShown = s.trace !== null && (s.trace.steps.length === 0 || selectWorldsCurrent(s));
    return selectIsIdle(s) && stepShown;
  };
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
    crashWorker,
  };
}
