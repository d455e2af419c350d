import { describe, expect, it } from 'vitest';
import { EVACUATION_MIGRATION_ID, EVACUEE } from '../model/world';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { covers, holdIntervals, listedOn, visibility } from './visibility';

const run = (patch: Partial<Scenario> = {}) => simulate({ ...defaultScenario(), ...patch });
const stepOf = (trace: ReturnType<typeof run>, kind: string) => trace.steps.find((s) => s.thread === 'evacuation' && s.kind === kind)!;

describe('visibility (buggy default)', () => {
  const trace = run();
  const v = visibility(trace, 'host2', EVACUEE, EVACUATION_MIGRATION_ID);
  it('lists the evacuee on host2 from instance.save (host=host2) to the end', () => {
    const saved = stepOf(trace, 'host-saved');
    expect(v.listed).toEqual([{ start: saved.end, end: trace.endTime, fromStep: saved.index, toStep: null }]);
  });
  it('has the migration in progress for host2 from the claim until it is done', () => {
    const claim = stepOf(trace, 'claim');
    const done = stepOf(trace, 'migration-done');
    expect(v.inProgress).toEqual([{ start: claim.end, end: done.end, fromStep: claim.index, toStep: done.index }]);
  });
  it('leaves the gap the periodic fell into: between the bars, neither holds', () => {
    const s1 = trace.steps.find((s) => s.host === 'host2' && s.kind === 'instance-list')!;
    const s2 = trace.steps.find((s) => s.host === 'host2' && s.kind === 'migration-list')!;
    expect(covers(v.listed, s1.end)).toBe(false);
    expect(covers(v.inProgress, s2.end)).toBe(false);
  });
});

describe('visibility (fix=1)', () => {
  const trace = run({ fix: true });
  const v = visibility(trace, 'host2', EVACUEE, EVACUATION_MIGRATION_ID);
  it('keeps the migration in progress past snapshot 2, so the periodic sees it', () => {
    const s2 = trace.steps.find((s) => s.host === 'host2' && s.kind === 'migration-list')!;
    expect(covers(v.inProgress, s2.end)).toBe(true);
    expect(v.inProgress[0]!.end).toBeGreaterThan(v.listed[0]!.start);
  });
});

describe('holdIntervals', () => {
  it('is true from the start when the first world holds, and closes when it stops', () => {
    const trace = run();
    const onHost1 = holdIntervals(trace, listedOn('host1', EVACUEE));
    expect(onHost1[0]).toMatchObject({ start: 0, fromStep: null });
    expect(onHost1[0]!.toStep).toBe(stepOf(trace, 'host-saved').index);
  });
  it('is empty when the condition never holds, and for an empty trace', () => {
    const trace = run();
    expect(holdIntervals(trace, listedOn('host2', 'no-such-instance'))).toEqual([]);
    expect(holdIntervals({ ...trace, states: [] }, () => true)).toEqual([]);
  });
});
