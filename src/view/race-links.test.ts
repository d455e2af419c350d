import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { EVACUATION_MIGRATION_ID, EVACUEE } from '../model/world';
import { evacuationWrites, raceLinks } from './race-links';
import { periodicRuns } from './snapshots';

const linksOf = (patch: Partial<Scenario> = {}, preset: Scenario['preset'] = 'nova-test') => {
  const trace = simulate({ ...defaultScenario(preset), ...patch });
  return { trace, links: raceLinks(trace, periodicRuns(trace, 'host2', EVACUEE, EVACUATION_MIGRATION_ID)) };
};

describe('evacuationWrites', () => {
  it('finds the claim and the two writes the periodic races with', () => {
    const { trace } = linksOf();
    const w = evacuationWrites(trace);
    expect(w.claim?.kind).toBe('claim');
    expect(w.hostSaved?.name).toContain('instance.save');
    expect(w.migrationDone?.kind).toBe('migration-done');
  });
});

describe('raceLinks', () => {
  it('buggy default: snapshot 1 before the host save and snapshot 2 after done, both stale', () => {
    const { trace, links } = linksOf();
    expect(links.map((l) => [l.which, l.stale])).toEqual([[1, true], [2, true]]);
    const [first, second] = links;
    expect(first!.readTime).toBeLessThan(first!.writeTime);
    expect(second!.readTime).toBeGreaterThan(second!.writeTime);
    expect(trace.steps[first!.write]!.kind).toBe('host-saved');
  });

  it('fix=1: snapshot 2 comes before done, in time, which makes the early snapshot 1 harmless', () => {
    const { links } = linksOf({ fix: true });
    expect(links.find((l) => l.which === 2)?.stale).toBe(false);
    expect(links.find((l) => l.which === 1)).toMatchObject({ stale: true, harmless: true });
  });

  it('buggy default: neither stale read is harmless', () => {
    expect(linksOf().links.map((l) => l.harmless)).toEqual([false, false]);
  });

  it('links only the runs that overlap the evacuation', () => {
    const { links } = linksOf({ periodicRuns: 5 }, 'production');
    expect(new Set(links.map((l) => l.run))).toEqual(new Set([1]));
  });

  it('has nothing to link without an evacuation', () => {
    const { trace } = linksOf();
    const noEvac = { ...trace, steps: trace.steps.filter((s) => s.thread !== 'evacuation') };
    expect(raceLinks(noEvac, periodicRuns(trace, 'host2', EVACUEE, EVACUATION_MIGRATION_ID))).toEqual([]);
  });
});
