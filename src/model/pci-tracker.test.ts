import { describe, expect, it } from 'vitest';
import { allocateDevice, fakeDriverDevices } from './pci-devices';
import { allocateInstance, claimInstance, cleanUsage, emptyTracker, trackerFromRows } from './pci-tracker';

describe('PciDevTracker', () => {
  it('claim_instance claims the lowest physnet2 VF and records the claim', () => {
    const result = claimInstance(emptyTracker(fakeDriverDevices()), 'inst-A', 'physnet2');
    expect(result?.addresses).toEqual(['0000:02:00.1']);
    expect(result?.tracker.claims).toEqual({ 'inst-A': ['0000:02:00.1'] });
    expect(result?.tracker.devices['0000:02:00.1']?.status).toBe('claimed');
  });

  it('claim_instance fails when no VF fits', () => {
    let tracker = emptyTracker(fakeDriverDevices());
    tracker = claimInstance(tracker, 'a', 'physnet2')!.tracker;
    tracker = claimInstance(tracker, 'b', 'physnet2')!.tracker;
    expect(claimInstance(tracker, 'c', 'physnet2')).toBeNull();
  });

  it('allocate_instance moves claims to allocations, and does nothing without claims', () => {
    const claimed = claimInstance(emptyTracker(fakeDriverDevices()), 'inst-A', 'physnet2')!.tracker;
    const allocated = allocateInstance(claimed, 'inst-A');
    expect(allocated.claims).toEqual({});
    expect(allocated.allocations).toEqual({ 'inst-A': ['0000:02:00.1'] });
    expect(allocated.devices['0000:02:00.1']?.status).toBe('allocated');
    expect(allocateInstance(allocated, 'inst-A')).toBe(allocated);
  });

  it('clean_usage frees claims and allocations of instances not in the existed set', () => {
    let tracker = claimInstance(emptyTracker(fakeDriverDevices()), 'inst-A', 'physnet2')!.tracker;
    tracker = allocateInstance(tracker, 'inst-A');
    tracker = claimInstance(tracker, 'inst-B', 'physnet2')!.tracker;
    expect(cleanUsage(tracker, new Set(['inst-B'])).freed.map((f) => [f.instanceUuid, f.address, f.was])).toEqual([
      ['inst-A', '0000:02:00.1', 'allocated'],
    ]);
    const { tracker: cleaned, freed } = cleanUsage(tracker, new Set());
    expect(freed.map((f) => `${f.instanceUuid} ${f.was}`)).toEqual(['inst-B claimed', 'inst-A allocated']);
    // Each free carries the tracker right after it: the first free left inst-A's allocation alone.
    expect(freed[0]!.after.allocations).toEqual({ 'inst-A': ['0000:02:00.1'] });
    expect(freed[0]!.after.claims).toEqual({});
    expect(freed[1]!.after).toBe(cleaned);
    expect(cleaned.claims).toEqual({});
    expect(cleaned.allocations).toEqual({});
    expect(Object.values(cleaned.devices).every((d) => d.status === 'available')).toBe(true);
  });

  it('clean_usage keeps everything that existed', () => {
    const tracker = allocateInstance(claimInstance(emptyTracker(fakeDriverDevices()), 'x', 'physnet2')!.tracker, 'x');
    expect(cleanUsage(tracker, new Set(['x'])).tracker).toBe(tracker);
  });

  it('a restarted tracker rebuilds claims and allocations from the saved rows', () => {
    const rows = allocateDevice(fakeDriverDevices(), '0000:02:00.1', 'inst-A');
    const tracker = trackerFromRows(rows);
    expect(tracker.allocations).toEqual({ 'inst-A': ['0000:02:00.1'] });
    expect(tracker.trackedInstances).toEqual([]);
    expect(tracker.devices).toBe(rows);
  });
});
