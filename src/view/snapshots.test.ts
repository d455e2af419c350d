import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { EVACUATION_MIGRATION_ID, EVACUEE } from '../model/world';
import { periodicRuns } from './snapshots';
import { covers, visibility } from './visibility';

const runsOf = (patch: Partial<Scenario> = {}, preset: Scenario['preset'] = 'nova-test') => {
  const trace = simulate({ ...defaultScenario(preset), ...patch });
  return { trace, runs: periodicRuns(trace, 'host2', EVACUEE, EVACUATION_MIGRATION_ID) };
};

describe('periodicRuns', () => {
  it('buggy default: one host2 run, both snapshots missed the evacuee, so the claim is lost', () => {
    const { trace, runs } = runsOf();
    expect(runs).toHaveLength(1);
    const [only] = runs;
    expect(only!.lost).toBe(true);
    expect(only!.first).toMatchObject({ which: 1, status: 'missed' });
    expect(only!.second).toMatchObject({ which: 2, status: 'missed' });
    expect(trace.steps[only!.first!.step]!.kind).toBe('instance-list');
    expect(trace.steps[only!.second!.step]!.kind).toBe('migration-list');
  });

  it('fix=1: snapshot 2 sees the migration, snapshot 1 is only a harmless gap', () => {
    const [only] = runsOf({ fix: true }).runs;
    expect(only!.lost).toBe(false);
    expect(only!.first!.status).toBe('gap');
    expect(only!.second!.status).toBe('seen');
  });

  it('agrees with the strip bars: a mark is seen exactly when its time is covered', () => {
    for (const patch of [{}, { fix: true }, { migDelay: 0 }, { dropDelay: 5000 }]) {
      const { trace, runs } = runsOf(patch);
      const v = visibility(trace, 'host2', EVACUEE, EVACUATION_MIGRATION_ID);
      for (const run of runs) {
        if (run.first) expect(run.first.status === 'seen').toBe(covers(v.listed, run.first.time));
        if (run.second) expect(run.second.status === 'seen').toBe(covers(v.inProgress, run.second.time));
      }
    }
  });

  it('production: later runs list the instance; only the racing run lost it', () => {
    const { runs } = runsOf({ periodicRuns: 3 }, 'production');
    expect(runs.map((r) => r.run)).toEqual([1, 2, 3]);
    expect(runs.map((r) => r.lost)).toEqual([true, false, false]);
    expect(runs[1]!.first!.status).toBe('seen');
    expect(runs[1]!.second!.status).toBe('gap');
  });

  it('ignores the other host', () => {
    const { trace } = runsOf();
    expect(periodicRuns(trace, 'host1', EVACUEE, EVACUATION_MIGRATION_ID).every((r) => r.host === 'host1')).toBe(true);
  });
});
