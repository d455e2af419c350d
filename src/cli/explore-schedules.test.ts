import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { schedulesReport } from './explore-schedules';

const clock = () => {
  let t = 0;
  return () => (t += 0.01);
};

describe('explore -- schedules', () => {
  it('reports the schedules, the losing ones, the shortest with its link, and whether the run was complete', () => {
    const report = schedulesReport(defaultScenario(), { reduction: true, budget: 1e6, seconds: null, now: clock() }) as Record<string, unknown>;
    expect(report).toMatchObject({ schedules: 87, losingSchedules: 7, reduction: 'dpor', complete: true });
    expect(report).not.toHaveProperty('interleavings');
    expect((report.shortestLosing as { link: string }).link).toMatch(/^\?v=1.*&schedule=1\./);
  });

  it('with --traces, says how many interleavings the schedules stand for: all of them when complete', () => {
    const all = schedulesReport(defaultScenario(), { reduction: true, budget: 1e6, seconds: null, measureTraces: true, now: clock() });
    expect(all).toMatchObject({ schedules: 87, complete: true, interleavings: 38_597 });
    const cut = schedulesReport(defaultScenario(), { reduction: true, budget: 10, seconds: null, measureTraces: true, now: clock() }) as { interleavings: number };
    expect(cut).toMatchObject({ schedules: 10, complete: false });
    expect(cut.interleavings).toBeGreaterThan(10);
    expect(cut.interleavings).toBeLessThan(38_597);
    // Without reduction each schedule is one interleaving.
    expect(schedulesReport(defaultScenario(), { reduction: false, budget: 50, seconds: null, measureTraces: true, now: clock() })).toMatchObject({ schedules: 50, interleavings: 50 });
  });
});
