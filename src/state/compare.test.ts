import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { createSimHandler } from '../worker/handler';
import type { WorkerLike } from '../worker/client';
import type { SimRequest, SimResponse } from '../worker/protocol';
import { otherVariant } from './compare-slice';
import { connectComparison } from './connect-comparison';
import { selectIsIdle, selectSimStatus } from './selectors';
import { createAppStore } from './store';

/** A worker that answers each simulate request in a microtask (as a real one, after `run` returns), and counts them. */
function instantWorkers() {
  const requests: SimRequest[] = [];
  const create = (): WorkerLike => {
    const handler = createSimHandler();
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(message) {
        requests.push(message);
        if (message.type !== 'simulate') return;
        const reply: SimResponse = handler.simulate(message.id, message.scenario, () => 0).reply;
        queueMicrotask(() => worker.onmessage?.({ data: reply } as MessageEvent<SimResponse>));
      },
      terminate() {},
    };
    return worker;
  };
  return { create, requests };
}

function storeWithTrace() {
  const store = createAppStore();
  const scenario = defaultScenario();
  store.getState().loadScenario(scenario, 'replace');
  store.getState().receiveTrace(simulate(scenario), scenario, 0);
  return store;
}

describe('compare', () => {
  it('the other variant is the same scenario with the fix flipped', () => {
    expect(otherVariant(defaultScenario())).toEqual({ ...defaultScenario(), fix: true });
  });

  it('simulates the other variant on a second client while compare is on, and only then', async () => {
    const store = storeWithTrace();
    const workers = instantWorkers();
    connectComparison(store, workers.create);
    expect(workers.requests).toEqual([]);
    expect(selectIsIdle(store.getState())).toBe(true);

    store.getState().setCompare(true);
    expect(store.history.take()).toBe('push');
    await Promise.resolve();
    const { compareTrace, compareFor, scenario } = store.getState();
    expect(compareFor).toBe(scenario);
    expect(compareTrace?.traceHash).toBe(simulate(otherVariant(scenario)).traceHash);
    expect(compareTrace?.verdict.bugReproduced).toBe(false);

    // A new scenario: the comparison is pending until its own trace arrives.
    store.getState().setParam('migDelay', 500);
    expect(workers.requests.filter((r) => r.type === 'simulate')).toHaveLength(2);
    expect(selectIsIdle(store.getState())).toBe(false);
    await Promise.resolve();
    expect(store.getState().compareFor).toBe(store.getState().scenario);

    store.getState().setCompare(false);
    expect(store.getState().compareTrace).toBeNull();
    store.getState().setParam('migDelay', 600);
    expect(workers.requests.filter((r) => r.type === 'simulate')).toHaveLength(2);
  });

  it('is not idle while the compared trace is missing', () => {
    const store = storeWithTrace();
    store.getState().setCompare(true);
    expect(selectIsIdle(store.getState())).toBe(false);
    expect(selectSimStatus(store.getState())).toBe('running');
    store.getState().receiveCompareTrace(simulate(otherVariant(store.getState().scenario)), store.getState().scenario);
    expect(selectIsIdle(store.getState())).toBe(true);
    expect(selectSimStatus(store.getState())).toBe('ready');
    store.getState().receiveError('boom');
    expect(selectSimStatus(store.getState())).toBe('error');
  });
});
