import { describe, expect, it } from 'vitest';
import { outcomeKey } from '../../model';
import { outcomeWords, scheduleWords } from './schedule-text';

describe('the explorer in words', () => {
  it('names a #1896463 outcome by its mechanism and the devices per host', () => {
    expect(outcomeWords({ verdict: 'lost', mechanism: 'stale-snapshots', pciAllocated: { host1: 1, host2: 0 }, count: 7 })).toBe(
      '7 × lost (bug #1896463), host1 1 · host2 0',
    );
    expect(outcomeWords({ verdict: 'kept', mechanism: null, pciAllocated: { host1: 0, host2: 1 }, count: 1234 })).toBe('1,234 × kept, host1 0 · host2 1');
  });

  it('names a usage race outcome by its mechanism and vcpus_used when the operation finished', () => {
    const lost = { verdict: 'lost', mechanism: 'periodic-before-drop', usageWhenFinished: { host1: -1, host2: 1 }, usage: { host1: 0, host2: 1 }, count: 3 } as const;
    expect(outcomeWords(lost)).toBe('3 × lost (periodic before the drop), vcpus_used host1: -1 · host2: 1');
    expect(outcomeWords({ ...lost, verdict: 'incomplete', mechanism: null, usageWhenFinished: null })).toBe('3 × incomplete, not finished');
    expect(outcomeWords({ ...lost, mechanism: 'spawning-not-counted', usageWhenFinished: { compute1: 0 } })).toContain('spawning server not counted');
  });

  it('keys outcomes that differ only in the usage at the end, or in which evacuee lost, apart', () => {
    const a = { verdict: 'lost', mechanism: 'periodic-before-drop', usageWhenFinished: { host1: -1 }, usage: { host1: 0 }, count: 1 } as const;
    expect(outcomeKey(a)).not.toBe(outcomeKey({ ...a, usage: { host1: -1 } }));
    const b = { verdict: 'lost', mechanism: 'stale-snapshots', pciAllocated: { host1: 0, host2: 1 }, lostInstances: ['inst-A'], count: 1 } as const;
    expect(outcomeKey(b)).not.toBe(outcomeKey({ ...b, lostInstances: ['inst-C'] }));
  });

  it('names which evacuee lost when there are two', () => {
    const two = { verdict: 'lost', mechanism: 'stale-snapshots', pciAllocated: { host1: 1, host2: 1 }, lostInstances: ['inst-C'], count: 3 } as const;
    expect(outcomeWords(two)).toBe('3 × lost (bug #1896463: inst-C), host1 1 · host2 1');
  });

  it('counts context switches in the singular and the plural', () => {
    expect(scheduleWords({ steps: 21, contextSwitches: 1 })).toBe('21 steps, 1 context switch');
    expect(scheduleWords({ steps: 21, contextSwitches: 3 })).toBe('21 steps, 3 context switches');
  });
});
