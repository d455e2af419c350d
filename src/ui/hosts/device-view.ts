/**
 * What one host's PCI devices look like at the cursor: the tracker's status
 * next to the database row, which running guest really uses each device, and
 * how to draw it. Pure, so the rules (especially "red = freed while still in
 * use") are unit-tested without React.
 */
import type { DeviceStatus, DeviceType, HostName, PciDevice, PortRow, TraceView, World } from '../../model';
import { freedBy } from './freed-reason';

/** How a device is drawn; `lost` and `conflict` are the race's damage. */
export type DeviceLook = 'available' | 'claimed' | 'allocated' | 'unavailable' | 'lost' | 'conflict';

export interface DeviceView {
  readonly address: string;
  readonly type: DeviceType;
  readonly physnet: string;
  /** The host tracker's in-memory status. */
  readonly status: DeviceStatus;
  readonly owner: string | null;
  /** The `pci_devices` row (what the Nova test counts); `null` if there is none. */
  readonly dbStatus: DeviceStatus | null;
  readonly dbOwner: string | null;
  readonly dbDiffers: boolean;
  /** Guests on this host's hypervisor that have the device passed through. */
  readonly usedBy: readonly string[];
  /**
   * Neutron ports bound to this host whose `binding:profile` `pci_slot` names
   * this device: two of them is where an operator finds the double use.
   */
  readonly ports: readonly Pick<PortRow, 'id' | 'instanceUuid'>[];
  readonly look: DeviceLook;
  /** The tracker or the database row changed at the selected step. */
  readonly changed: boolean;
  /** For `lost` / `conflict`: who freed it from the guest that still uses it, and why. */
  readonly reason: DamageReason | null;
  /** A PF's VFs. */
  readonly children: readonly DeviceView[];
}

export interface DamageReason {
  readonly text: string;
  /** The step that freed it, to jump to. */
  readonly freedAt: number | null;
}

/** Where to look: the trace, the selected step, and the worlds around it. */
export interface CursorWorlds {
  readonly trace: TraceView;
  readonly cursor: number;
  readonly at: World;
  readonly before: World;
}

function sameDevice(a: PciDevice | undefined, b: PciDevice | undefined): boolean {
  return a?.status === b?.status && a?.instanceUuid === b?.instanceUuid;
}

/** The look follows the tracker's status, unless a running guest contradicts it. */
export function deviceLook(status: DeviceStatus, owner: string | null, usedBy: readonly string[]): DeviceLook {
  if (usedBy.length > 0 && status === 'available') return 'lost';
  if (usedBy.length > 1 || (usedBy.length === 1 && owner !== null && !usedBy.includes(owner))) return 'conflict';
  switch (status) {
    case 'available':
      return 'available';
    case 'claimed':
      return 'claimed';
    case 'allocated':
      return 'allocated';
    case 'unavailable':
    case 'unclaimable':
      return 'unavailable';
  }
}

/** Guest uuid list per PCI address on one host's hypervisor. */
function guestUsers(world: World, host: HostName): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const guest of Object.values(world.hosts[host]?.guests ?? {})) {
    for (const address of guest.pciDevices) users.set(address, [...(users.get(address) ?? []), guest.uuid]);
  }
  return users;
}

/** Ports per PCI address bound on one host. */
function boundPorts(world: World, host: HostName): Map<string, Pick<PortRow, 'id' | 'instanceUuid'>[]> {
  const ports = new Map<string, Pick<PortRow, 'id' | 'instanceUuid'>[]>();
  for (const port of Object.values(world.db.ports).sort((a, b) => a.id.localeCompare(b.id))) {
    if (port.bindingHost !== host || port.pciSlot === null) continue;
    ports.set(port.pciSlot, [...(ports.get(port.pciSlot) ?? []), { id: port.id, instanceUuid: port.instanceUuid }]);
  }
  return ports;
}

function damageReason(w: CursorWorlds, host: HostName, dev: PciDevice, usedBy: readonly string[]): DamageReason {
  const wronged = usedBy.filter((uuid) => uuid !== dev.instanceUuid);
  let freedAt: number | null = null;
  const parts = wronged.map((uuid) => {
    const freed = freedBy(w.trace, w.cursor, host, dev.address, uuid);
    freedAt ??= freed?.freed.step ?? null;
    return freed ? `${uuid} still uses it; ${freed.text}` : `${uuid} still uses it`;
  });
  if (dev.instanceUuid !== null && wronged.length > 0) parts.push(`then the tracker gave it to ${dev.instanceUuid}`);
  if (wronged.length === 0) parts.push(`${usedBy.length} guests use it: ${usedBy.join(', ')}`);
  return { text: `${parts.join('; ')}.`, freedAt };
}

interface HostUse {
  readonly guests: Map<string, string[]>;
  readonly ports: Map<string, Pick<PortRow, 'id' | 'instanceUuid'>[]>;
}

function deviceView(w: CursorWorlds, host: HostName, dev: PciDevice, use: HostUse): Omit<DeviceView, 'children'> {
  const users = use.guests;
  const row = w.at.db.pciDevices[host]?.[dev.address];
  const usedBy = users.get(dev.address) ?? [];
  const look = deviceLook(dev.status, dev.instanceUuid, usedBy);
  const changed =
    !sameDevice(w.before.hosts[host]?.tracker.devices[dev.address], dev) ||
    !sameDevice(w.before.db.pciDevices[host]?.[dev.address], row);
  return {
    address: dev.address,
    type: dev.type,
    physnet: dev.physnet,
    status: dev.status,
    owner: dev.instanceUuid,
    dbStatus: row?.status ?? null,
    dbOwner: row?.instanceUuid ?? null,
    dbDiffers: !sameDevice(row, dev),
    usedBy,
    ports: use.ports.get(dev.address) ?? [],
    look,
    changed,
    reason: look === 'lost' || look === 'conflict' ? damageReason(w, host, dev, usedBy) : null,
  };
}

/**
 * The host's devices as a tree: each PF (by address) with its VFs nested.
 * A VF whose parent is missing is listed at the top level.
 */
export function hostDevices(w: CursorWorlds, host: HostName): DeviceView[] {
  const use: HostUse = { guests: guestUsers(w.at, host), ports: boundPorts(w.at, host) };
  const devices = Object.values(w.at.hosts[host]?.tracker.devices ?? {}).sort((a, b) => a.address.localeCompare(b.address));
  const addresses = new Set(devices.map((d) => d.address));
  const roots = devices.filter((d) => d.parent === null || !addresses.has(d.parent));
  return roots.map((root) => ({
    ...deviceView(w, host, root, use),
    children: devices.filter((d) => d.parent === root.address).map((d) => ({ ...deviceView(w, host, d, use), children: [] })),
  }));
}

/**
 * The status chip's words: never colour alone. An allocated device shows its
 * owner's name on the owner's colour (the word "allocated" is for screen
 * readers, see `lookLabel`).
 */
export function lookText(d: Pick<DeviceView, 'look' | 'status' | 'owner'>): string {
  switch (d.look) {
    case 'available':
      return 'available';
    case 'claimed':
      return `claimed · ${d.owner ?? '?'}`;
    case 'allocated':
      return d.owner ?? '?';
    case 'unavailable':
      return d.status;
    case 'lost':
      return '⚠ available';
    case 'conflict':
      return `⚠ ${d.owner ?? d.status}`;
  }
}

/** The chip in words for screen readers and tooltips. */
export function lookLabel(d: Pick<DeviceView, 'look' | 'status' | 'owner' | 'usedBy'>): string {
  switch (d.look) {
    case 'allocated':
      return `allocated to ${d.owner ?? '?'}`;
    case 'lost':
      return `available in the tracker, but ${d.usedBy.join(' and ')} still uses it`;
    case 'conflict':
      return `${statusWithOwner(d.status, d.owner)} in the tracker, but used by ${d.usedBy.join(' and ')}`;
    default:
      return lookText(d);
  }
}

/** "allocated (inst-A)" / "available": a status with its owner, for the DB line and labels. */
export function statusWithOwner(status: DeviceStatus | null, owner: string | null): string {
  if (status === null) return 'no row';
  return owner ? `${status} (${owner})` : status;
}

export interface PhysnetGroup {
  readonly physnet: string;
  readonly devices: readonly DeviceView[];
}

/** PFs grouped by physnet (their VFs share it), physnets in name order. */
export function byPhysnet(devices: readonly DeviceView[]): PhysnetGroup[] {
  const names = [...new Set(devices.map((d) => d.physnet))].sort();
  return names.map((physnet) => ({ physnet, devices: devices.filter((d) => d.physnet === physnet) }));
}
