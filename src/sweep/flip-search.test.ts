import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario, PARAM_BY_KEY, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { scenarioArb } from '../model/test-scenarios';
import type { Outcome, VerdictValue } from '../model/types';
import { FLIP_KEYS, nearestFlip, nearestFlips } from './flip-search';

/** A fake model whose verdict depends on migDelay alone. */
const fakeModel = (verdictAt: (migDelay: number) => VerdictValue) => (s: Scenario) => ({ verdict: verdictAt(s.migDelay) }) as Outcome;

const verdictOf = (s: Scenario): VerdictValue => simulate(s).verdict.verdict;

describe('nearest flip', () => {
  it("finds the issue's example on the Nova test: kept if migDelay ≤ 1058 ms (−942 ms)", () => {
    expect(nearestFlip(defaultScenario(), 'migDelay')).toMatchObject({
      from: 'lost',
      flip: { key: 'migDelay', value: 1058, delta: -942, to: 'kept' },
    });
  });

  it('returns a value that flips the verdict whose neighbour 1 ms closer keeps it (random scenarios)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...FLIP_KEYS), (scenario, key) => {
        const search = nearestFlip(scenario, key);
        const from = verdictOf(scenario);
        expect(search.from).toBe(from);
        if (!search.flip) return;
        const { value, delta, to } = search.flip;
        const param = PARAM_BY_KEY[key];
        expect(value).toBeGreaterThanOrEqual(param.min);
        expect(value).toBeLessThanOrEqual(param.max);
        expect(delta).toBe(value - scenario[key]);
        expect(verdictOf({ ...scenario, [key]: value })).toBe(to);
        expect(to).not.toBe(from);
        expect(verdictOf({ ...scenario, [key]: value - Math.sign(delta) })).toBe(from);
      }),
      { numRuns: 40, seed: 17 },
    );
  }, 120_000);

  it('says so when no value in the range flips it', () => {
    const search = nearestFlip(defaultScenario(), 'migDelay', fakeModel(() => 'kept'));
    expect(search.flip).toBeNull();
    expect(search.probes).toBeLessThan(1200);
  });

  it('finds the nearest flip where the verdict is not monotone, and the shorter one on a tie', () => {
    // Lost only in two windows: [2100, 2105] above and [1200, 1250] below the current 2000.
    const windows = fakeModel((m) => ((m >= 2100 && m <= 2105) || (m >= 1200 && m <= 1250) ? 'lost' : 'kept'));
    expect(nearestFlip(defaultScenario(), 'migDelay', windows).flip).toMatchObject({ value: 2100, delta: 100, to: 'lost' });
    const far = fakeModel((m) => (m >= 9000 && m <= 9400 ? 'lost' : 'kept'));
    expect(nearestFlip(defaultScenario(), 'migDelay', far).flip).toMatchObject({ value: 9000, delta: 7000 });
    const tie = fakeModel((m) => (m === 1990 || m === 2010 ? 'lost' : 'kept'));
    expect(nearestFlip(defaultScenario(), 'migDelay', tie).flip).toMatchObject({ value: 1990, delta: -10 });
  });

  it('reaches the ends of the range', () => {
    const atMax = fakeModel((m) => (m === 60_000 ? 'incomplete' : 'kept'));
    expect(nearestFlip(defaultScenario(), 'migDelay', atMax).flip).toMatchObject({ value: 60_000, to: 'incomplete' });
    const atZero = fakeModel((m) => (m === 0 ? 'lost' : 'kept'));
    expect(nearestFlip(defaultScenario(), 'migDelay', atZero).flip).toMatchObject({ value: 0, delta: -2000 });
  });

  it('lists every key nearest first, and the keys nothing flips', () => {
    const report = nearestFlips({ ...defaultScenario(), fix: true });
    expect(report).toMatchObject({ verdict: 'kept', flips: [] });
    expect(report.unflippable).toEqual([...FLIP_KEYS]);
    const buggy = nearestFlips(defaultScenario());
    expect(buggy.verdict).toBe('lost');
    const deltas = buggy.flips.map((f) => Math.abs(f.delta));
    expect(deltas).toEqual([...deltas].sort((a, b) => a - b));
    expect(buggy.flips[0]).toMatchObject({ key: 'spawn', value: 0, delta: -50 });
  }, 60_000);
});
