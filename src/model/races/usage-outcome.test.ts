import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario';
import { simulate, simulateOutcome } from '../simulate';
import type { UsageVerdict } from '../types';

const race = (id: '1879878-confirm' | '1879878-revert' | '2025480', patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('nova-test', id), ...patch });

describe('the usage races’ verdict', () => {
  it('is read when the operation finished, or when a periodic under way then has saved', () => {
    // The periodic starts 5 ms before the confirm's last step and saves after it: its save still counts.
    const finishing = simulate(race('1879878-confirm', { winDelay: 0, periodicAt: 65 })).verdict as UsageVerdict;
    expect(finishing.times.judged!.step).toBeGreaterThan(finishing.times.finished!.step);
  });

  it('is incomplete when the operation never finished (a model limit)', () => {
    const v = simulate(race('2025480', { spawn: 600_000 }), { maxTime: 60_000, maxSteps: 20_000 }).verdict as UsageVerdict;
    expect(v).toMatchObject({ verdict: 'incomplete', usageWhenFinished: null, bugReproduced: false });
    expect(v.reason).toMatch(/^Not reached: the unshelve never finished\. The simulation stopped at the model's limit/);
  });

  it('names the margin: positive when it went wrong, negative when right', () => {
    expect((simulateOutcome(race('2025480')) as UsageVerdict).times.margin).toBeGreaterThan(0);
    expect((simulateOutcome(race('2025480', { fix: true })) as UsageVerdict).times.margin).toBeLessThan(0);
  });

  it('agrees between the fast path and the full simulation on every race, buggy and fixed, with jitter', () => {
    for (const id of ['1879878-confirm', '1879878-revert', '2025480'] as const) {
      for (const fix of [false, true]) {
        for (const seed of [1, 2, 3, 4, 5]) {
          const s = race(id, { fix, jitter: 400, seed, periodicRuns: 2 });
          const { reason: _reason, ...full } = simulate(s).verdict;
          expect(simulateOutcome(s)).toEqual(full);
        }
      }
    }
  });
});
