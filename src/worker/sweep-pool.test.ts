import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { defaultMapSpec } from '../sweep/map-spec';
import { evaluateCells } from '../sweep/map-run';
import type { SweepResult, SweepTask } from './sweep-protocol';
import { createSweepPool, type JobSource, poolSize } from './sweep-pool';
import { fakeWorkers } from './test-sweep-workers';

const spec = { ...defaultMapSpec(), res: 10 };
const scenario = defaultScenario();

/** A job of `count` map tasks of one row each, recording what comes back. */
function rowsJob(count: number, expectedMs: number | null = null) {
  const results: { start: number; cells: number[] }[] = [];
  const log: string[] = [];
  let handed = 0;
  const source: JobSource = {
    next: () => {
      if (handed >= count) return null;
      const start = handed++ * spec.res;
      const task: SweepTask = { type: 'map-cells', scenario, spec, start, end: start + spec.res };
      return { task, expectedMs };
    },
    onResult: (result: SweepResult) => {
      if (result.type === 'map-cells') results.push({ start: result.start, cells: [...result.cells] });
    },
    onDone: () => log.push('done'),
    onError: (message) => log.push(`error: ${message}`),
  };
  return { source, results, log, handedOut: () => handed };
}

describe('sweep pool', () => {
  it('sizes itself to the cores, within reason', () => {
    expect(poolSize(2)).toBe(2);
    expect(poolSize(undefined)).toBe(2);
    expect(poolSize(0)).toBe(1);
    expect(poolSize(64)).toBe(8);
  });

  it('spreads a job over its workers, one task each at a time, and finishes it', () => {
    const workers = fakeWorkers();
    const pool = createSweepPool({ createWorker: workers.createWorker, size: 2 });
    const job = rowsJob(5);
    pool.start(job.source);
    expect(workers.created).toHaveLength(2);
    expect(workers.created.map((w) => w.received.length)).toEqual([1, 1]);
    while (workers.created.some((w) => w.deliver()));
    expect(job.log).toEqual(['done']);
    const cells = job.results.sort((a, b) => a.start - b.start).flatMap((r) => r.cells);
    expect(cells).toEqual([...evaluateCells(scenario, spec, 0, 50)]);
  });

  it('takes turns between running jobs', () => {
    const workers = fakeWorkers();
    const pool = createSweepPool({ createWorker: workers.createWorker, size: 1 });
    const a = rowsJob(3);
    const b = rowsJob(3);
    pool.start(a.source);
    pool.start(b.source);
    const order: string[] = [];
    for (let k = 0; k < 6; k++) {
      order.push(a.handedOut() > b.handedOut() ? 'a' : 'b');
      workers.created[0]!.deliver();
    }
    expect(a.log).toEqual(['done']);
    expect(b.log).toEqual(['done']);
    expect(order.join('')).toBe('ababab');
  });

  it('cancels at once: no more tasks, late replies dropped, a busy worker replaced', () => {
    let clock = 0;
    const workers = fakeWorkers();
    const pool = createSweepPool({ createWorker: workers.createWorker, size: 2, now: () => clock, killAfterMs: 30 });
    const old = rowsJob(10, 5); // tasks expected to take 5 ms
    const handle = pool.start(old.source);
    const [first, second] = workers.created;
    first!.deliver(); // one result in, the next task sent
    clock = 2;
    handle.cancel();
    // Both workers were due to finish within 30 ms, so they were kept; their replies are dropped.
    expect(workers.live()).toHaveLength(2);
    first!.deliver();
    second!.deliver();
    expect(old.results).toHaveLength(1);
    expect(old.handedOut()).toBe(3);
    expect(old.log).toEqual([]);

    // A task whose length is unknown is not waited for: its worker is terminated and replaced.
    const slow = rowsJob(10, null);
    const slowHandle = pool.start(slow.source);
    const next = rowsJob(1);
    slowHandle.cancel();
    expect(workers.created.filter((w) => w.terminated)).toHaveLength(2);
    pool.start(next.source);
    expect(workers.live()).toHaveLength(1);
    workers.live()[0]!.deliver();
    expect(next.log).toEqual(['done']);
    expect(slow.results).toEqual([]);
  });

  it('replaces a dead worker and runs its task again, once', () => {
    const workers = fakeWorkers();
    const lost: [string, boolean][] = [];
    const pool = createSweepPool({ createWorker: workers.createWorker, size: 1, onWorkerLost: (m, retry) => lost.push([m, retry]) });
    const job = rowsJob(2);
    pool.start(job.source);
    workers.created[0]!.die('out of memory');
    expect(lost).toEqual([['A sweep worker stopped: out of memory.', true]]);
    expect(workers.created).toHaveLength(2);
    expect(workers.created[1]!.received[0]).toMatchObject({ start: 0 });
    workers.created[1]!.deliver();
    workers.created[1]!.die('out of memory');
    workers.created[2]!.die('out of memory');
    expect(job.log).toEqual(['error: A sweep worker stopped: out of memory. It stopped again on the same task, so this sweep was given up.']);
  });

  it('fails a job whose task the model rejects, and goes on with the others', () => {
    const workers = fakeWorkers();
    const pool = createSweepPool({ createWorker: workers.createWorker, size: 1 });
    const log: string[] = [];
    pool.start({
      next: () => ({ task: { type: 'flip', scenario: { ...scenario, migDelay: -5 }, key: 'migDelay' }, expectedMs: null }),
      onResult: () => log.push('result'),
      onDone: () => log.push('done'),
      onError: (message) => log.push(message),
    });
    const other = rowsJob(1);
    pool.start(other.source);
    workers.created[0]!.deliver();
    workers.created[0]!.deliver();
    expect(log).toEqual(['The sweep worker received a scenario that is out of range or malformed.']);
    expect(other.log).toEqual(['done']);
  });

  it('runs fewer tasks at once when asked to leave a core free, and all of them again after', () => {
    const workers = fakeWorkers();
    const pool = createSweepPool({ createWorker: workers.createWorker, size: 2 });
    pool.setConcurrency(1);
    const job = rowsJob(4);
    pool.start(job.source);
    expect(workers.created).toHaveLength(1);
    workers.created[0]!.deliver();
    expect(workers.created).toHaveLength(1);
    pool.setConcurrency(2);
    expect(workers.created).toHaveLength(2);
    while (workers.created.some((w) => w.deliver()));
    expect(job.log).toEqual(['done']);
  });

  it('gives a background job a worker only when no other job has a task', () => {
    const workers = fakeWorkers();
    const pool = createSweepPool({ createWorker: workers.createWorker, size: 1 });
    const background = rowsJob(5);
    pool.start(background.source, { background: true });
    expect(background.handedOut()).toBe(1);
    const foreground = rowsJob(2);
    pool.start(foreground.source);
    // The background task already running finishes; then the other job's tasks go first.
    workers.created[0]!.deliver();
    expect([background.handedOut(), foreground.handedOut()]).toEqual([1, 1]);
    workers.created[0]!.deliver();
    expect([background.handedOut(), foreground.handedOut()]).toEqual([1, 2]);
    workers.created[0]!.deliver();
    expect(foreground.log).toEqual(['done']);
    expect(background.handedOut()).toBe(2);
    while (workers.created[0]!.deliver());
    expect(background.log).toEqual(['done']);
  });
});
