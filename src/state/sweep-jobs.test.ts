import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { defaultMapSpec } from '../sweep/map-spec';
import { createRunCosts, flipJob, mapJob, oddsJob, runCostKey, warmUpJob } from './sweep-jobs';

const quiet = { cells() {}, done() {}, error() {} };

describe('what a run cost, across sweeps', () => {
  it('keys a run by what decides its length, not by the timings a sweep varies', () => {
    const base = defaultScenario();
    expect(runCostKey({ ...base, dropDelay: 5, migDelay: 2500, spawn: 7 })).toBe(runCostKey(base));
    expect(runCostKey({ ...base, periodicRuns: 3 })).not.toBe(runCostKey(base));
    expect(runCostKey({ ...base, bootAt: 3000 })).not.toBe(runCostKey(base));
    expect(runCostKey({ ...base, evacuees: 2 })).not.toBe(runCostKey(base));
    expect(runCostKey(defaultScenario('production'))).not.toBe(runCostKey(base));
  });

  it('a new map sizes its first task from the last map of the same kind of run', () => {
    const costs = createRunCosts();
    const learn = { costs, workers: 2 };
    const spec = defaultMapSpec();
    const first = mapJob(defaultScenario(), spec, quiet, learn);
    const probe = first.next()!;
    expect(probe.expectedMs).toBeNull();
    if (probe.task.type !== 'map-cells') throw new Error('a map task');
    expect(probe.task.end - probe.task.start).toBe(8);
    // 8 cells took 0.4 ms: 0.05 ms a cell.
    first.onResult({ type: 'map-cells', start: 0, cells: new Uint8Array(8) }, probe.task, 0.4);
    expect(costs.msPerRun.get(runCostKey(defaultScenario()))).toBeCloseTo(0.05);
    const next = mapJob({ ...defaultScenario(), spawn: 51 }, spec, quiet, learn).next()!;
    if (next.task.type !== 'map-cells') throw new Error('a map task');
    expect(next.task.end - next.task.start).toBe(500); // 25 ms at 0.05 ms a cell
    expect(next.expectedMs).toBeCloseTo(25);
    // Another kind of run starts small again.
    const other = mapJob({ ...defaultScenario(), periodicRuns: 20 }, spec, quiet, learn).next()!;
    if (other.task.type !== 'map-cells') throw new Error('a map task');
    expect(other.task.end - other.task.start).toBe(8);
  });

  it('odds learn only from jittered runs (without jitter a task is one simulation, whatever its seeds)', () => {
    const costs = createRunCosts();
    const events = { progress() {}, done() {}, error() {} };
    const calm = oddsJob(defaultScenario(), 1000, events, { costs, workers: 2 });
    const task = calm.next()!.task;
    calm.onResult({ type: 'odds', tally: { runs: 8, lost: 8, incomplete: 0, margins: [] } } as never, task, 0.1);
    expect(costs.msPerRun.get(runCostKey(defaultScenario()))).toBeUndefined();
    const shaky = { ...defaultScenario(), jitter: 200 };
    const jittered = oddsJob(shaky, 1000, events, { costs, workers: 2 });
    jittered.onResult({ type: 'odds', tally: { runs: 8, lost: 4, incomplete: 0, margins: [] } } as never, jittered.next()!.task, 0.8);
    expect(costs.msPerRun.get(runCostKey(shaky))).toBeCloseTo(0.1);
  });

  it('a flip task expects as many runs as its key took last time, at the last cost per run; the first search expects nothing', () => {
    const costs = createRunCosts();
    const learn = { costs, workers: 2 };
    const events = { done() {}, error() {} };
    const first = flipJob(defaultScenario(), events, learn);
    const task = first.next()!;
    expect(task.expectedMs).toBeNull();
    if (task.task.type !== 'flip') throw new Error('a flip task');
    const key = task.task.key;
    // 554 probes in 27.7 ms: 0.05 ms a run.
    first.onResult({ type: 'flip', search: { key, from: 'lost', flip: null, probes: 554 } }, task.task, 27.7);
    expect(costs.flipProbes.get(`1896463|${key}`)).toBe(554);
    expect(costs.msPerRun.get(runCostKey(defaultScenario()))).toBeCloseTo(0.05);
    const again = flipJob({ ...defaultScenario(), spawn: 51 }, events, learn).next()!;
    expect(again.expectedMs).toBeCloseTo(27.7);
    // Another key has no search behind it yet.
    const others = flipJob(defaultScenario(), events, learn);
    others.next();
    expect(others.next()!.expectedMs).toBeNull();
  });

  it('a warm-up hands out its runs per worker in short tasks, and stops early when it has taken its time', () => {
    const drain = (budget: { workers: number; runsPerWorker: number }, msPerRun: number) => {
      let reported = -1;
      const job = warmUpJob(defaultScenario(), budget, { done: (runs) => (reported = runs) });
      let runs = 0;
      let tasks = 0;
      const seeds = new Set<number>();
      for (let planned = job.next(); planned; planned = job.next()) {
        if (planned.task.type !== 'warm-up') throw new Error('a warm-up task');
        tasks++;
        seeds.add(planned.task.seed);
        runs += planned.task.runs;
        job.onResult({ type: 'warm-up', runs: planned.task.runs }, planned.task, planned.task.runs * msPerRun);
      }
      job.onDone();
      return { runs, tasks, seeds: seeds.size, reported };
    };
    // Cheap runs: every run of the budget, in tasks of about 8 ms, each with its own seed.
    const cheap = drain({ workers: 2, runsPerWorker: 20_000 }, 0.01);
    expect(cheap.runs).toBe(40_000);
    expect(cheap.reported).toBe(40_000);
    expect(cheap.seeds).toBe(cheap.tasks);
    expect(cheap.runs / cheap.tasks).toBeLessThan(1000);
    // Slow runs (a production scenario with many periodics): 600 ms of each worker's time, then no more.
    const slow = drain({ workers: 2, runsPerWorker: 20_000 }, 1);
    expect(slow.runs).toBeGreaterThanOrEqual(1200);
    expect(slow.runs).toBeLessThan(1300);
    expect(slow.reported).toBe(slow.runs);
  });

  it('a warm-up sizes its first task from what the sweeps before it learnt, when it starts, not when it was made', () => {
    const costs = createRunCosts();
    const heavy = { ...defaultScenario(), periodicRuns: 200 };
    const job = warmUpJob(heavy, { workers: 2, runsPerWorker: 20_000 }, { done() {} }, { costs, workers: 2 });
    // The page's first map learns that a run of this kind takes 30 ms; then the warm-up hands out its first task.
    costs.msPerRun.set(runCostKey(heavy), 30);
    const first = job.next()!;
    if (first.task.type !== 'warm-up') throw new Error('a warm-up task');
    expect(first.task.runs).toBe(1);
    expect(first.expectedMs).toBeCloseTo(30);
    // Knowing nothing, it starts with a few runs.
    const blind = warmUpJob(defaultScenario(), { workers: 2, runsPerWorker: 20_000 }, { done() {} }).next()!;
    expect(blind.task.type === 'warm-up' && blind.task.runs).toBe(4);
  });
});
