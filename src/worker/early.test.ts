import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker: counts what was started, and can fail like a script that did not load. */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  terminated = false;
  constructor(readonly url: URL | string) {
    super();
    FakeWorker.started.push(this);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(): void {
    this.dispatchEvent(new Event('error'));
  }
}

/** A fresh copy of the module (its early worker is module state). */
const load = () => import('./early');

beforeEach(() => {
  FakeWorker.started = [];
  vi.resetModules();
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the simulation worker started early', () => {
  it('is handed to the client once; later the client gets none (it starts its own)', async () => {
    const early = await load();
    early.startSimWorkerEarly();
    early.startSimWorkerEarly();
    expect(FakeWorker.started).toHaveLength(1);
    expect(early.takeEarlySimWorker()).toBe(FakeWorker.started[0]);
    expect(early.takeEarlySimWorker()).toBeNull();
  });

  it('is not started once the client has asked (the app ran before the first script): no idle second worker', async () => {
    const early = await load();
    expect(early.takeEarlySimWorker()).toBeNull();
    early.startSimWorkerEarly();
    expect(FakeWorker.started).toHaveLength(0);
  });

  it('is not handed over when it failed before the client took it: it is ended, and the client starts one whose failure it sees', async () => {
    const early = await load();
    early.startSimWorkerEarly();
    const worker = FakeWorker.started[0]!;
    worker.fail();
    expect(early.takeEarlySimWorker()).toBeNull();
    expect(worker.terminated).toBe(true);
  });

  it('failing after the client took it is left to the client (not hidden here)', async () => {
    const early = await load();
    early.startSimWorkerEarly();
    const worker = early.takeEarlySimWorker() as unknown as FakeWorker;
    const seen = vi.fn();
    worker.addEventListener('error', seen);
    worker.fail();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(worker.terminated).toBe(false);
  });
});
