/**
 * `nova.pci.manager.PciDevTracker`, the parts the race touches: the `claims`
 * and `allocations` maps (instance uuid -> devices) on top of the devices'
 * own statuses, and `clean_usage`, which frees the usage of every instance
 * the periodic task did not see.
 */
import { allocateDevice, claimDevice, freeDevice, pickFreeVf } from './pci-devices';
import type { DeviceMap, PciUsage, TrackerState } from './types';

/** A tracker that tracks nothing, over these devices. */
export function emptyTracker(devices: DeviceMap, computeNode: TrackerState['computeNode'] = null): TrackerState {
  return { trackedInstances: [], trackedMigrations: {}, devices, claims: {}, allocations: {}, computeNode };
}

function without(usage: PciUsage, uuid: string): PciUsage {
  if (!(uuid in usage)) return usage;
  const { [uuid]: _dropped, ...rest } = usage;
  return rest;
}

/**
 * `PciDevTracker.claim_instance` for a request of one VF on `physnet`.
 * Returns `null` when no VF fits (the claim fails).
 */
export function claimInstance(
  tracker: TrackerState,
  instanceUuid: string,
  physnet: string,
): { tracker: TrackerState; addresses: string[] } | null {
  const address = pickFreeVf(tracker.devices, physnet);
  if (address === null) return null;
  return {
    tracker: {
      ...tracker,
      devices: claimDevice(tracker.devices, address, instanceUuid),
      claims: { ...tracker.claims, [instanceUuid]: [address] },
    },
    addresses: [address],
  };
}

/** `PciDevTracker.allocate_instance`: the instance's claims become allocations. */
export function allocateInstance(tracker: TrackerState, instanceUuid: string): TrackerState {
  const claimed = tracker.claims[instanceUuid] ?? [];
  if (claimed.length === 0) return tracker;
  let devices = tracker.devices;
  for (const address of claimed) devices = allocateDevice(devices, address, instanceUuid);
  return {
    ...tracker,
    devices,
    claims: without(tracker.claims, instanceUuid),
    allocations: {
      ...tracker.allocations,
      [instanceUuid]: [...(tracker.allocations[instanceUuid] ?? []), ...claimed],
    },
  };
}

export interface FreedDevice {
  readonly instanceUuid: string;
  readonly address: string;
  readonly was: 'claimed' | 'allocated';
  /** The tracker right after this device was freed (the debugger shows each free as its own step). */
  readonly after: TrackerState;
}

function withoutAddress(usage: PciUsage, uuid: string, address: string): PciUsage {
  const rest = (usage[uuid] ?? []).filter((a) => a !== address);
  return rest.length > 0 ? { ...usage, [uuid]: rest } : without(usage, uuid);
}

/**
 * `PciDevTracker.clean_usage`: the claims, then the allocations, of every
 * instance uuid that is not in `existed` (the instance list, the migration
 * list and the orphans the periodic task collected) are freed, device by
 * device, back to available.
 *
 * @example cleanUsage(tracker, new Set(['inst-B'])).freed.map((f) => f.address)
 */
export function cleanUsage(
  tracker: TrackerState,
  existed: ReadonlySet<string>,
): { tracker: TrackerState; freed: FreedDevice[] } {
  const freed: FreedDevice[] = [];
  let current = tracker;
  for (const [key, was] of [['claims', 'claimed'], ['allocations', 'allocated']] as const) {
    for (const [uuid, addresses] of Object.entries(tracker[key])) {
      if (existed.has(uuid)) continue;
      for (const address of addresses) {
        current = {
          ...current,
          devices: freeDevice(current.devices, address),
          [key]: withoutAddress(current[key], uuid, address),
        };
        freed.push({ instanceUuid: uuid, address, was, after: current });
      }
    }
  }
  return { tracker: current, freed };
}

/**
 * A new tracker built from the saved `pci_devices` rows, as a restarted
 * nova-compute builds it (`PciDevTracker._initial_instance_usage`).
 */
export function trackerFromRows(rows: DeviceMap): TrackerState {
  const claims: Record<string, string[]> = {};
  const allocations: Record<string, string[]> = {};
  for (const dev of Object.values(rows)) {
    if (dev.instanceUuid === null) continue;
    if (dev.status === 'claimed') (claims[dev.instanceUuid] ??= []).push(dev.address);
    if (dev.status === 'allocated') (allocations[dev.instanceUuid] ??= []).push(dev.address);
  }
  return { ...emptyTracker(rows), claims, allocations };
}
