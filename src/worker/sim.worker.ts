/// <reference lib="webworker" />
/**
 * The worker: a thin adapter around the handler. Requests are coalesced:
 * while one is queued, a newer `simulate` replaces it, so a slider drag never
 * builds a backlog. Each simulation answers twice: the verdict at once (the
 * fast path), then the full trace, unless a newer request arrived meanwhile;
 * so on a big trace the verdict follows the pointer and the timeline catches
 * up when it pauses.
 */
import { createSimHandler, handlePreview } from './handler';
import { assertNever, type SimRequest, type SimResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

type Simulate = Extract<SimRequest, { type: 'simulate' }>;

const handler = createSimHandler();
const now = () => performance.now();
let queued: Simulate | null = null;
let flushScheduled = false;

function post(reply: SimResponse, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function schedule(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  setTimeout(flush, 0);
}

function flush(): void {
  flushScheduled = false;
  const request = queued;
  queued = null;
  if (!request) return;
  const preview = handlePreview(request.id, request.scenario, now);
  post(preview);
  if (preview.type === 'error') return;
  // Let newer requests in before the (possibly long) full simulation.
  setTimeout(() => {
    if (queued !== null) {
      schedule();
      return;
    }
    const { reply, transfer } = handler.simulate(request.id, request.scenario, now);
    post(reply, transfer);
  }, 0);
}

self.onmessage = (event: MessageEvent<SimRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'simulate':
      queued = request;
      schedule();
      return;
    case 'cancel':
      if (queued?.id === request.id) queued = null;
      return;
    case 'worlds':
      post(handler.worlds(request.id, request.trace, request.step));
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
