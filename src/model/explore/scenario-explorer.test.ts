import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario';
import { ScheduleMismatch } from '../simulate';
import { exploreScenario, scheduleOutcome, simulateSchedule } from './scenario-explorer';
import { decodeSchedule, encodeSchedule } from './schedule-codec';
import type { PciVerdict } from '../types';

const test = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario(), ...patch });
const prod = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('production'), ...patch });
const everything = { maxSchedules: 1e6 };

describe('exploring every schedule of a scenario', () => {
  it('the buggy code has losing schedules; the fixed code, with host1 down, has none (both harnesses)', () => {
    for (const preset of [test, prod]) {
      const buggy = exploreScenario(preset(), { reduction: 'dpor', ...everything });
      expect(buggy.complete).toBe(true);
      expect(buggy.losingSchedules).toBeGreaterThan(0);
      expect(buggy.outcomes.filter((o) => o.verdict === 'lost').every((o) => o.mechanism === 'stale-snapshots')).toBe(true);
      const fixed = exploreScenario(preset({ fix: true }), { reduction: 'dpor', ...everything });
      expect(fixed.complete).toBe(true);
      expect(fixed.losingSchedules).toBe(0);
      expect(fixed.outcomes.every((o) => o.verdict === 'kept')).toBe(true);
    }
  });

  it('the shortest losing schedule, replayed, loses: S1 before the host save, S2 after done', () => {
    const { losing } = exploreScenario(test(), { reduction: 'dpor', ...everything });
    const shortest = losing[0]!;
    expect(losing.every((s) => s.steps >= shortest.steps)).toBe(true);
    const trace = simulateSchedule(test(), shortest.choices);
    expect(trace.verdict).toMatchObject({ verdict: 'lost', bugReproduced: true, mechanism: 'stale-snapshots', clock: 'step' });
    expect(trace.steps).toHaveLength(shortest.steps);
    const at = (kind: string, host?: string) => trace.steps.findIndex((s) => s.kind === kind && (host === undefined || s.host === host));
    const { times } = trace.verdict as PciVerdict;
    const s1 = times.freed!.instanceRead!.step;
    const s2 = times.freed!.migrationRead!.step;
    expect(trace.steps[s1]).toMatchObject({ kind: 'instance-list', host: 'host2' });
    expect(trace.steps[s2]).toMatchObject({ kind: 'migration-list', host: 'host2' });
    expect(s1).toBeLessThan(at('host-saved'));
    expect(at('migration-done')).toBeLessThan(s2);
    // Time is step order.
    expect(trace.steps.map((s) => [s.start, s.end])).toEqual(trace.steps.map((_, i) => [i, i + 1]));
    expect(decodeSchedule(shortest.encoded)).toEqual({ ok: true, choices: [...shortest.choices] });
    const { reason: _reason, ...outcome } = trace.verdict;
    expect(scheduleOutcome(test(), shortest.choices)).toEqual(outcome);
  });

  it('finds the same outcomes with and without reduction, on every scenario small enough to run without it', () => {
    // Without reduction: 38,597, 1,262 and 4,192 schedules.
    const small: Scenario[] = [test(), test({ fix: true }), prod({ fix: true })];
    for (const scenario of small) {
      const reduced = exploreScenario(scenario, { reduction: 'dpor', ...everything, measureTraces: true });
      const full = exploreScenario(scenario, { reduction: 'none', maxSchedules: 100_000 });
      expect(full.complete).toBe(true);
      // Each DPOR schedule stands for its whole trace: together, for every interleaving.
      expect(reduced.interleavings).toBe(full.schedules);
      expect(full.interleavings).toBe(full.schedules);
      const kinds = (r: typeof full) => new Set(r.outcomes.map((o) => `${o.verdict} ${o.mechanism} ${JSON.stringify('pciAllocated' in o ? o.pciAllocated : o.usage)}`));
      expect(kinds(reduced)).toEqual(kinds(full));
      expect(reduced.schedules).toBeLessThan(full.schedules);
      expect(reduced.losingSchedules > 0).toBe(full.losingSchedules > 0);
      if (full.losing.length > 0) expect(reduced.losing[0]!.steps).toBe(full.losing[0]!.steps);
    }
  }, 120_000);

  it('with host1 coming back (production), the fixed code still loses: the migration completed by the source', () => {
    const r = exploreScenario(prod({ fix: true, host1UpAt: 500 }), { reduction: 'dpor', ...everything });
    expect(r.complete).toBe(true);
    expect(r.losingSchedules).toBeGreaterThan(0);
    const lost = r.outcomes.filter((o) => o.verdict === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((o) => o.mechanism === 'migration-completed-by-source')).toBe(true);
  }, 60_000);

  it("in the Nova test's harness, the fix loses only when host1 is back before the test's periodics run", () => {
    // The test thread restarts host1 and runs _run_periodics in the order of their times.
    const before = exploreScenario(test({ fix: true, host1UpAt: 100 }), { reduction: 'dpor', ...everything });
    expect(before.complete).toBe(true);
    expect(before.losingSchedules).toBeGreaterThan(0);
    expect(before.outcomes.filter((o) => o.verdict === 'lost').every((o) => o.mechanism === 'migration-completed-by-source')).toBe(true);
    const after = exploreScenario(test({ fix: true, host1UpAt: 500 }), { reduction: 'dpor', ...everything });
    expect(after.complete).toBe(true);
    expect(after.losingSchedules).toBe(0);
  }, 60_000);

  it('reports a budget cut honestly, with what it covered', () => {
    const r = exploreScenario(test(), { reduction: 'none', maxSchedules: 100 });
    expect(r).toMatchObject({ schedules: 100, complete: false });
    expect(r.outcomes.reduce((n, o) => n + o.count, 0)).toBe(100);
    // Cut short with DPOR, the schedules run stand for a part of the 38,597 interleavings, exactly counted.
    const cut = exploreScenario(test(), { reduction: 'dpor', maxSchedules: 20, measureTraces: true });
    expect(cut).toMatchObject({ schedules: 20, complete: false });
    expect(cut.interleavings).toBeGreaterThan(20);
    expect(cut.interleavings).toBeLessThan(38_597);
    expect(exploreScenario(test(), { reduction: 'dpor', maxSchedules: 20 }).interleavings).toBeNull();
  });
});

describe('replaying a schedule', () => {
  it('refuses a schedule that does not fit the scenario, saying where', () => {
    const { losing } = exploreScenario(test(), { reduction: 'dpor', ...everything });
    const good = losing[0]!.choices;
    expect(() => simulateSchedule(test(), good.slice(0, 5))).toThrow(ScheduleMismatch);
    expect(() => simulateSchedule(test(), [...good, 0])).toThrow(/the run ends after/);
    expect(() => simulateSchedule(test(), [5, ...good])).toThrow(/names thread f, which cannot run there/);
  });

  it('encodes schedules compactly and decodes them back; refuses malformed ones', () => {
    expect(encodeSchedule([0, 0, 0, 1, 1, 0])).toBe('1.a3b2a');
    expect(decodeSchedule('1.a3b2a')).toEqual({ ok: true, choices: [0, 0, 0, 1, 1, 0] });
    expect(decodeSchedule('1.')).toEqual({ ok: true, choices: [] });
    for (const bad of ['', 'a3', '2.a', '1.A', '1.a0', '1.3a', '1.a99999999999', `1.${'a'.repeat(5000)}`]) {
      expect(decodeSchedule(bad).ok, bad).toBe(false);
    }
  });
});
