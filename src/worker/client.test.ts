import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { handleSimulate } from './handler';
import { createSimClient, type SimClientEvents, type WorkerLike } from './client';
import type { SimRequest, SimResponse } from './protocol';

/** A fake worker that answers when told to, so tests control the order of replies. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<SimResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly received: SimRequest[] = [];
  terminated = false;
  postMessage(message: SimRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(index: number): void {
    const request = this.received[index];
    if (request?.type !== 'simulate') throw new Error('not a simulate request');
    this.onmessage?.({ data: handleSimulate(request.id, request.scenario, () => 0) } as MessageEvent<SimResponse>);
  }
  die(): void {
    this.onerror?.(new Event('error'));
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const events = { onResult: vi.fn(), onError: vi.fn(), onCrash: vi.fn() } satisfies SimClientEvents;
  const client = createSimClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, events);
  return { client, workers, events };
}

describe('sim client', () => {
  it('delivers only the latest request: older replies are dropped, older queued ones cancelled', () => {
    const { client, workers, events } = setup();
    client.run(defaultScenario());
    const second = client.run({ ...defaultScenario(), fix: true });
    const w = workers[0]!;
    expect(w.received.map((r) => r.type)).toEqual(['simulate', 'cancel', 'simulate']);
    w.answer(0);
    expect(events.onResult).not.toHaveBeenCalled();
    w.answer(2);
    expect(events.onResult).toHaveBeenCalledTimes(1);
    expect(events.onResult.mock.calls[0]![0].id).toBe(second);
    expect(events.onResult.mock.calls[0]![0].trace.verdict.bugReproduced).toBe(false);
  });

  it('replaces a dead worker and re-sends the latest request', () => {
    const { client, workers, events } = setup();
    const id = client.run(defaultScenario());
    workers[0]!.die();
    expect(workers[0]!.terminated).toBe(true);
    expect(events.onCrash).toHaveBeenCalledWith(expect.stringMatching(/stopped/), true);
    expect(workers[1]!.received).toEqual([{ type: 'simulate', id, scenario: defaultScenario() }]);
    workers[1]!.answer(0);
    expect(events.onResult).toHaveBeenCalledTimes(1);
  });

  it('re-runs the current scenario after a requested crash even if it was answered', () => {
    const { client, workers, events } = setup();
    client.run(defaultScenario());
    workers[0]!.answer(0);
    client.crash();
    expect(workers[0]!.received.at(-1)?.type).toBe('crash');
    workers[0]!.die();
    expect(events.onCrash).toHaveBeenCalledWith(expect.any(String), true);
    workers[1]!.answer(0);
    expect(events.onResult).toHaveBeenCalledTimes(2);
  });

  it('gives up after repeated crashes without a result', () => {
    const { client, workers, events } = setup();
    client.run(defaultScenario());
    for (let i = 0; i < 4; i++) workers[i]!.die();
    expect(events.onCrash.mock.calls.map((c) => c[1])).toEqual([true, true, true, false]);
    expect(workers).toHaveLength(4);
  });

  it('reports model errors of the latest request', () => {
    const { client, workers, events } = setup();
    client.run({ ...defaultScenario(), migDelay: -3 });
    workers[0]!.answer(0);
    expect(events.onError).toHaveBeenCalledWith(expect.stringMatching(/out of range/));
  });
});
