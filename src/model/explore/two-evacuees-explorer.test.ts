/**
 * The explorer on two evacuations at once. Without reduction even the
 * smallest such scenario (production locks, one periodic run of host2) has
 * far more than 300,000 schedules, so the unreduced side is its first
 * 20,000 schedules in depth-first order plus 1,500 random ones (seeded):
 * together they must reach exactly the outcomes the reduction finds, and
 * every one of them must be among the reduction's.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '../engine/engine';
import { MODEL_LIMITS } from '../engine/limits';
import { OutcomeRecorder } from '../engine/recorder';
import { createRng } from '../engine/rng';
import { untimedScheduler } from '../engine/scheduler';
import { raceOf } from '../races';
import { defaultScenario, type Scenario } from '../scenario';
import { actorsFor } from '../simulate';
import type { PciOutcome } from '../types';
import { exploreScenario, type OutcomeCount } from './scenario-explorer';

const everything = { maxSchedules: 1e6 };
const prod = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('production'), evacuees: 2, periodicRuns: 1, ...patch });

const kindOf = (o: Pick<PciOutcome, 'verdict' | 'mechanism' | 'pciAllocated' | 'lostInstances'>): string =>
  `${o.verdict} ${o.mechanism} ${JSON.stringify(o.pciAllocated)} ${JSON.stringify(o.lostInstances)}`;
const kinds = (outcomes: readonly OutcomeCount[]): Set<string> =>
  new Set(outcomes.map((o) => ('pciAllocated' in o ? kindOf(o) : `usage race ${o.verdict}`)));

function randomOutcomes(s: Scenario, runs: number, seed: number): Set<string> {
  const rng = createRng(seed);
  const found = new Set<string>();
  for (let i = 0; i < runs; i++) {
    const recorder = new OutcomeRecorder();
    const result = runEngine({
      world: raceOf(s).initialWorld(s), actors: actorsFor(s), jitter: 0, seed: 0, limits: MODEL_LIMITS, recorder,
      scheduler: untimedScheduler((threads) => threads[Math.floor(rng() * threads.length)]!),
    });
    found.add(kindOf(raceOf(s).outcome({ ...result, steps: recorder.size, clock: 'step' }) as PciOutcome));
  }
  return found;
}

describe('exploring two evacuations at once', () => {
  it('finds the same outcomes with and without reduction (production, one periodic run), buggy and fixed', () => {
    for (const fix of [false, true]) {
      const s = prod({ fix });
      const reduced = exploreScenario(s, { reduction: 'dpor', ...everything });
      expect(reduced.complete).toBe(true);
      const prefix = exploreScenario(s, { reduction: 'none', maxSchedules: 20_000 });
      const unreduced = new Set([...kinds(prefix.outcomes), ...randomOutcomes(s, 1500, 1896463)]);
      expect(unreduced).toEqual(kinds(reduced.outcomes));
      expect(reduced.schedules).toBeLessThan(prefix.schedules);
    }
  }, 120_000);

  it('the buggy code loses inst-A, inst-C or both, all by stale snapshots; the fixed code loses neither', () => {
    const buggy = exploreScenario(prod(), { reduction: 'dpor', ...everything });
    const lost = buggy.outcomes.filter((o) => o.verdict === 'lost') as (OutcomeCount & { lostInstances: string[] })[];
    expect(new Set(lost.map((o) => o.lostInstances.join(',')))).toEqual(new Set(['inst-A', 'inst-C', 'inst-A,inst-C']));
    expect(lost.every((o) => o.mechanism === 'stale-snapshots')).toBe(true);
    const fixed = exploreScenario(prod({ fix: true }), { reduction: 'dpor', ...everything });
    expect(fixed.losingSchedules).toBe(0);
  }, 60_000);
});
