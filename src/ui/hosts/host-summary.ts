/**
 * A host card's header at the cursor: is nova-compute up, what the
 * hypervisor really runs, the free VF pools the scheduler sees, and the
 * number the Nova regression test asserts on. Each item knows whether the
 * selected step changed it.
 */
import { allocationMissing, type DeviceMap, EVACUEE, evacueesOf, freePools, type HostName, type HostState, pciAllocatedCount, type ServiceState, type World } from '../../model';

export interface GuestView {
  readonly uuid: string;
  readonly devices: readonly string[];
  readonly changed: boolean;
}

export interface PoolView {
  readonly physnet: string;
  readonly free: number;
  readonly total: number;
  readonly changed: boolean;
}

export interface HostSummary {
  readonly host: HostName;
  readonly up: boolean;
  /** "up", "down" or "down (forced down)". */
  readonly serviceText: string;
  readonly serviceChanged: boolean;
  readonly guests: readonly GuestView[];
  /** Guests that left the hypervisor at this step (shown struck through). */
  readonly goneGuests: readonly string[];
  readonly pools: readonly PoolView[];
  /** `pci_devices` rows allocated to the evacuee on this host, as `_assert_pci_device_allocated` counts. */
  readonly novaCount: number;
  readonly novaCountChanged: boolean;
  /** The evacuee's row names this host but no device is allocated to it here: the test's assertion fails. */
  readonly novaCountBad: boolean;
  /** The Nova test's count for each further evacuee (`inst-C` with `evacuees=2`; none with one). */
  readonly otherEvacuees: readonly EvacueeCount[];
}

export function serviceText(s: ServiceState): string {
  if (s.up) return s.forcedDown ? 'up (forced down)' : 'up';
  return s.forcedDown ? 'down (forced down)' : 'down';
}

function vfTotals(devices: DeviceMap): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const d of Object.values(devices)) if (d.type === 'VF') totals[d.physnet] = (totals[d.physnet] ?? 0) + 1;
  return totals;
}

function guestsOf(at: HostState, before: HostState): GuestView[] {
  return Object.values(at.guests)
    .sort((a, b) => a.uuid.localeCompare(b.uuid))
    .map((g) => {
      const was = before.guests[g.uuid];
      const changed = !was || was.pciDevices.join() !== g.pciDevices.join();
      return { uuid: g.uuid, devices: g.pciDevices, changed };
    });
}

/** A host of a world the hosts panel shows (only the race's own hosts are asked for). */
function hostIn(world: World, host: HostName): HostState {
  const state = world.hosts[host];
  if (!state) throw new Error(`no ${host} in this race's world`);
  return state;
}

/** One evacuee's `pci_devices` rows allocated on a host, as the Nova test counts them. */
export interface EvacueeCount {
  readonly uuid: string;
  readonly count: number;
  readonly changed: boolean;
  /** It is on this host with nothing allocated: the test's assertion fails. */
  readonly bad: boolean;
}

function evacueeCount(at: World, before: World, uuid: string, host: HostName): EvacueeCount {
  const count = pciAllocatedCount(at, uuid, host);
  return { uuid, count, changed: count !== pciAllocatedCount(before, uuid, host), bad: allocationMissing(at, uuid, host) };
}

export function hostSummary(at: World, before: World, host: HostName): HostSummary {
  const h = hostIn(at, host);
  const b = hostIn(before, host);
  const pools = freePools(h.tracker.devices);
  const poolsBefore = freePools(b.tracker.devices);
  const totals = vfTotals(h.tracker.devices);
  const novaCount = pciAllocatedCount(at, EVACUEE, host);
  return {
    host,
    up: h.service.up,
    serviceText: serviceText(h.service),
    serviceChanged: serviceText(h.service) !== serviceText(b.service),
    guests: guestsOf(h, b),
    goneGuests: Object.keys(b.guests).filter((uuid) => !(uuid in h.guests)).sort(),
    pools: Object.keys(pools)
      .sort()
      .map((physnet) => ({
        physnet,
        free: pools[physnet] ?? 0,
        total: totals[physnet] ?? 0,
        changed: pools[physnet] !== poolsBefore[physnet],
      })),
    novaCount,
    novaCountChanged: novaCount !== pciAllocatedCount(before, EVACUEE, host),
    novaCountBad: allocationMissing(at, EVACUEE, host),
    otherEvacuees: evacueesOf(at).slice(1).map((e) => evacueeCount(at, before, e.uuid, host)),
  };
}
