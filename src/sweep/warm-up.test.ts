import { describe, expect, it } from 'vitest';
import { isScenarioInRange, type Scenario } from '../model/scenario';
import { defaultScenario } from '../model/scenario';
import { simulateOutcome } from '../model/simulate';
import { warmUp } from './warm-up';

/** The scenarios a warm-up task runs, in order. */
function scenariosOf(base: Scenario, seed: number, runs: number): Scenario[] {
  const seen: Scenario[] = [];
  const made = warmUp(base, seed, runs, (s) => {
    seen.push({ ...s });
    return simulateOutcome(s);
  });
  expect(made).toBe(runs);
  return seen;
}

describe('warm-up runs', () => {
  it('makes as many runs as asked, of valid timed scenarios of the same race: map cells, then jittered seeds', () => {
    for (const base of [defaultScenario(), defaultScenario('production', '2025480'), { ...defaultScenario(), schedule: [0, 1] }]) {
      const runs = scenariosOf(base, 3, 40);
      expect(runs).toHaveLength(40);
      for (const s of runs) {
        expect(isScenarioInRange(s)).toBe(true);
        expect(s.race).toBe(base.race);
        expect(s.preset).toBe(base.preset);
        expect(s.schedule).toBeNull();
      }
      const cells = runs.filter((s) => s.jitter === 0);
      expect(cells).toHaveLength(30);
      expect(runs.slice(30).every((s) => s.jitter > 0)).toBe(true);
      // The cells vary the race's two default map keys.
      expect(new Set(cells.map((s) => JSON.stringify(s))).size).toBe(30);
    }
  });

  it('varies with its seed: both sides of the fix over a few tasks, the same runs for the same seed', () => {
    const fixes = new Set([0, 1, 2, 3, 4, 5, 6, 7].map((seed) => scenariosOf(defaultScenario(), seed, 8)[0]!.fix));
    expect(fixes).toEqual(new Set([true, false]));
    expect(scenariosOf(defaultScenario(), 5, 20)).toEqual(scenariosOf(defaultScenario(), 5, 20));
    expect(scenariosOf(defaultScenario(), 5, 20)).not.toEqual(scenariosOf(defaultScenario(), 6, 20));
    expect(scenariosOf(defaultScenario(), 1, 0)).toEqual([]);
  });
});
