/**
 * Bug #2025480 as Nova's regression test and real Nova 26.2.2 show it: a
 * periodic while the unshelved server spawns leaves compute1 at 0 vCPUs on
 * the buggy code and at 1 with the fix; a second periodic restores 1.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../../scenario';
import { simulate, simulateOutcome } from '../../simulate';
import type { UsageVerdict } from '../../types';

const unshelve = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('nova-test', '2025480'), ...patch });
const verdictOf = (s: Scenario): UsageVerdict => simulate(s).verdict as UsageVerdict;

describe('2025480', () => {
  it('with the periodic during spawn: compute1 0 (buggy), 1 (fixed)', () => {
    const buggy = verdictOf(unshelve());
    expect(buggy).toMatchObject({ verdict: 'lost', bugReproduced: true, mechanism: 'spawning-not-counted' });
    expect(buggy.usageWhenFinished).toEqual({ compute1: 0 });
    expect(buggy.reason).toMatch(/still SHELVED_OFFLOADED while spawning, and left its vCPU out/);
    const fixed = verdictOf(unshelve({ fix: true }));
    expect(fixed).toMatchObject({ verdict: 'kept', mechanism: null });
    expect(fixed.usageWhenFinished).toEqual({ compute1: 1 });
  });

  it('a second periodic restores 1', () => {
    const v = verdictOf(unshelve({ periodicRuns: 2 }));
    expect(v).toMatchObject({ verdict: 'lost', usageWhenFinished: { compute1: 0 }, usage: { compute1: 1 } });
    expect(v.times.restored).not.toBeNull();
  });

  it('the periodic leaves it out only between the claim and vm_state active', () => {
    // Before the claim the instance has no host; after the spawn it is ACTIVE.
    expect(simulateOutcome(unshelve({ periodicAt: 0 })).verdict).toBe('kept');
    expect(simulateOutcome(unshelve({ periodicAt: 3000 })).verdict).toBe('kept');
    expect(simulateOutcome(unshelve({ spawn: 100 })).verdict).toBe('kept');
  });

  it('the fix is a predicate, not a lock: buggy and fixed run the same steps', () => {
    const names = (s: Scenario) => simulate(s).steps.map((step) => `${step.thread} ${step.name} ${step.lock}`);
    expect(names(unshelve({ fix: true }))).toEqual(names(unshelve()));
  });
});
