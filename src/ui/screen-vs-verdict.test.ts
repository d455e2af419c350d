/**
 * What the screen calls lost is what the verdict says, over random
 * scenarios: the strip's missed snapshots and stale links, the host card's
 * failing Nova count, and the red device that a guest still uses. None of
 * these decide on their own; they draw the model's facts, and this test
 * goes red if one of them starts deriving the bug condition again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../model/test-scenarios';
import { simulate } from '../model/simulate';
import type { PciVerdict } from '../model/types';
import { buildTimelineModel } from '../view/timeline-model';
import { hostDevices } from './hosts/device-view';
import { hostSummary } from './hosts/host-summary';


describe('the screen and the verdict agree', () => {
  it('on every random scenario', () => {
    let lost = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        const verdict = trace.verdict as PciVerdict;
        const last = trace.steps.length - 1;
        const at = trace.states[last + 1]!;
        const before = trace.states[last]!;
        const timeline = buildTimelineModel(trace);

        // The strip: a run that lost the claim, with its two missed marks.
        const lostRuns = timeline.runs.filter((r) => r.lost);
        expect(lostRuns.length > 0).toBe(verdict.allocationLost);
        for (const run of lostRuns) {
          expect(run.first?.status ?? 'missed').toBe('missed');
          expect(run.second?.status ?? 'missed').toBe('missed');
        }
        // The stale, harmful links exist exactly for bug #1896463's mechanism.
        const harmful = timeline.links.filter((l) => l.stale && !l.harmless);
        if (verdict.bugReproduced) expect(harmful.map((l) => l.which).sort()).toEqual([1, 2]);
        if (!verdict.allocationLost) expect(harmful).toEqual([]);

        // The host card: the Nova test's count fails on host2 (with two evacuees, inst-A's or inst-C's).
        const summary = hostSummary(at, before, 'host2');
        expect(summary.novaCountBad || summary.otherEvacuees.some((e) => e.bad)).toBe(verdict.allocationLost);

        // The device view: a VF the evacuee still runs on, freed by the race.
        const worlds = { trace, cursor: last, at, before };
        const damaged = hostDevices(worlds, 'host2')
          .flatMap((d) => [d, ...d.children])
          .filter((d) => (d.look === 'lost' || d.look === 'conflict') && d.usedBy.some((uuid) => uuid === 'inst-A' || uuid === 'inst-C'));
        expect(damaged.length > 0).toBe(verdict.allocationLost);
        for (const d of damaged) expect(d.reason?.freedAt).not.toBeNull();
        if (verdict.allocationLost) lost++;
      }),
      { numRuns: 400, seed: 20260 },
    );
    expect(lost).toBeGreaterThan(5);
  });
});
