/// <reference lib="webworker" />
/**
 * The worker: a thin adapter around the handler. Requests are coalesced:
 * while one is queued, a newer `simulate` replaces it, so a slider drag never
 * builds a backlog. Each simulation answers twice: the verdict at once (the
 * fast path), then the full trace, unless a newer request arrived meanwhile;
 * so on a big trace the verdict follows the pointer and the timeline catches
 * up when it pauses. A request with `until` (a big trace, shown only up to
 * there) also gets the steps up to `until` at once, as a partial trace, so
 * the part on screen follows the pointer too.
 */
import { createSimHandler, handlePreview } from './handler';
import { assertNever, type SimRequest, type SimResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

type Simulate = Extract<SimRequest, { type: 'simulate' }>;

const handler = createSimHandler();
const now = () => performance.now();
/**
 * After a partial trace, how long a newer request may take to come before
 * the whole trace is simulated: a slider moves in steps of 16 ms, so during
 * a drag the next input comes first, and the whole trace (which holds the
 * worker for tens of ms) waits until the slider rests.
 */
const SETTLE_AFTER_PARTIAL_MS = 60;
let queued: Simulate | null = null;
/** The newest `simulate` request received. */
let latestId = 0;
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
  if (preview.type !== 'preview') return;
  if (request.until !== undefined) {
    const { reply, transfer } = handler.partial(request.id, request.scenario, request.until, preview.verdict, now);
    post(reply, transfer);
    // The steps up to `until` were the whole trace (or the model failed, and said so): nothing follows.
    if (reply.type !== 'result' || reply.partial === undefined) return;
  }
  // Let newer requests in before the (possibly long) full simulation.
  setTimeout(
    () => {
      if (queued !== null) {
        schedule();
        return;
      }
      if (request.id !== latestId) return; // a newer one came, and was answered meanwhile
      const { reply, transfer } = handler.simulate(request.id, request.scenario, now);
      post(reply, transfer);
    },
    request.until === undefined ? 0 : SETTLE_AFTER_PARTIAL_MS,
  );
}

self.onmessage = (event: MessageEvent<SimRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'simulate':
      queued = request;
      latestId = request.id;
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
