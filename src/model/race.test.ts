import { describe, expect, it } from 'vitest';
import { holdIntervals, type Interval, listedOn } from './race';
import { defaultScenario, type Scenario } from './scenario';
import { simulate } from './simulate';
import { EVACUEE } from './world';

const run = (patch: Partial<Scenario> = {}, preset: Scenario['preset'] = 'nova-test') => simulate({ ...defaultScenario(preset), ...patch });
const stepOf = (trace: ReturnType<typeof run>, kind: string) => trace.steps.find((s) => s.thread === 'evacuation' && s.kind === kind)!;
const covers = (intervals: readonly Interval[], t: number) => intervals.some((iv) => t >= iv.start && t <= iv.end);

describe('periodic runs, as the facts tell them', () => {
  it('buggy default: one host2 run, both snapshots missed the evacuee, so the claim is lost', () => {
    const trace = run();
    expect(trace.race.runs).toHaveLength(1);
    const [only] = trace.race.runs;
    expect(only!.lost).toBe(true);
    expect(only!.first).toMatchObject({ which: 1, status: 'missed' });
    expect(only!.second).toMatchObject({ which: 2, status: 'missed' });
    expect(trace.steps[only!.first!.step]!.kind).toBe('instance-list');
    expect(trace.steps[only!.second!.step]!.kind).toBe('migration-list');
  });

  it('fix=1: snapshot 2 sees the migration, snapshot 1 is only a harmless gap', () => {
    const [only] = run({ fix: true }).race.runs;
    expect(only!.lost).toBe(false);
    expect(only!.first!.status).toBe('gap');
    expect(only!.second!.status).toBe('seen');
  });

  it('agrees with the strip bars: a mark is seen exactly when its time is covered', () => {
    for (const patch of [{}, { fix: true }, { migDelay: 0 }, { dropDelay: 5000 }]) {
      const { race } = run(patch);
      for (const r of race.runs) {
        if (r.first) expect(r.first.status === 'seen').toBe(covers(race.visibility.listed, r.first.time));
        if (r.second) expect(r.second.status === 'seen').toBe(covers(race.visibility.inProgress, r.second.time));
      }
    }
  });

  it('production: later runs list the instance; only the racing run lost it', () => {
    const { runs } = run({ periodicRuns: 3 }, 'production').race;
    expect(runs.map((r) => r.run)).toEqual([1, 2, 3]);
    expect(runs.map((r) => r.lost)).toEqual([true, false, false]);
    expect(runs[1]!.first!.status).toBe('seen');
    expect(runs[1]!.second!.status).toBe('gap');
    expect(runs.every((r) => r.host === 'host2')).toBe(true);
  });
});

describe('race links', () => {
  it('buggy default: snapshot 1 before the host save and snapshot 2 after done, both stale and harmful', () => {
    const trace = run();
    const { links } = trace.race;
    expect(links.map((l) => [l.which, l.stale, l.harmless])).toEqual([[1, true, false], [2, true, false]]);
    const [first, second] = links;
    expect(first!.readTime).toBeLessThan(first!.writeTime);
    expect(second!.readTime).toBeGreaterThan(second!.writeTime);
    expect(trace.steps[first!.write]!.kind).toBe('host-saved');
    expect(trace.steps[second!.write]!.kind).toBe('migration-done');
  });

  it('fix=1: snapshot 2 comes before done, which makes the early snapshot 1 harmless', () => {
    const { links } = run({ fix: true }).race;
    expect(links.find((l) => l.which === 2)?.stale).toBe(false);
    expect(links.find((l) => l.which === 1)).toMatchObject({ stale: true, harmless: true });
  });

  it('links only the runs that overlap the evacuation', () => {
    const { links } = run({ periodicRuns: 5 }, 'production').race;
    expect(new Set(links.map((l) => l.run))).toEqual(new Set([1]));
  });

  it('host1 coming back: snapshot 2 is compared with the completion by host1, not with done', () => {
    const trace = run({ fix: true, spawn: 3000, periodicAt: 1000, host1UpAt: 500 }, 'production');
    const s2 = trace.race.links.find((l) => l.which === 2)!;
    expect(s2.stale).toBe(true);
    expect(trace.steps[s2.write]).toMatchObject({ thread: 'host1-restart', name: "migration.status = 'completed'" });
  });
});

describe('freed devices', () => {
  it('says which run freed what, with the run\'s two reads', () => {
    const trace = run();
    const [freed] = trace.race.freed;
    expect(freed).toMatchObject({ host: 'host2', uuid: EVACUEE, address: '0000:02:00.1', was: 'allocated', run: 1, thread: 'periodic-host2' });
    expect(trace.steps[freed!.step]!.kind).toBe('pci-freed');
    expect(trace.steps[freed!.instanceRead!.step]!.kind).toBe('instance-list');
    expect(trace.steps[freed!.migrationRead!.step]!.kind).toBe('migration-list');
    expect(run({ fix: true }).race.freed).toEqual([]);
  });
});

describe('visibility', () => {
  it('buggy default: listed on host2 from the host save to the end; in progress from the claim until done', () => {
    const trace = run();
    const { listed, inProgress } = trace.race.visibility;
    const saved = stepOf(trace, 'host-saved');
    const claim = stepOf(trace, 'claim');
    const done = stepOf(trace, 'migration-done');
    expect(listed).toEqual([{ start: saved.end, end: trace.endTime, fromStep: saved.index, toStep: null }]);
    expect(inProgress).toEqual([{ start: claim.end, end: done.end, fromStep: claim.index, toStep: done.index }]);
  });

  it('holdIntervals is true from the start when the first world holds, and empty when the condition never holds', () => {
    const trace = run();
    const onHost1 = holdIntervals(trace.steps, trace.states, trace.endTime, listedOn('host1', EVACUEE));
    expect(onHost1[0]).toMatchObject({ start: 0, fromStep: null, toStep: stepOf(trace, 'host-saved').index });
    expect(holdIntervals(trace.steps, trace.states, trace.endTime, listedOn('host2', 'no-such-instance'))).toEqual([]);
    expect(holdIntervals(trace.steps, [], trace.endTime, () => true)).toEqual([]);
  });
});
