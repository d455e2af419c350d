import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { createSimHandler, handlePreview } from './handler';
import { createSimClient, type SimClientEvents, type WorkerLike } from './client';
import type { SimRequest, SimResponse } from './protocol';

/** A fake worker that answers when told to, so tests control the order of replies. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<SimResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly received: SimRequest[] = [];
  terminated = false;
  private readonly handler = createSimHandler();
  postMessage(message: SimRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  private reply(data: SimResponse): void {
    this.onmessage?.({ data } as MessageEvent<SimResponse>);
  }
  /** Answer request `index`: a simulation with its trace, or a worlds request. */
  answer(index: number): void {
    const request = this.received[index];
    if (request?.type === 'simulate') this.reply(this.handler.simulate(request.id, request.scenario, () => 0).reply);
    else if (request?.type === 'worlds') this.reply(this.handler.worlds(request.id, request.trace, request.step));
    else throw new Error('nothing to answer');
  }
  /** The steps up to `until` of simulate request `index`, as a partial trace. */
  partial(index: number): void {
    const request = this.received[index];
    if (request?.type !== 'simulate' || request.until === undefined) throw new Error('not a partial simulate request');
    const preview = handlePreview(request.id, request.scenario, () => 0);
    if (preview.type !== 'preview') throw new Error('no preview');
    this.reply(this.handler.partial(request.id, request.scenario, request.until, preview.verdict, () => 0).reply);
  }
  /** The fast-path verdict of simulate request `index`. */
  preview(index: number): void {
    const request = this.received[index];
    if (request?.type !== 'simulate') throw new Error('not a simulate request');
    this.reply(handlePreview(request.id, request.scenario, () => 0));
  }
  die(): void {
    this.onerror?.(new Event('error'));
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const events = { onResult: vi.fn(), onPreview: vi.fn(), onWorlds: vi.fn(), onError: vi.fn(), onCrash: vi.fn() } satisfies SimClientEvents;
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

  it('passes the fast-path verdict of the latest request on before its trace, and drops older ones', () => {
    const { client, workers, events } = setup();
    client.run(defaultScenario());
    const second = client.run({ ...defaultScenario(), fix: true });
    workers[0]!.preview(0);
    expect(events.onPreview).not.toHaveBeenCalled();
    workers[0]!.preview(2);
    expect(events.onPreview).toHaveBeenCalledWith(expect.objectContaining({ id: second, verdict: expect.objectContaining({ verdict: 'kept' }) }));
    expect(events.onResult).not.toHaveBeenCalled();
  });

  it('asks for the worlds around a step of a trace, and delivers only the latest answer', () => {
    const { client, workers, events } = setup();
    const traceId = client.run(defaultScenario());
    const w = workers[0]!;
    w.answer(0);
    client.requestWorlds(traceId, 3);
    client.requestWorlds(traceId, 3); // the same question is not asked twice
    client.requestWorlds(traceId, 5);
    expect(w.received.map((r) => r.type)).toEqual(['simulate', 'worlds', 'worlds']);
    w.answer(1);
    expect(events.onWorlds).not.toHaveBeenCalled();
    w.answer(2);
    expect(events.onWorlds).toHaveBeenCalledTimes(1);
    expect(events.onWorlds.mock.calls[0]![0]).toMatchObject({ traceId, worlds: { step: 5 } });
    // A worlds request for a trace the worker no longer holds is not a model error.
    client.requestWorlds(999, 0);
    w.answer(3);
    expect(events.onError).not.toHaveBeenCalled();
  });

  it('reports model errors of the latest request', () => {
    const { client, workers, events } = setup();
    client.run({ ...defaultScenario(), migDelay: -3 });
    workers[0]!.answer(0);
    expect(events.onError).toHaveBeenCalledWith(expect.stringMatching(/out of range/), false);
  });

  it('asks for the steps up to `until` first, delivers them as partial, and re-sends the request to a new worker if it dies before the rest', () => {
    const { client, workers, events } = setup();
    const big = { ...defaultScenario('production'), periodicRuns: 1000, period: 1000 };
    const id = client.run(big, 4000);
    const w = workers[0]!;
    expect(w.received[0]).toEqual({ type: 'simulate', id, scenario: big, until: 4000 });
    w.partial(0);
    expect(events.onResult).toHaveBeenCalledWith(expect.objectContaining({ id, partial: expect.objectContaining({ until: 4000 }) }));
    expect(events.onResult.mock.calls[0]![0].trace.steps.length).toBeLessThan(100);
    w.die();
    expect(events.onCrash).toHaveBeenCalledWith(expect.any(String), true);
    expect(workers[1]!.received[0]).toEqual({ type: 'simulate', id, scenario: big, until: 4000 });
    workers[1]!.answer(0);
    expect(events.onResult).toHaveBeenLastCalledWith(expect.objectContaining({ id, partial: null }));
  });
});
