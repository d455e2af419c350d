import { describe, expect, it } from 'vitest';
import { simulate } from '../../model/simulate';
import { EXAMPLES, matchingExample } from './examples';

describe('examples', () => {
  it('each example shows what its title promises', () => {
    const lost = (id: string) => simulate(EXAMPLES.find((e) => e.id === id)!.scenario).verdict.bugReproduced;
    expect(lost('nova-test')).toBe(true);
    expect(lost('nova-test-fixed')).toBe(false);
    expect(lost('no-sleeps')).toBe(false);
    expect(lost('short-mig-sleep')).toBe(false);
    expect(lost('production')).toBe(true);
    // The race without the test's sleeps: jitter alone loses the VF.
    expect(lost('production-jitter')).toBe(true);
    expect(EXAMPLES.find((e) => e.id === 'production-jitter')!.scenario).toMatchObject({ dropDelay: 0, migDelay: 0, jitter: 100, seed: 27, periodicRuns: 5 });
    expect(lost('host1-cleanup')).toBe(false);
    const midEvacuation = simulate(EXAMPLES.find((e) => e.id === 'host1-mid-evacuation')!.scenario).verdict;
    expect(midEvacuation).toMatchObject({ allocationLost: true, bugReproduced: false, mechanism: 'migration-completed-by-source' });
    const twoVms = simulate(EXAMPLES.find((e) => e.id === 'two-vms')!.scenario);
    expect(twoVms.violations.some((v) => v.message.includes('one device, two VMs'))).toBe(true);
    const lostOf = (id: string) => simulate(EXAMPLES.find((e) => e.id === id)!.scenario).verdict;
    expect(lostOf('two-evacuations')).toMatchObject({ verdict: 'lost', bugReproduced: true, lostInstances: ['inst-A', 'inst-C'] });
    expect(lostOf('two-evacuations-second-lost')).toMatchObject({ verdict: 'lost', bugReproduced: true, lostInstances: ['inst-C'] });
  });

  it('titles fit the select (about 28 characters)', () => {
    for (const e of EXAMPLES) expect(e.title.length, e.title).toBeLessThanOrEqual(28);
  });

  it('ids are unique and every example is recognised', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) expect(matchingExample({ ...e.scenario })?.id).toBe(e.id);
  });
});
