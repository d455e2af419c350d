/// <reference lib="webworker" />
/** The schedule explorer's worker: a thin adapter around `handleExplore`. */
import { handleExplore } from './explore-handler';
import type { ExploreRequest } from './explore-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<ExploreRequest>) => {
  if (event.data.type !== 'explore') return;
  handleExplore(event.data, () => performance.now(), (reply) => self.postMessage(reply));
};
