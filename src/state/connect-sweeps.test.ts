import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { CELL } from '../sweep/cells';
import { defaultMapSpec } from '../sweep/map-spec';
import { evaluateMap } from '../sweep/map-run';
import type { SweepRequest } from '../worker/sweep-protocol';
import { fakeWorkers } from '../worker/test-sweep-workers';
import { connectSweeps, throttled } from './connect-sweeps';
import { createAppStore } from './store';

const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(done()).toBe(true);
};

function setup(res = 12, progressMs = 0) {
  const store = createAppStore();
  store.getState().loadMapSpec({ ...defaultMapSpec(), res });
  const workers = fakeWorkers(true);
  const connection = connectSweeps(store, { createWorker: workers.createWorker, size: 2, settleMs: 20, progressMs, warmUpRuns: 0 });
  const requests = (): SweepRequest[] => workers.sent;
  return { store, workers, connection, requests };
}

describe('throttled progress', () => {
  it('publishes the first request at once, folds the next ones into one at the end of the wait, and can be cancelled', () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const published: number[] = [];
      const progress = throttled(100, () => clock, () => published.push(clock));
      progress.request();
      expect(published).toEqual([0]);
      clock = 30;
      progress.request();
      clock = 60;
      progress.request();
      expect(published).toEqual([0]);
      clock = 100;
      vi.advanceTimersByTime(100);
      expect(published).toEqual([0, 100]);
      // A request long after the last publish goes out at once again.
      clock = 500;
      progress.request();
      expect(published).toEqual([0, 100, 500]);
      clock = 510;
      progress.request();
      progress.cancel();
      vi.advanceTimersByTime(1000);
      expect(published).toEqual([0, 100, 500]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('sweeps wired to the store', () => {
  it('tells the screen of a running map at most every progressMs, and of its last cells at once', async () => {
    const { store, connection, workers } = setup(40, 60_000);
    const seen: { status: string; computed: number }[] = [];
    store.subscribe((state, previous) => {
      if (state.raceMap !== previous.raceMap && state.raceMap) seen.push({ status: state.raceMap.status, computed: state.raceMap.computed });
    });
    await until(() => store.getState().raceMap?.status === 'done');
    const tasks = workers.sent.filter((r) => r.type === 'map-cells').length;
    expect(tasks).toBeGreaterThan(2);
    // The first task's cells, then nothing until the map is done: not one update per task.
    expect(seen.map((s) => s.status)).toEqual(['running', 'done']);
    expect(seen[0]!.computed).toBeGreaterThan(0);
    expect(seen[1]!.computed).toBe(1600);
    expect([...store.getState().raceMap!.cells]).toEqual([...evaluateMap(defaultScenario(), { ...defaultMapSpec(), res: 40 })]);
    connection.disconnect();
  });

  it('fills the race map, the nearest flip and the odds', async () => {
    const { store, connection } = setup();
    await until(() => store.getState().raceMap?.status === 'done' && store.getState().flips?.status === 'done' && store.getState().odds?.status === 'done');
    const { raceMap, flips, odds } = store.getState();
    expect([...raceMap!.cells]).toEqual([...evaluateMap(defaultScenario(), { ...defaultMapSpec(), res: 12 })]);
    expect(raceMap!.computed).toBe(144);
    expect(raceMap!.lost).toBe([...raceMap!.cells].filter((c) => c === CELL.lost).length);
    expect(flips!.report!.flips[0]).toMatchObject({ key: 'spawn', delta: -50 });
    expect(odds!.tally).toMatchObject({ runs: 1000, lost: 1000 });
    connection.disconnect();
  });

  it('cancels a map when its inputs change: no more of its tasks, none of its cells', async () => {
    const { store, connection, requests } = setup(30);
    await until(() => (store.getState().raceMap?.computed ?? 0) > 0);
    const before = requests().length;
    store.getState().setFix(true);
    const after = requests().slice(before).filter((r) => r.type === 'map-cells');
    await until(() => store.getState().raceMap?.status === 'done');
    expect(after.every((r) => r.scenario.fix)).toBe(true);
    expect(requests().slice(before).filter((r) => r.type === 'map-cells' && !r.scenario.fix)).toEqual([]);
    const { raceMap } = store.getState();
    expect(raceMap!.scenario.fix).toBe(true);
    expect(raceMap!.lost).toBe(0);
    expect([...raceMap!.cells]).toEqual([...evaluateMap({ ...defaultScenario(), fix: true }, { ...defaultMapSpec(), res: 30 })]);
    connection.disconnect();
  });

  it('keeps the map when an axis key moves (only the marker moves), and shows a map seen before at once', async () => {
    const { store, connection, requests } = setup();
    await until(() => store.getState().raceMap?.status === 'done');
    const map = store.getState().raceMap;
    const sent = requests().filter((r) => r.type === 'map-cells').length;
    store.getState().setParams({ dropDelay: 400, migDelay: 900 });
    expect(store.getState().raceMap).toBe(map);
    store.getState().setParam('spawn', 60);
    expect(store.getState().raceMap?.status).toBe('running');
    store.getState().setParam('spawn', 50);
    expect(store.getState().raceMap?.status).toBe('done');
    expect([...store.getState().raceMap!.cells]).toEqual([...map!.cells]);
    await until(() => store.getState().flips?.status === 'done');
    expect(requests().filter((r) => r.type === 'map-cells' && r.scenario.spawn === 50).length).toBe(sent);
    connection.disconnect();
  });

  it('waits for a dragged slider to settle before starting new sweeps', async () => {
    const { store, connection, requests } = setup();
    await until(() => store.getState().raceMap?.status === 'done' && store.getState().odds?.status === 'done' && store.getState().flips?.status === 'done');
    const before = requests().length;
    for (const spawn of [60, 70, 80]) store.getState().setParam('spawn', spawn, { transient: true });
    expect(store.getState().raceMap).toMatchObject({ status: 'running', computed: 0 });
    expect(requests().length).toBe(before);
    await until(() => store.getState().raceMap?.status === 'done');
    expect(requests().slice(before).every((r) => r.scenario.spawn === 80)).toBe(true);
    connection.disconnect();
  });

  it('tells the user when a sweep worker dies, and finishes the map on a new one', async () => {
    const { store, connection, workers } = setup();
    workers.created[0]!.die('out of memory');
    await until(() => store.getState().raceMap?.status === 'done');
    expect(store.getState().raceMap!.computed).toBe(144);
    expect(store.getState().notices.map((n) => n.text)).toContain(
      'A sweep worker stopped: out of memory. A new one was started and its part of the sweep runs again.',
    );
    connection.disconnect();
  });

  it("pauses during a drag and leaves a core to the timeline's simulation while it runs", async () => {
    const store = createAppStore();
    const workers = fakeWorkers(false);
    const connection = connectSweeps(store, { createWorker: workers.createWorker, size: 2, settleMs: 20, warmUpRuns: 0 });
    expect(store.getState().runStatus).toBe('running');
    expect(workers.created).toHaveLength(1);
    store.setState({ runStatus: 'ready' });
    expect(workers.created).toHaveLength(2);
    while (workers.created.some((w) => w.deliver()));
    const sent = workers.sent.length;
    store.getState().setParam('migDelay', 1500, { transient: true });
    while (workers.created.some((w) => w.deliver()));
    expect(workers.sent.length).toBe(sent);
    await until(() => workers.sent.length > sent);
    connection.disconnect();
  });

  it('pauses while a zoom or pan gesture moves a big trace, and goes on when it ends', () => {
    const store = createAppStore();
    store.getState().loadMapSpec({ ...defaultMapSpec(), res: 12 });
    const workers = fakeWorkers(false);
    const connection = connectSweeps(store, { createWorker: workers.createWorker, size: 2, settleMs: 20, warmUpRuns: 0 });
    store.setState({ runStatus: 'ready' });
    for (const w of workers.created) w.deliver();
    expect(workers.sent.length).toBeGreaterThan(0);
    store.getState().setTimelineGesture(true);
    // The tasks already sent finish; no new ones start, so the map stays unfinished.
    while (workers.created.some((w) => w.deliver()));
    expect(store.getState().raceMap?.status).toBe('running');
    const paused = workers.sent.length;
    store.getState().setTimelineGesture(false);
    expect(workers.sent.length).toBeGreaterThan(paused);
    connection.disconnect();
  });

  it('warms the workers up once, only while no sweep has a task for them, and says when it is over', () => {
    const store = createAppStore();
    store.getState().loadMapSpec({ ...defaultMapSpec(), res: 10 });
    const workers = fakeWorkers(false);
    const connection = connectSweeps(store, { createWorker: workers.createWorker, size: 2, settleMs: 20, warmUpRuns: 300 });
    store.setState({ runStatus: 'ready' });
    const kinds = (): string[] => workers.sent.map((r) => r.type);
    const deliverAll = (): void => {
      while (workers.created.some((w) => w.deliver()));
    };
    // The page's first sweeps go out first; the warm-up fills the workers once they have none left.
    const firstWarmUp = (): number => kinds().indexOf('warm-up');
    for (let k = 0; k < 200 && firstWarmUp() < 0; k++) workers.created.forEach((w) => w.deliver());
    expect(firstWarmUp()).toBeGreaterThan(0);
    expect(kinds().slice(firstWarmUp()).every((kind) => kind === 'warm-up')).toBe(true);
    expect(store.getState().raceMap?.status).toBe('done');
    expect(store.getState().sweepsWarm).toBe(false);
    // A new input during the warm-up: its tasks go out before any further warm-up task.
    const before = workers.sent.length;
    store.getState().setParam('spawn', 70);
    workers.created.forEach((w) => w.deliver());
    expect(kinds().slice(before, before + 2)).not.toContain('warm-up');
    deliverAll();
    expect(store.getState().raceMap).toMatchObject({ status: 'done', computed: 100 });
    expect(store.getState().sweepsWarm).toBe(true);
    const warmUpRuns = workers.sent.reduce((sum, r) => sum + (r.type === 'warm-up' ? r.runs : 0), 0);
    expect(warmUpRuns).toBe(600);
    // Once only: more inputs start no new warm-up.
    const sent = workers.sent.length;
    store.getState().setParam('spawn', 80);
    deliverAll();
    expect(kinds().slice(sent)).not.toContain('warm-up');
    connection.disconnect();
  });

  it('marks the workers warm at once when there is no warm-up', () => {
    const store = createAppStore();
    const connection = connectSweeps(store, { createWorker: fakeWorkers(false).createWorker, size: 2, warmUpRuns: 0 });
    expect(store.getState().sweepsWarm).toBe(true);
    connection.disconnect();
  });

  it('drops a cancelled sweep\'s waiting progress: going back to its inputs starts clean', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore();
      store.getState().loadMapSpec({ ...defaultMapSpec(), res: 30 });
      store.getState().setParam('jitter', 300);
      const workers = fakeWorkers(false);
      const connection = connectSweeps(store, { createWorker: workers.createWorker, size: 1, progressMs: 60_000, warmUpRuns: 0 });
      store.setState({ runStatus: 'ready' });
      // Two map tasks and an odds task in: the first of each shown at once, the others wait for the throttle.
      for (let k = 0; k < 6; k++) workers.created[0]!.deliver();
      expect(store.getState().raceMap!.computed).toBeGreaterThan(0);
      const spawn = store.getState().scenario.spawn;
      store.getState().setParam('spawn', spawn + 10);
      store.getState().setParam('spawn', spawn);
      expect(store.getState().raceMap).toMatchObject({ status: 'running', computed: 0 });
      expect(store.getState().odds!.tally.runs).toBe(0);
      vi.advanceTimersByTime(120_000);
      // Nothing of the old sweeps lands on the new ones.
      expect(store.getState().raceMap).toMatchObject({ status: 'running', computed: 0 });
      expect(store.getState().odds!.tally.runs).toBe(0);
      connection.disconnect();
    } finally {
      vi.useRealTimers();
    }
  });
});
