import { describe, expect, it } from 'vitest';
import { allocateDevice, allocatedTo, claimDevice, fakeDriverDevices, freeDevice, freePools, pickFreeVf } from './pci-devices';

describe('fake driver devices', () => {
  it('has three PFs with one VF each, PF1 on physnet1 and PF2/PF3 on physnet2', () => {
    const devices = fakeDriverDevices();
    expect(Object.keys(devices).sort()).toEqual([
      '0000:01:00.0', '0000:01:00.1', '0000:02:00.0', '0000:02:00.1', '0000:03:00.0', '0000:03:00.1',
    ]);
    expect(devices['0000:01:00.1']).toMatchObject({ type: 'VF', parent: '0000:01:00.0', physnet: 'physnet1', status: 'available' });
    expect(devices['0000:03:00.0']).toMatchObject({ type: 'PF', parent: null, physnet: 'physnet2' });
    expect(freePools(devices)).toEqual({ physnet1: 1, physnet2: 2 });
  });
});

describe('PciDevice status changes', () => {
  it('picks the lowest free VF on the physnet', () => {
    const devices = fakeDriverDevices();
    expect(pickFreeVf(devices, 'physnet2')).toBe('0000:02:00.1');
    expect(pickFreeVf(claimDevice(devices, '0000:02:00.1', 'x'), 'physnet2')).toBe('0000:03:00.1');
    expect(pickFreeVf(devices, 'physnet9')).toBeNull();
  });

  it('claim makes the parent PF unclaimable; allocate makes it unavailable', () => {
    const claimed = claimDevice(fakeDriverDevices(), '0000:02:00.1', 'inst-A');
    expect(claimed['0000:02:00.1']).toMatchObject({ status: 'claimed', instanceUuid: 'inst-A' });
    expect(claimed['0000:02:00.0']?.status).toBe('unclaimable');
    const allocated = allocateDevice(claimed, '0000:02:00.1', 'inst-A');
    expect(allocated['0000:02:00.1']).toMatchObject({ status: 'allocated', instanceUuid: 'inst-A' });
    expect(allocated['0000:02:00.0']?.status).toBe('unavailable');
    expect(allocatedTo(allocated, 'inst-A')).toEqual(['0000:02:00.1']);
  });

  it('refuses to claim a used device or allocate one claimed by someone else', () => {
    const claimed = claimDevice(fakeDriverDevices(), '0000:02:00.1', 'inst-A');
    expect(() => claimDevice(claimed, '0000:02:00.1', 'inst-B')).toThrow(/claimed/);
    expect(() => allocateDevice(claimed, '0000:02:00.1', 'inst-B')).toThrow(/inst-B/);
  });

  it('free returns the VF and, once no VF is used, its PF to available', () => {
    const allocated = allocateDevice(fakeDriverDevices(), '0000:02:00.1', 'inst-A');
    const freed = freeDevice(allocated, '0000:02:00.1');
    expect(freed['0000:02:00.1']).toMatchObject({ status: 'available', instanceUuid: null });
    expect(freed['0000:02:00.0']?.status).toBe('available');
    expect(() => freeDevice(freed, '0000:02:00.1')).toThrow(/available/);
  });

  it('never mutates its input', () => {
    const devices = fakeDriverDevices();
    const snapshot = JSON.stringify(devices);
    freeDevice(allocateDevice(devices, '0000:03:00.1', 'x'), '0000:03:00.1');
    expect(JSON.stringify(devices)).toBe(snapshot);
  });
});
