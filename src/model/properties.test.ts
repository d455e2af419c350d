/**
 * Property tests over random delays: the fix never loses the allocation, and
 * whenever the buggy code loses it, the trace shows the stale pair of reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from './scenario';
import { simulate, simulateOutcome } from './simulate';
import { scenarioArb as randomScenario } from './test-scenarios';
import type { PciVerdict } from './types';

const scenarioArb = (fix: boolean): fc.Arbitrary<Scenario> => randomScenario.map((s) => ({ ...s, fix }));

describe('properties over random delays', () => {
  it('with fix=1 the evacuated instance never loses its allocation on host2', () => {
    // host1 coming back mid-evacuation is left out: it completes the in-flight
    // migration itself, a different window that this fix does not close (see
    // the next test).
    fc.assert(
      fc.property(scenarioArb(true), (drawn) => {
        const scenario = { ...drawn, host1UpAt: null };
        const trace = simulate(scenario);
        const verdict = trace.verdict as PciVerdict;
        expect(verdict.bugReproduced).toBe(false);
        if (scenario.evacuees === 2) {
          // Two evacuees and a boot want three physnet2 VFs of host2's two: one claim may fail (the
          // server then stays on host1), but no evacuee that reached host2 is without its device.
          expect(verdict.verdict).not.toBe('lost');
          expect(verdict.lostInstances).toEqual([]);
          for (const e of verdict.evacuees!) if (e.instanceHost === 'host2') expect(e.pciAllocated.host2).toBe(1);
          if (scenario.bootAt === null) expect(verdict.evacuees!.map((e) => e.pciAllocated.host2)).toEqual([1, 1]);
          return;
        }
        expect(verdict.instanceHost).toBe('host2');
        // host1's count depends on whether host1's periodic ran after the evacuation
        // (it then cleans the source); host2 always keeps its device.
        expect(verdict.pciAllocated.host2).toBe(1);
      }),
      { numRuns: 300, seed: 1896463 },
    );
  });

  it('host1 returning mid-evacuation loses the allocation by another mechanism, which the fix does not close', () => {
    // _destroy_evacuated_instances marks a pre-migrating evacuation completed,
    // so host2's periodic no longer lists it while instance.host is still host1.
    for (const fix of [false, true]) {
      const { verdict } = simulate({ ...defaultScenario('production'), fix, spawn: 3000, periodicAt: 1000, host1UpAt: 500 });
      expect(verdict).toMatchObject({ verdict: 'lost', allocationLost: true, bugReproduced: false, mechanism: 'migration-completed-by-source' });
      expect(verdict.reason).toMatch(/host1 came back and marked the migration completed .* The fix does not close this window/);
    }
  });

  it('whenever bug #1896463 loses the allocation, snapshot 1 precedes the host save and snapshot 2 follows done', () => {
    let losses = 0;
    fc.assert(
      fc.property(scenarioArb(false), (scenario) => {
        const trace = simulate(scenario);
        const verdict = trace.verdict as PciVerdict;
        if (!verdict.allocationLost) return;
        expect(verdict.mechanism).not.toBeNull();
        if (!verdict.bugReproduced) return;
        losses++;
        const { claim, hostSaved, migrationFinished, freed } = verdict.times;
        const instanceRead = trace.steps[freed!.instanceRead!.step]!;
        const migrationRead = trace.steps[freed!.migrationRead!.step]!;
        const saved = trace.steps[hostSaved!.step]!;
        // The moments are those of the first evacuee lost (inst-A's with one evacuee): its own thread's steps.
        const lostFirst = verdict.lostInstances?.[0] ?? 'inst-A';
        const [lane, migrationId] = lostFirst === 'inst-C' ? (['evacuation-2', 2] as const) : (['evacuation', 1] as const);
        const done = trace.steps.find((s) => s.kind === 'migration-done' && s.thread === lane)!;
        // The moments name the steps the trace shows, on host2's periodic thread...
        expect([instanceRead.kind, instanceRead.host, migrationRead.kind, migrationRead.host]).toEqual(['instance-list', 'host2', 'migration-list', 'host2']);
        expect([saved.kind, saved.thread]).toEqual(['host-saved', lane]);
        expect(trace.states[done.index + 1]!.db.migrations[migrationId]!.status).toBe('done');
        // (host1 coming back may have completed the migration even earlier)
        expect(migrationFinished!.step).toBeLessThanOrEqual(done.index);
        // ...in the order that makes the bug: claim, S1, host save, ..., done, S2, free.
        expect(claim!.step).toBeLessThan(instanceRead.index);
        expect(instanceRead.index).toBeLessThan(saved.index);
        expect(done.index).toBeLessThan(migrationRead.index);
        expect(migrationRead.index).toBeLessThan(freed!.step);
        expect(trace.steps[freed!.step]).toMatchObject({ kind: 'pci-freed', host: 'host2' });
      }),
      { numRuns: 400, seed: 42 },
    );
    expect(losses).toBeGreaterThan(10);
  });

  it('the fast path gives the full simulation\'s verdict, counts and moments on every scenario', () => {
    const anyScenario = fc.boolean().chain((fix) => scenarioArb(fix));
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const { reason: _reason, ...full } = simulate(scenario).verdict;
        expect(simulateOutcome(scenario)).toEqual(full);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('the same scenario always gives the same trace hash', () => {
    fc.assert(
      fc.property(scenarioArb(false), (scenario) => {
        expect(simulate(scenario).traceHash).toBe(simulate({ ...scenario }).traceHash);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
