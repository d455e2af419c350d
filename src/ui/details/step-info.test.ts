import { describe, expect, it } from 'vitest';
import { BUGGY_COMMIT, FIX_COMMIT } from '../../model/nova-refs';
import { defaultScenario } from '../../model/scenario';
import { simulate } from '../../model/simulate';
import { allViolations, lockText, novaLink, timeText, violationsAt } from './step-info';

const buggy = simulate(defaultScenario());
const fixed = simulate({ ...defaultScenario(), fix: true });

describe('timeText and lockText', () => {
  it('gives the span and the duration', () => {
    expect(timeText({ start: 2343, end: 2393 })).toBe('2343–2393 ms (50 ms)');
    expect(timeText({ start: 4366, end: 4366 })).toBe('4366 ms (0 ms)');
  });

  it('says whether the lock was held or waited for, with its name', () => {
    expect(lockText({ lock: 'held', lockName: 'compute_resources', start: 0, end: 10 })).toBe('holds compute_resources');
    expect(lockText({ lock: 'waited', lockName: 'compute_resources@host2', start: 400, end: 2333 })).toBe(
      'waited 1933 ms for compute_resources@host2',
    );
    expect(lockText({ lock: 'none', lockName: null, start: 0, end: 1 })).toBe('no lock');
  });
});

describe('novaLink', () => {
  it('links clean_usage to the buggy commit', () => {
    const step = buggy.steps.find((s) => s.kind === 'clean-usage' && s.host === 'host2')!;
    const link = novaLink(step)!;
    expect(link.ref.function).toBe('PciDevTracker.clean_usage');
    expect(link.url).toBe(`https://github.com/openstack/nova/blob/${BUGGY_COMMIT}/nova/pci/manager.py#L366`);
    expect(link.commit).toBe('buggy');
    expect(link.commitText).toBe('buggy commit 3f348602ae (parent of the fix)');
    expect(link.place).toBe('nova/pci/manager.py:366');
  });

  it('links finish_evacuation to the fix', () => {
    const step = fixed.steps.find((s) => s.nova === 'finish-evacuation')!;
    const link = novaLink(step)!;
    expect(link.url).toContain(`/blob/${FIX_COMMIT}/nova/compute/resource_tracker.py#L`);
    expect(link.commitText).toBe('fixed commit 7675964af8 (the fix)');
  });

  it('has no link for an unknown reference', () => {
    expect(novaLink({ nova: 'no-such-ref' })).toBeNull();
  });
});

describe('violations', () => {
  it('lists the violations of the freeing step with the invariant in words', () => {
    const freed = buggy.steps.find((s) => s.kind === 'pci-freed' && s.host === 'host2')!;
    const at = violationsAt(buggy, freed.index);
    expect(at.map((v) => v.violation.invariant)).toEqual(['guest-devices-allocated', 'in-use-not-available']);
    expect(at[1]!.rule).toBe('a device a running guest uses is never available in the tracker');
    expect(violationsAt(buggy, 0)).toEqual([]);
  });

  it('lists all violations in step order with unique keys', () => {
    const all = allViolations(buggy);
    expect(all.map((v) => v.violation.step)).toEqual([...all.map((v) => v.violation.step)].sort((a, b) => a - b));
    expect(new Set(all.map((v) => v.key)).size).toBe(all.length);
    expect(allViolations(fixed)).toEqual([]);
  });
});
