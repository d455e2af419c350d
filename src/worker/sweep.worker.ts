/// <reference lib="webworker" />
/**
 * A sweep worker: a thin adapter around `handleSweep`. The pool gives each
 * worker one task at a time, so there is no queue here; map cells go back as
 * a transferred buffer, not a copy.
 */
import { handleSweep } from './sweep-handler';
import type { SweepRequest } from './sweep-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<SweepRequest>) => {
  const reply = handleSweep(event.data, () => performance.now());
  const transfer = reply.type === 'done' && reply.result.type === 'map-cells' ? [reply.result.cells.buffer as ArrayBuffer] : [];
  self.postMessage(reply, transfer);
};
