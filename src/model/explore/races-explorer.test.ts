/**
 * The schedule explorer on the usage races: the reduction keeps every
 * outcome, the counts are the ones the README gives, and a losing schedule
 * replays as a full trace with the same verdict.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type RaceId, type Scenario } from '../scenario';
import type { UsageOutcome } from '../types';
import { runEngine } from '../engine/engine';
import { MODEL_LIMITS } from '../engine/limits';
import { OutcomeRecorder } from '../engine/recorder';
import { createRng } from '../engine/rng';
import { untimedScheduler } from '../engine/scheduler';
import { raceOf } from '../races';
import { actorsFor } from '../simulate';
import { exploreScenario, simulateSchedule } from './scenario-explorer';

const race = (id: RaceId, patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('nova-test', id), ...patch });
const everything = { maxSchedules: 100_000 };
const kinds = (r: ReturnType<typeof exploreScenario>) =>
  new Set(r.outcomes.map((o) => `${o.verdict} ${o.mechanism} ${JSON.stringify('usage' in o ? [o.usageWhenFinished, o.usage] : o.pciAllocated)}`));

describe('exploring the usage races', () => {
  it('2025480: the reduction finds every outcome of the full exploration (191 schedules)', () => {
    for (const fix of [false, true]) {
      const reduced = exploreScenario(race('2025480', { fix }), { reduction: 'dpor', ...everything });
      const full = exploreScenario(race('2025480', { fix }), { reduction: 'none', ...everything });
      expect(full.complete && reduced.complete).toBe(true);
      expect(kinds(reduced)).toEqual(kinds(full));
      expect(reduced.schedules).toBeLessThan(full.schedules);
    }
  });

  // The full explorations of #1879878 run to tens of thousands of schedules (the revert past 100,000): random
  // schedules stand in for them, and every outcome one of them reaches must be among the reduction's.
  it.each(['1879878-confirm', '1879878-revert'] as const)('%s: every outcome of 300 random schedules is one the reduction found', (id) => {
    for (const fix of [false, true]) {
      const s = race(id, { fix });
      const reduced = kinds(exploreScenario(s, { reduction: 'dpor', ...everything }));
      const rng = createRng(1879878);
      for (let i = 0; i < 300; i++) {
        const recorder = new OutcomeRecorder();
        const result = runEngine({
          world: raceOf(s).initialWorld(s), actors: actorsFor(s), jitter: 0, seed: 0, limits: MODEL_LIMITS, recorder,
          scheduler: untimedScheduler((threads) => threads[Math.floor(rng() * threads.length)]!),
        });
        const o = raceOf(s).outcome({ ...result, steps: recorder.size, clock: 'step' }) as UsageOutcome;
        expect(reduced).toContain(`${o.verdict} ${o.mechanism} ${JSON.stringify([o.usageWhenFinished, o.usage])}`);
      }
    }
  });

  it('counts what the README says: losing schedules buggy and fixed', () => {
    const count = (s: Scenario) => {
      const r = exploreScenario(s, { reduction: 'dpor', ...everything });
      return [r.schedules, r.losingSchedules];
    };
    expect(count(race('1879878-confirm'))).toEqual([28, 4]);
    expect(count(race('1879878-confirm', { fix: true }))).toEqual([18, 0]);
    expect(count(race('1879878-revert'))).toEqual([52, 39]);
    expect(count(race('1879878-revert', { fix: true }))).toEqual([32, 7]);
    expect(count(race('2025480'))).toEqual([6, 2]);
    expect(count(race('2025480', { fix: true }))).toEqual([6, 0]);
  });

  it('the fixed revert loses only through the window after the drop', () => {
    const r = exploreScenario(race('1879878-revert', { fix: true }), { reduction: 'dpor', ...everything });
    const lost = r.outcomes.filter((o) => o.verdict === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(new Set(lost.map((o) => o.mechanism))).toEqual(new Set(['reverted-before-host-save']));
  });

  it('replays the shortest losing schedule as a trace with the same verdict', () => {
    const s = race('1879878-confirm');
    const shortest = exploreScenario(s, { reduction: 'dpor', ...everything }).losing[0]!;
    const trace = simulateSchedule(s, shortest.choices);
    expect(trace.verdict).toMatchObject({ verdict: 'lost', mechanism: 'periodic-before-drop', clock: 'step' });
    expect((trace.verdict as UsageOutcome).usageWhenFinished).toEqual({ host1: -1, host2: 1 });
  });
});
