/**
 * The main-thread side of the explorer: one exploration at a time, in a
 * worker of its own (so simulations never wait for it); a new one or a
 * cancel terminates the old worker at once.
 */
import type { Scenario } from '../model';
import type { ScenarioExploration } from '../model/explore/scenario-explorer';
import type { ExploreRequest, ExploreResponse, Variant } from './explore-protocol';

export interface ExploreEvents {
  onProgress(variant: Variant, schedules: number): void;
  onVariant(variant: Variant, result: ScenarioExploration, elapsedMs: number): void;
  onError(message: string): void;
}

export interface ExplorerWorkerLike {
  postMessage(message: ExploreRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ExploreResponse>) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
}

export interface ExploreClient {
  start(scenario: Scenario, budget: { maxSchedules: number; seconds: number }): void;
  cancel(): void;
}

export function createExploreClient(createWorker: () => ExplorerWorkerLike, events: ExploreEvents): ExploreClient {
  let worker: ExplorerWorkerLike | null = null;
  let nextId = 1;
  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };
  return {
    start(scenario, budget) {
      stop();
      const id = nextId++;
      const w = createWorker();
      worker = w;
      w.onmessage = (event) => {
        const reply = event.data;
        if (reply.id !== id || worker !== w) return;
        switch (reply.type) {
          case 'progress':
            events.onProgress(reply.variant, reply.schedules);
            return;
          case 'variant-done':
            events.onVariant(reply.variant, reply.result, reply.elapsedMs);
            if (reply.variant === 'fixed') stop();
            return;
          case 'error':
            stop();
            events.onError(reply.message);
            return;
        }
      };
      w.onerror = (event) => {
        if ('preventDefault' in event) event.preventDefault();
        if (worker !== w) return;
        stop();
        events.onError("The explorer's worker stopped.");
      };
      w.postMessage({ type: 'explore', id, scenario, ...budget });
    },
    cancel: stop,
  };
}

export function createBrowserExplorerWorker(): ExplorerWorkerLike {
  return new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module', name: 'racelab-explore' }) as unknown as ExplorerWorkerLike;
}
