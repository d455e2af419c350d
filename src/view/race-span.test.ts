import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { openingDomain, openingDomainOf, raceFraming, raceFramingOf, raceSpan } from './race-span';

const run = (patch: Partial<Scenario> = {}, preset: Scenario['preset'] = 'nova-test') => simulate({ ...defaultScenario(preset), ...patch });

describe('raceSpan', () => {
  it("runs from host2's first snapshot of the evacuee to the free", () => {
    const trace = run();
    const s1 = trace.steps.find((s) => s.host === 'host2' && s.kind === 'instance-list')!;
    const freed = trace.steps.find((s) => s.host === 'host2' && s.kind === 'pci-freed')!;
    expect(raceSpan(trace)).toEqual([s1.start, freed.end]);
  });

  it('ends at the host save with the fix', () => {
    const trace = run({ fix: true });
    const saved = trace.steps.find((s) => s.kind === 'host-saved')!;
    expect(raceSpan(trace)![1]).toBe(saved.end);
  });

  it('is null when the evacuation never reached its claim', () => {
    expect(raceSpan(run({ claimAt: 3_600_000, periodicRuns: 10_000, period: 1000 }, 'production'))).toBeNull();
  });
});

describe('openingDomain', () => {
  it('shows the whole Nova test: the race fills about half of it', () => {
    const trace = run();
    expect(openingDomain(trace)).toEqual([0, trace.endTime]);
  });

  it('frames the race in a long production trace', () => {
    const trace = run({ periodicRuns: 500 }, 'production');
    const opening = openingDomain(trace);
    const span = raceSpan(trace)!;
    expect(opening).toEqual(raceFraming(trace));
    expect(opening[0]).toBeLessThan(span[0]);
    expect(opening[1]).toBeGreaterThan(span[1]);
    expect(opening[1] - opening[0]).toBeLessThan(trace.endTime / 100);
  });

  it('frames the races of traces drawn together (buggy and fixed)', () => {
    const buggy = run({ periodicRuns: 500 }, 'production');
    const fixed = run({ periodicRuns: 500, fix: true }, 'production');
    const both = openingDomainOf([buggy, fixed]);
    for (const trace of [buggy, fixed]) {
      expect(both[0]).toBeLessThanOrEqual(raceFraming(trace)![0]);
      expect(both[1]).toBeGreaterThanOrEqual(raceFraming(trace)![1]);
    }
    expect(openingDomainOf([run(), run({ fix: true })])[0]).toBe(0);
    expect(raceFramingOf([buggy, fixed])).toEqual(both);
    expect(raceFramingOf([run({ claimAt: 3_600_000, periodicRuns: 10_000, period: 1000 }, 'production')])).toBeNull();
  });
});
