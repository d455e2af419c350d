/**
 * What a step changed, field by field, in Nova's words. Worlds share
 * untouched parts, so the comparison stops at the first equal reference.
 */
import type {
  Change,
  DeviceMap,
  DeviceRef,
  Guest,
  HostName,
  HostState,
  InstanceRow,
  MigrationRow,
  PciDevice,
  PciUsage,
  PeriodicView,
  TrackerState,
  World,
} from './types';
import { hostsOf } from './world';

const NONE = '-';

export function formatDevice(d: PciDevice | undefined): string {
  if (!d) return NONE;
  return d.instanceUuid ? `${d.status} (${d.instanceUuid})` : d.status;
}

function formatRefs(refs: readonly DeviceRef[]): string {
  return refs.length === 0 ? 'none' : refs.map((r) => `${r.host} ${r.address}`).join(', ');
}

function formatInstanceField(row: InstanceRow, field: keyof InstanceRow): string {
  switch (field) {
    case 'migrationContext':
      return row.migrationContext
        ? `migration ${row.migrationContext.migrationId}, new PCI ${formatRefs(row.migrationContext.newPciDevices)}`
        : 'none';
    case 'pciDevices':
      return formatRefs(row.pciDevices);
    case 'flavor':
    case 'oldFlavor':
    case 'newFlavor': {
      const flavor = row[field];
      return flavor ? `${flavor.name} (${flavor.vcpus} vCPU)` : 'None';
    }
    default: {
      const v = row[field];
      return v === null ? 'None' : String(v);
    }
  }
}

const INSTANCE_FIELDS: readonly [keyof InstanceRow, string][] = [
  ['host', 'host'],
  ['node', 'node'],
  ['vmState', 'vm_state'],
  ['taskState', 'task_state'],
  ['migrationContext', 'migration_context'],
  ['pciDevices', 'pci_devices'],
  ['flavor', 'flavor'],
  ['oldFlavor', 'old_flavor'],
  ['newFlavor', 'new_flavor'],
];

function diffInstances(a: World['db']['instances'], b: World['db']['instances'], out: Change[]): void {
  if (a === b) return;
  for (const uuid of Object.keys(b)) {
    const before = a[uuid];
    const after = b[uuid];
    if (!after || before === after) continue;
    if (!before) {
      out.push({ path: `instances[${uuid}]`, before: NONE, after: `created, vm_state=${after.vmState}` });
      continue;
    }
    for (const [field, name] of INSTANCE_FIELDS) {
      if (before[field] === after[field]) continue; // unchanged parts keep their references
      const x = formatInstanceField(before, field);
      const y = formatInstanceField(after, field);
      if (x !== y) out.push({ path: `instances[${uuid}].${name}`, before: x, after: y });
    }
  }
}

function formatMigration(m: MigrationRow): string {
  return `${m.status}, ${m.sourceCompute} -> ${m.destCompute ?? 'None'}`;
}

function diffMigrations(a: World['db']['migrations'], b: World['db']['migrations'], out: Change[]): void {
  if (a === b) return;
  for (const key of Object.keys(b)) {
    const id = Number(key);
    const before = a[id];
    const after = b[id];
    if (!after || before === after) continue;
    if (!before) {
      out.push({ path: `migrations[${id}]`, before: NONE, after: `created: ${formatMigration(after)}` });
      continue;
    }
    if (before.status !== after.status) {
      out.push({ path: `migrations[${id}].status`, before: before.status, after: after.status });
    }
    if (before.destCompute !== after.destCompute) {
      out.push({
        path: `migrations[${id}].dest_compute`,
        before: before.destCompute ?? 'None',
        after: after.destCompute ?? 'None',
      });
    }
  }
}

function diffPorts(a: World['db']['ports'], b: World['db']['ports'], out: Change[]): void {
  if (a === b) return;
  for (const id of Object.keys(b)) {
    const before = a[id];
    const after = b[id];
    if (!after || before === after) continue;
    if (!before) {
      out.push({ path: `ports[${id}]`, before: NONE, after: `created for ${after.instanceUuid}, unbound` });
      continue;
    }
    if (before.bindingHost !== after.bindingHost) {
      out.push({ path: `ports[${id}].binding:host_id`, before: before.bindingHost ?? 'None', after: after.bindingHost ?? 'None' });
    }
    if (before.pciSlot !== after.pciSlot) {
      out.push({ path: `ports[${id}].binding:profile.pci_slot`, before: before.pciSlot ?? 'None', after: after.pciSlot ?? 'None' });
    }
  }
}

function diffDevices(prefix: string, a: DeviceMap, b: DeviceMap, out: Change[]): void {
  if (a === b) return;
  for (const address of Object.keys(b)) {
    if (a[address] === b[address]) continue;
    const x = formatDevice(a[address]);
    const y = formatDevice(b[address]);
    if (x !== y) out.push({ path: `${prefix}[${address}]`, before: x, after: y });
  }
}

function formatList(list: readonly string[] | undefined): string {
  return list && list.length > 0 ? list.join(', ') : NONE;
}

function diffUsage(prefix: string, a: PciUsage, b: PciUsage, out: Change[]): void {
  if (a === b) return;
  const uuids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const uuid of uuids) {
    const x = formatList(a[uuid]);
    const y = formatList(b[uuid]);
    if (x !== y) out.push({ path: `${prefix}[${uuid}]`, before: x, after: y });
  }
}

function diffTracker(host: HostName, a: TrackerState, b: TrackerState, out: Change[]): void {
  if (a === b) return;
  const p = `${host} tracker`;
  diffDevices(`${p} devices`, a.devices, b.devices, out);
  diffUsage(`${p} claims`, a.claims, b.claims, out);
  diffUsage(`${p} allocations`, a.allocations, b.allocations, out);
  // Lists kept by reference format alike: most tracker changes (a device claimed or freed) leave them alone.
  if (a.trackedInstances !== b.trackedInstances) {
    const ta = formatList(a.trackedInstances);
    const tb = formatList(b.trackedInstances);
    if (ta !== tb) out.push({ path: `${p} tracked_instances`, before: ta, after: tb });
  }
  if (a.trackedMigrations !== b.trackedMigrations) {
    const ma = formatList(Object.keys(a.trackedMigrations).sort());
    const mb = formatList(Object.keys(b.trackedMigrations).sort());
    if (ma !== mb) out.push({ path: `${p} tracked_migrations`, before: ma, after: mb });
  }
  if (a.computeNode !== b.computeNode && a.computeNode?.vcpusUsed !== b.computeNode?.vcpusUsed) {
    out.push({ path: `${p} vcpus_used`, before: String(a.computeNode?.vcpusUsed ?? NONE), after: String(b.computeNode?.vcpusUsed ?? NONE) });
  }
}

function diffComputeNodes(a: World['db']['computeNodes'], b: World['db']['computeNodes'], out: Change[]): void {
  if (a === b) return;
  for (const host of Object.keys(b) as HostName[]) {
    const x = a[host]?.vcpusUsed;
    const y = b[host]?.vcpusUsed;
    if (x !== y) out.push({ path: `compute_nodes ${host}.vcpus_used`, before: x === undefined ? NONE : String(x), after: String(y) });
  }
}

function formatGuest(g: Guest | undefined): string {
  if (!g) return NONE;
  return g.pciDevices.length > 0 ? `running with ${g.pciDevices.join(', ')}` : 'running';
}

function formatView(v: PeriodicView | null, part: 'instances' | 'migrations'): string {
  if (!v) return NONE;
  if (part === 'instances') {
    return v.instances === null ? 'not read' : `[${v.instances.map((i) => i.uuid).join(', ')}]`;
  }
  return v.migrations === null
    ? 'not read'
    : `[${v.migrations.map((m) => `${m.id} ${m.instanceUuid} ${m.status}`).join(', ')}]`;
}

function diffHost(host: HostName, a: HostState | undefined, b: HostState | undefined, out: Change[]): void {
  if (a === b || !a || !b) return;
  if (a.service.up !== b.service.up) {
    out.push({ path: `${host} nova-compute`, before: a.service.up ? 'up' : 'down', after: b.service.up ? 'up' : 'down' });
  }
  diffTracker(host, a.tracker, b.tracker, out);
  if (a.guests !== b.guests) {
    const uuids = [...new Set([...Object.keys(a.guests), ...Object.keys(b.guests)])].sort();
    for (const uuid of uuids) {
      const x = formatGuest(a.guests[uuid]);
      const y = formatGuest(b.guests[uuid]);
      if (x !== y) out.push({ path: `${host} hypervisor guest[${uuid}]`, before: x, after: y });
    }
  }
  if (a.periodic !== b.periodic) {
    for (const part of ['instances', 'migrations'] as const) {
      const x = formatView(a.periodic, part);
      const y = formatView(b.periodic, part);
      const name = part === 'instances' ? 'instance list' : 'migration list';
      if (x !== y) out.push({ path: `${host} periodic ${name}`, before: x, after: y });
    }
  }
}

/** Every field that differs between two worlds, database first. */
export function diffWorld(a: World, b: World): Change[] {
  const out: Change[] = [];
  if (a === b) return out;
  diffInstances(a.db.instances, b.db.instances, out);
  diffMigrations(a.db.migrations, b.db.migrations, out);
  const hosts = hostsOf(b);
  for (const host of hosts) {
    diffDevices(`pci_devices ${host}`, a.db.pciDevices[host] ?? {}, b.db.pciDevices[host] ?? {}, out);
  }
  diffComputeNodes(a.db.computeNodes, b.db.computeNodes, out);
  diffPorts(a.db.ports, b.db.ports, out);
  for (const host of hosts) diffHost(host, a.hosts[host], b.hosts[host], out);
  return out;
}
