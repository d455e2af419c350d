/**
 * Bug #1879878 as Nova's regression test and real Nova 26.2.2 show it: a
 * periodic in the window leaves the counters wrong when the confirm or the
 * revert finishes, and a second periodic restores them.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../../scenario';
import { simulate, simulateOutcome } from '../../simulate';
import type { UsageVerdict } from '../../types';

const race = (id: '1879878-confirm' | '1879878-revert', patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('nova-test', id), ...patch });
const verdictOf = (s: Scenario): UsageVerdict => simulate(s).verdict as UsageVerdict;

describe('1879878-confirm', () => {
  it('with the periodic between the status save and the drop: host1 -1, host2 1 (buggy), 0 and 1 (fixed)', () => {
    const buggy = verdictOf(race('1879878-confirm'));
    expect(buggy).toMatchObject({ verdict: 'lost', bugReproduced: true, mechanism: 'periodic-before-drop' });
    expect(buggy.usageWhenFinished).toEqual({ host1: -1, host2: 1 });
    expect(buggy.usage).toEqual({ host1: -1, host2: 1 });
    expect(buggy.times.dropped).toMatchObject({ host: 'host1', found: 'none', vcpus: 1 });
    expect(buggy.reason).toMatch(/host1's periodic read the migration list at \d+ ms, after the migration became confirmed/);
    const fixed = verdictOf(race('1879878-confirm', { fix: true }));
    expect(fixed).toMatchObject({ verdict: 'kept', bugReproduced: false, mechanism: null });
    expect(fixed.usageWhenFinished).toEqual({ host1: 0, host2: 1 });
  });

  it('a second periodic restores the expected usage, and the verdict still says it was wrong when the confirm finished', () => {
    const v = verdictOf(race('1879878-confirm', { periodicRuns: 2 }));
    expect(v.verdict).toBe('lost');
    expect(v.usageWhenFinished).toEqual({ host1: -1, host2: 1 });
    expect(v.usage).toEqual({ host1: 0, host2: 1 });
    expect(v.times.restored!.time).toBeGreaterThan(v.times.finished!.time);
    expect(v.reason).toMatch(/A later periodic restored host1 0, host2 1 at \d+ ms: the race is transient/);
  });

  it('a periodic before the confirmed save or after the drop leaves the usage right', () => {
    expect(simulateOutcome(race('1879878-confirm', { periodicAt: 0 })).verdict).toBe('kept');
    expect(simulateOutcome(race('1879878-confirm', { periodicAt: 2000 })).verdict).toBe('kept');
    expect(simulateOutcome(race('1879878-confirm', { winDelay: 0 })).verdict).toBe('kept');
  });
});

describe('1879878-revert', () => {
  it("the shipped case (periodic after 'reverted', before the drop) ends with host1 0 and host2 1 on the buggy code", () => {
    const v = verdictOf(race('1879878-revert', { periodicRuns: 2 }));
    expect(v).toMatchObject({ verdict: 'lost', bugReproduced: true, mechanism: 'periodic-before-drop' });
    expect(v.usageWhenFinished).toEqual({ host1: 0, host2: 1 });
    expect(v.times.dropped).toMatchObject({ host: 'host2', found: 'instance', vcpus: 0 });
    // The second periodic, after the revert, restores what the test asserts.
    expect(v.usage).toEqual({ host1: 1, host2: 0 });
  });

  it('a periodic during the revert but before it reached host2 still leaves host2 at 1: the drop has no flavor (real Nova: 1 and 1)', () => {
    const v = verdictOf(race('1879878-revert', { periodicAt: 0 }));
    expect(v).toMatchObject({ verdict: 'lost', mechanism: 'periodic-before-drop' });
    expect(v.usageWhenFinished).toEqual({ host1: 1, host2: 1 });
    expect(verdictOf(race('1879878-revert', { periodicAt: 0, fix: true })).verdict).toBe('kept');
  });

  it('the fix leaves a window: a periodic after drop_move_claim_at_dest and before the source saves host=host1 (real Nova: 0 and 0)', () => {
    const v = verdictOf(race('1879878-revert', { fix: true, periodicRuns: 2 }));
    expect(v).toMatchObject({ verdict: 'lost', bugReproduced: false, mechanism: 'reverted-before-host-save' });
    expect(v.usageWhenFinished).toEqual({ host1: 0, host2: 0 });
    expect(v.usage).toEqual({ host1: 1, host2: 0 });
    expect(v.reason).toMatch(/The fix does not close this window/);
  });

  it('without a periodic in flight the revert leaves host1 1 and host2 0, buggy or fixed', () => {
    for (const fix of [false, true]) {
      const v = verdictOf(race('1879878-revert', { fix, periodicAt: 5000 }));
      expect(v.verdict).toBe('kept');
      expect(v.usageWhenFinished).toEqual({ host1: 1, host2: 0 });
    }
  });
});
