/**
 * The invariants checked after every step (MODEL.md section 5). Each check
 * returns the problems it sees now; the simulation records a violation when a
 * problem appears that was not there at the previous step.
 */
import type { DeviceMap, HostName, InvariantId, World } from './types';
import { hostOf, hostsOf } from './world';

export interface Problem {
  /** Identifies the problem across steps, so it is reported once when it starts. */
  readonly key: string;
  readonly invariant: InvariantId;
  readonly host: HostName;
  readonly address: string | null;
  readonly instance: string | null;
  readonly message: string;
}

export const INVARIANT_TEXT: Readonly<Record<InvariantId, string>> = {
  'guest-devices-allocated': 'a running instance has its PCI devices allocated to it on its host (tracker and database)',
  'single-owner': 'no device is claimed or allocated by two instances, used by two running guests, or named by two bound ports',
  'in-use-not-available': 'a device a running guest uses is never available in the tracker',
  'tracker-db-agree': "the tracker's devices and the pci_devices rows agree after each save",
};

function devicesAgree(a: DeviceMap, b: DeviceMap): string | null {
  if (a === b) return null;
  for (const address of Object.keys(a)) {
    const x = a[address];
    const y = b[address];
    if (!x || !y || x.status !== y.status || x.instanceUuid !== y.instanceUuid) return address;
  }
  return null;
}

const WHERE = ['tracker', 'pci_devices'] as const;

function checkGuests(w: World, host: HostName, out: Problem[]): void {
  const { tracker, guests } = hostOf(w, host);
  const rows = w.db.pciDevices[host] ?? {};
  const users = new Map<string, string>();
  for (const guest of Object.values(guests)) {
    for (const address of guest.pciDevices) {
      const other = users.get(address);
      if (other !== undefined) {
        out.push({
          key: `single-owner|${host}|${address}|guests`, invariant: 'single-owner', host, address, instance: guest.uuid,
          message: `${other} and ${guest.uuid} both run on ${host} ${address}: one device, two VMs`,
        });
      }
      users.set(address, guest.uuid);
      for (const where of WHERE) {
        const dev = where === 'tracker' ? tracker.devices[address] : rows[address];
        if (dev && dev.status === 'allocated' && dev.instanceUuid === guest.uuid) continue;
        const state = dev ? (dev.instanceUuid ? `${dev.status} to ${dev.instanceUuid}` : dev.status) : 'missing';
        out.push({
          key: `guest-devices-allocated|${host}|${address}|${guest.uuid}|${where}`,
          invariant: 'guest-devices-allocated', host, address, instance: guest.uuid,
          message: `${guest.uuid} runs on ${host} with ${address}, but ${where === 'tracker' ? `${host}'s tracker` : `${host}'s pci_devices row`} says ${state}`,
        });
      }
      if (tracker.devices[address]?.status === 'available') {
        out.push({
          key: `in-use-not-available|${host}|${address}|${guest.uuid}`, invariant: 'in-use-not-available', host, address,
          instance: guest.uuid, message: `${host}'s tracker calls ${address} available while ${guest.uuid} uses it`,
        });
      }
    }
  }
}

function checkUsageOwners(w: World, host: HostName, out: Problem[]): void {
  const { claims, allocations } = hostOf(w, host).tracker;
  const owner = new Map<string, string>();
  for (const usage of [claims, allocations]) {
    for (const [uuid, addresses] of Object.entries(usage)) {
      for (const address of addresses) {
        const other = owner.get(address);
        if (other !== undefined && other !== uuid) {
          out.push({
            key: `single-owner|${host}|${address}|tracker`, invariant: 'single-owner', host, address, instance: uuid,
            message: `${host}'s tracker gives ${address} to both ${other} and ${uuid}`,
          });
        }
        owner.set(address, uuid);
      }
    }
  }
}

/** Two ports bound to one VF of a host: Neutron shows the double use that Nova's rows hide. */
function checkPorts(w: World, out: Problem[]): void {
  const bound = new Map<string, string>();
  for (const port of Object.values(w.db.ports)) {
    if (port.bindingHost === null || port.pciSlot === null) continue;
    const key = `${port.bindingHost}|${port.pciSlot}`;
    const other = bound.get(key);
    if (other !== undefined) {
      out.push({
        key: `single-owner|${key}|ports`, invariant: 'single-owner', host: port.bindingHost, address: port.pciSlot,
        instance: port.instanceUuid,
        message: `ports ${other} and ${port.id} both carry binding:profile pci_slot ${port.pciSlot} on ${port.bindingHost}`,
      });
    }
    bound.set(key, port.id);
  }
}

/**
 * Every problem in this world. `saved` names the hosts whose pci_devices
 * rows the step just wrote: only those are compared with their tracker.
 */
export function checkInvariants(w: World, saved: readonly HostName[]): Problem[] {
  const out: Problem[] = [];
  for (const host of hostsOf(w)) {
    checkGuests(w, host, out);
    checkUsageOwners(w, host, out);
  }
  checkPorts(w, out);
  checkSaved(w, saved, out);
  return out;
}

interface HostInputs {
  readonly tracker: unknown;
  readonly guests: unknown;
  readonly rows: unknown;
  readonly problems: readonly Problem[];
}

/**
 * `checkInvariants` for a trace, step after step: a host's problems depend
 * only on its tracker, its guests and its pci_devices rows, and the ports'
 * on the ports table, so they are checked again only when one of those was
 * replaced (worlds share untouched parts). A step changes one or two of
 * them; checking everything at every step was the Maps and entries that
 * dominated the full simulation's allocation profile. Same problems, same
 * order.
 *
 * @example const check = createInvariantChecker(); check(world, ['host2'])
 */
export function createInvariantChecker(): (w: World, saved: readonly HostName[]) => Problem[] {
  const byHost = new Map<HostName, HostInputs>();
  let ports: { table: unknown; problems: readonly Problem[] } | null = null;
  return (w, saved) => {
    const out: Problem[] = [];
    for (const host of hostsOf(w)) {
      const { tracker, guests } = hostOf(w, host);
      const rows = w.db.pciDevices[host];
      let last = byHost.get(host);
      if (!last || last.tracker !== tracker || last.guests !== guests || last.rows !== rows) {
        const problems: Problem[] = [];
        checkGuests(w, host, problems);
        checkUsageOwners(w, host, problems);
        last = { tracker, guests, rows, problems };
        byHost.set(host, last);
      }
      out.push(...last.problems);
    }
    if (!ports || ports.table !== w.db.ports) {
      const problems: Problem[] = [];
      checkPorts(w, problems);
      ports = { table: w.db.ports, problems };
    }
    out.push(...ports.problems);
    checkSaved(w, saved, out);
    return out;
  };
}

function checkSaved(w: World, saved: readonly HostName[], out: Problem[]): void {
  for (const host of saved) {
    const address = devicesAgree(hostOf(w, host).tracker.devices, w.db.pciDevices[host] ?? {});
    if (address !== null) {
      out.push({
        key: `tracker-db-agree|${host}|${address}`, invariant: 'tracker-db-agree', host, address, instance: null,
        message: `after the save, ${host}'s tracker and pci_devices disagree on ${address}`,
      });
    }
  }
}
