/// <reference lib="webworker" />
/**
 * The worker: a thin adapter around `handleSimulate`. Requests are coalesced:
 * while one is queued, a newer `simulate` replaces it, so a slider drag never
 * builds a backlog.
 */
import { handleSimulate } from './handler';
import { assertNever, type SimRequest, type SimResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let queued: Extract<SimRequest, { type: 'simulate' }> | null = null;
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  const request = queued;
  queued = null;
  if (!request) return;
  const reply: SimResponse = handleSimulate(request.id, request.scenario, () => performance.now());
  self.postMessage(reply);
}

self.onmessage = (event: MessageEvent<SimRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'simulate':
      queued = request;
      if (!flushScheduled) {
        flushScheduled = true;
        setTimeout(flush, 0);
      }
      return;
    case 'cancel':
      if (queued?.id === request.id) queued = null;
      return;
    case 'crash':
      setTimeout(() => {
        throw new Error('the simulation worker was asked to crash');
      }, 0);
      return;
    default:
      assertNever(request);
  }
};
