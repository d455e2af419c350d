import { describe, expect, it } from 'vitest';
import { diffWorld } from './diff';
import { allocateDevice } from './pci-devices';
import { initialWorld, putMigration, saveDevices, setTracker, updateHost, updateInstance } from './world';

describe('diffWorld', () => {
  it('is empty for the same world', () => {
    const w = initialWorld();
    expect(diffWorld(w, w)).toEqual([]);
  });

  it("names changed fields in Nova's words", () => {
    const w = initialWorld();
    let next = updateInstance(w, 'inst-A', { host: 'host2', taskState: 'rebuilding' });
    next = putMigration(next, { id: 1, instanceUuid: 'inst-A', sourceCompute: 'host1', destCompute: null, status: 'accepted', type: 'evacuation' });
    const tracker = next.hosts.host2!.tracker;
    next = setTracker(next, 'host2', { ...tracker, devices: allocateDevice(tracker.devices, '0000:02:00.1', 'inst-A'), allocations: { 'inst-A': ['0000:02:00.1'] } });
    next = saveDevices(next, 'host2');
    next = updateHost(next, 'host2', { guests: { 'inst-A': { uuid: 'inst-A', pciDevices: ['0000:02:00.1'] } } });
    const changes = diffWorld(w, next).map((c) => `${c.path}: ${c.before} -> ${c.after}`);
    expect(changes).toEqual([
      'instances[inst-A].host: host1 -> host2',
      'instances[inst-A].task_state: None -> rebuilding',
      'migrations[1]: - -> created: accepted, host1 -> None',
      'pci_devices host2[0000:02:00.0]: available -> unavailable',
      'pci_devices host2[0000:02:00.1]: available -> allocated (inst-A)',
      'host2 tracker devices[0000:02:00.0]: available -> unavailable',
      'host2 tracker devices[0000:02:00.1]: available -> allocated (inst-A)',
      'host2 tracker allocations[inst-A]: - -> 0000:02:00.1',
      'host2 hypervisor guest[inst-A]: - -> running with 0000:02:00.1',
    ]);
  });
});
