/**
 * The simulation worker, started by the page's first, tiny script
 * (src/boot.ts) while the app's bundle is still loading: a worker takes
 * about 100 ms to start (a thread, its script fetched and compiled), and
 * longer while the page's own start-up keeps the main thread busy. Started
 * first, that time overlaps the app's start-up, and the first verdict comes
 * sooner. The client takes it when it is created, and makes new ones itself.
 *
 * The client's crash handling (a dead worker replaced, then a message) sees
 * only what happens after it takes the worker: a worker that failed before
 * (its script did not load, it threw at start) is not handed over, so the
 * client starts a fresh one and that one's failure reaches it.
 */

/** Something that behaves like the simulation worker (the client's WorkerLike, without importing the client here). */
type SimWorker = Worker;

let early: { worker: SimWorker; failed: boolean; onError: () => void } | null = null;
/** The client has asked (the app's bundle ran first): a worker started now would be one too many. */
let taken = false;

/** A new simulation worker, bundled by Vite as an ES module worker. */
export function newSimWorker(): SimWorker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'racelab-sim' });
}

/** Start the worker now; the client takes it later. Does nothing once the client has asked. */
export function startSimWorkerEarly(): void {
  if (taken || early) return;
  const worker = newSimWorker();
  const state = {
    worker,
    failed: false,
    onError: () => {
      state.failed = true;
    },
  };
  worker.addEventListener('error', state.onError);
  worker.addEventListener('messageerror', state.onError);
  early = state;
}

/** The worker started early, once, if it is still alive (else `null`: the client starts its own). */
export function takeEarlySimWorker(): SimWorker | null {
  taken = true;
  const state = early;
  early = null;
  if (!state) return null;
  state.worker.removeEventListener('error', state.onError);
  state.worker.removeEventListener('messageerror', state.onError);
  if (!state.failed) return state.worker;
  state.worker.terminate();
  return null;
}
