/**
 * PCI devices of Nova's `FakeDriverWithPciResources` and the status changes
 * of `objects.PciDevice` (`claim`, `allocate`, `free`), including what a VF's
 * use does to its parent PF.
 */
import type { DeviceMap, DeviceStatus, PciDevice } from './types';

/** Three PFs with one VF each; PF1 on physnet1, PF2 and PF3 on physnet2. */
const INVENTORY: readonly Omit<PciDevice, 'status' | 'instanceUuid'>[] = [
  { address: '0000:01:00.0', type: 'PF', parent: null, physnet: 'physnet1' },
  { address: '0000:01:00.1', type: 'VF', parent: '0000:01:00.0', physnet: 'physnet1' },
  { address: '0000:02:00.0', type: 'PF', parent: null, physnet: 'physnet2' },
  { address: '0000:02:00.1', type: 'VF', parent: '0000:02:00.0', physnet: 'physnet2' },
  { address: '0000:03:00.0', type: 'PF', parent: null, physnet: 'physnet2' },
  { address: '0000:03:00.1', type: 'VF', parent: '0000:03:00.0', physnet: 'physnet2' },
];

/** The fake driver's devices, all available. */
export function fakeDriverDevices(): DeviceMap {
  return Object.fromEntries(
    INVENTORY.map((d) => [d.address, { ...d, status: 'available' as const, instanceUuid: null }]),
  );
}

function device(devices: DeviceMap, address: string): PciDevice {
  const dev = devices[address];
  if (!dev) throw new Error(`no PCI device ${address}`);
  return dev;
}

function withDevice(devices: DeviceMap, dev: PciDevice): DeviceMap {
  return { ...devices, [dev.address]: dev };
}

function setParentStatus(devices: DeviceMap, vf: PciDevice, status: DeviceStatus): DeviceMap {
  if (vf.parent === null) return devices;
  const parent = device(devices, vf.parent);
  return parent.status === status ? devices : withDevice(devices, { ...parent, status });
}

/**
 * The lowest-addressed available VF on `physnet`, as the stats pools hand
 * them out in these scenarios; `null` when none is free.
 */
export function pickFreeVf(devices: DeviceMap, physnet: string): string | null {
  // One pass for the lowest address (`<` orders strings as `sort()` does):
  // every claim runs this, and the filter/map/sort chain showed in profiles.
  let lowest: string | null = null;
  for (const address in devices) {
    const d = devices[address]!;
    if (d.type === 'VF' && d.physnet === physnet && d.status === 'available' && (lowest === null || d.address < lowest)) {
      lowest = d.address;
    }
  }
  return lowest;
}

/** `PciDevice.claim`: available -> claimed; an available parent PF becomes unclaimable. */
export function claimDevice(devices: DeviceMap, address: string, instanceUuid: string): DeviceMap {
  const dev = device(devices, address);
  if (dev.status !== 'available') {
    throw new Error(`cannot claim ${address}: it is ${dev.status}`);
  }
  const parentDone =
    dev.parent !== null && device(devices, dev.parent).status === 'available'
      ? setParentStatus(devices, dev, 'unclaimable')
      : devices;
  return withDevice(parentDone, { ...dev, status: 'claimed', instanceUuid });
}

/** `PciDevice.allocate`: available or claimed (by this instance) -> allocated; the parent PF becomes unavailable. */
export function allocateDevice(devices: DeviceMap, address: string, instanceUuid: string): DeviceMap {
  const dev = device(devices, address);
  const ownClaim = dev.status === 'claimed' && dev.instanceUuid === instanceUuid;
  if (dev.status !== 'available' && !ownClaim) {
    throw new Error(`cannot allocate ${address} to ${instanceUuid}: it is ${dev.status}`);
  }
  return withDevice(setParentStatus(devices, dev, 'unavailable'), {
    ...dev,
    status: 'allocated',
    instanceUuid,
  });
}

/** No VF of `parent` is in use (a plain loop: `clean_usage` runs this for every device it frees). */
function siblingsFree(devices: DeviceMap, parent: string): boolean {
  for (const address in devices) {
    const d = devices[address]!;
    if (d.parent === parent && d.status !== 'available') return false;
  }
  return true;
}

/** `PciDevice.free`: claimed or allocated -> available; the PF too once none of its VFs is used. */
export function freeDevice(devices: DeviceMap, address: string): DeviceMap {
  const dev = device(devices, address);
  if (dev.status !== 'claimed' && dev.status !== 'allocated') {
    throw new Error(`cannot free ${address}: it is ${dev.status}`);
  }
  let next = withDevice(devices, { ...dev, status: 'available', instanceUuid: null });
  if (dev.parent !== null && siblingsFree(next, dev.parent)) next = setParentStatus(next, dev, 'available');
  return next;
}

/** Free VFs per physnet: what `PciDeviceStats` pools report to the scheduler. */
export function freePools(devices: DeviceMap): Readonly<Record<string, number>> {
  const pools: Record<string, number> = {};
  for (const d of Object.values(devices)) {
    if (d.type !== 'VF') continue;
    pools[d.physnet] = (pools[d.physnet] ?? 0) + (d.status === 'available' ? 1 : 0);
  }
  return pools;
}

/** Addresses of devices `allocated` to an instance: what the Nova test counts. */
export function allocatedTo(devices: DeviceMap, instanceUuid: string): string[] {
  // A loop rather than values/filter/map: every outcome counts both hosts' rows.
  const addresses: string[] = [];
  for (const address in devices) {
    const d = devices[address]!;
    if (d.status === 'allocated' && d.instanceUuid === instanceUuid) addresses.push(d.address);
  }
  return addresses;
}
