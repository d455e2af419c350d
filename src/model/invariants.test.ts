import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants';
import { freeDevice } from './pci-devices';
import { afterHostSaved, afterSpawn } from './test-worlds';
import type { World } from './types';
import { setTracker, updateHost } from './world';

function freeInTracker(w: World): World {
  const rt = w.hosts.host2!.tracker;
  return setTracker(w, 'host2', { ...rt, devices: freeDevice(rt.devices, '0000:02:00.1'), allocations: {} });
}

describe('invariants', () => {
  it('hold during a normal evacuation', () => {
    expect(checkInvariants(afterSpawn(), ['host2'])).toEqual([]);
    expect(checkInvariants(afterHostSaved(), [])).toEqual([]);
  });

  it('a guest whose device the tracker freed breaks guest-devices-allocated and in-use-not-available', () => {
    const problems = checkInvariants(freeInTracker(afterSpawn()), []);
    expect(problems.map((p) => p.invariant).sort()).toEqual(['guest-devices-allocated', 'in-use-not-available']);
    expect(problems[0]).toMatchObject({ host: 'host2', address: '0000:02:00.1', instance: 'inst-A' });
  });

  it('two guests on one device break single-owner', () => {
    const w = afterSpawn();
    const both = updateHost(w, 'host2', { guests: { ...w.hosts.host2!.guests, 'inst-B': { uuid: 'inst-B', pciDevices: ['0000:02:00.1'] } } });
    const problems = checkInvariants(both, []);
    expect(problems.some((p) => p.invariant === 'single-owner' && /two VMs/.test(p.message))).toBe(true);
  });

  it('one device in two instances usage breaks single-owner', () => {
    const w = afterSpawn();
    const rt = w.hosts.host2!.tracker;
    const doubled = setTracker(w, 'host2', { ...rt, claims: { 'inst-B': ['0000:02:00.1'] } });
    expect(checkInvariants(doubled, []).map((p) => p.invariant)).toContain('single-owner');
  });

  it('the tracker and the saved rows must agree after a save', () => {
    const diverged = freeInTracker(afterSpawn());
    expect(checkInvariants(diverged, ['host2']).map((p) => p.invariant)).toContain('tracker-db-agree');
    expect(checkInvariants(diverged, []).map((p) => p.invariant)).not.toContain('tracker-db-agree');
  });
});
