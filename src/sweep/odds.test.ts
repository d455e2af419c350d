import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulateOutcome } from '../model/simulate';
import { createChunker } from './chunker';
import { mergeTallies, oddsSummary, raceMargin, wilsonInterval } from './odds';
import { runSeeds } from './odds-run';

describe('odds under jitter', () => {
  it('gives the Wilson score interval', () => {
    const [lo, hi] = wilsonInterval(50, 100);
    expect(lo).toBeCloseTo(0.4038, 4);
    expect(hi).toBeCloseTo(0.5962, 4);
    expect(wilsonInterval(0, 1000)[0]).toBe(0);
    expect(wilsonInterval(0, 1000)[1]).toBeCloseTo(0.00383, 5);
    expect(wilsonInterval(1000, 1000)).toEqual([expect.closeTo(0.99617, 5), 1]);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it("measures the race's margin: + missed the migration's end (lost), − caught it (kept)", () => {
    expect(raceMargin(simulateOutcome(defaultScenario()))).toBe(941);
    expect(raceMargin(simulateOutcome({ ...defaultScenario(), migDelay: 1000 }))).toBeLessThan(0);
    // No stale first snapshot at all: nothing to miss.
    expect(raceMargin(simulateOutcome({ ...defaultScenario(), periodicAt: 5000 }))).toBeNull();
  });

  it('runs seeds deterministically and adds tallies up in any order', () => {
    const jittered = { ...defaultScenario(), dropDelay: 1900, jitter: 120 };
    const whole = runSeeds(jittered, 1, 201);
    const halves = mergeTallies(runSeeds(jittered, 101, 201), runSeeds(jittered, 1, 101));
    expect(halves.lost).toBe(whole.lost);
    expect(halves.runs).toBe(200);
    expect(whole.lost).toBeGreaterThan(0);
    expect(whole.lost).toBeLessThan(200);
    expect(oddsSummary(whole).share).toBe(whole.lost / 200);
  });

  it('runs one simulation for all seeds when there is no jitter, with the same result as running each', () => {
    let calls = 0;
    const counted = (s: Parameters<typeof simulateOutcome>[0]) => {
      calls++;
      return simulateOutcome(s);
    };
    const quick = runSeeds(defaultScenario(), 1, 51, counted);
    expect(calls).toBe(1);
    const slow = runSeeds({ ...defaultScenario(), jitter: 0 }, 1, 51, (s) => simulateOutcome({ ...s, jitter: 0 }));
    expect(quick).toEqual({ ...slow, margins: slow.margins });
    expect(quick).toMatchObject({ runs: 50, lost: 50, incomplete: 0 });
  });
});

describe('chunker', () => {
  it('hands out small tasks first, then tasks sized to the target time, and covers every item once', () => {
    const chunker = createChunker(1000, { first: 10, targetMs: 20, max: 300 });
    expect(chunker.expectedMs(10)).toBeNull();
    expect(chunker.next()).toEqual([0, 10]);
    chunker.observe(10, 5); // 0.5 ms an item: 40 items make 20 ms
    expect(chunker.next()).toEqual([10, 50]);
    expect(chunker.expectedMs(40)).toBe(20);
    chunker.observe(10, 0); // faster than measured: tasks grow, up to the cap
    const ranges: (readonly [number, number])[] = [];
    for (let r = chunker.next(); r; r = chunker.next()) ranges.push(r);
    expect(ranges.every(([a, b]) => b - a <= 300)).toBe(true);
    expect(ranges.at(-1)![1]).toBe(1000);
    expect(ranges.reduce((n, [a, b]) => n + b - a, 0)).toBe(950);
  });
});

describe('chunker with a prior and a tail', () => {
  it('sizes its first tasks from what a run cost in an earlier sweep, without probing first', () => {
    const chunker = createChunker(10_000, { first: 8, targetMs: 25, max: 800, prior: 0.05 });
    expect(chunker.msPerItem()).toBe(0.05);
    expect(chunker.expectedMs(500)).toBe(25);
    expect(chunker.next()).toEqual([0, 500]);
    // What the tasks take replaces the prior.
    chunker.observe(500, 50);
    expect(chunker.msPerItem()).toBe(0.1);
    expect(chunker.next()).toEqual([500, 750]);
    // No prior, or a useless one: small first tasks.
    expect(createChunker(100, { first: 8, targetMs: 25, max: 800, prior: null }).next()).toEqual([0, 8]);
    expect(createChunker(100, { first: 8, targetMs: 25, max: 800, prior: 0 }).next()).toEqual([0, 8]);
  });

  it('shrinks its tasks near the end, so the workers finish together, but not below a quarter of the target', () => {
    const chunker = createChunker(2000, { first: 8, targetMs: 20, max: 800, prior: 0.02, workers: 2 });
    const sizes: number[] = [];
    for (let r = chunker.next(); r; r = chunker.next()) sizes.push(r[1] - r[0]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2000);
    // 1000 a task at 0.02 ms would be 20 ms, but a quarter of what is left comes first.
    expect(sizes[0]).toBe(500);
    expect(sizes.every((n, i) => i === 0 || n <= sizes[i - 1]!)).toBe(true);
    // The smallest is a quarter of the target (250 items = 5 ms), or what is left.
    expect(Math.min(...sizes.slice(0, -1))).toBe(250);
    // Without a worker count the tasks stay at the target.
    const flat = createChunker(2000, { first: 8, targetMs: 20, max: 800, prior: 0.02 });
    expect(flat.next()).toEqual([0, 800]);
  });
});
