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
