/**
 * The database rows, each host's tracker and what each host's periodic last
 * read, at the cursor, as small key/value tables. Every row carries its value
 * before the selected step when that step changed it. Pure: tested without
 * React.
 */
import type {
  DeviceRef,
  Flavor,
  HostName,
  HostState,
  InstanceRow,
  MigrationRow,
  PciUsage,
  PeriodicView,
  World,
} from '../../model';
import { type Clock, formatTime } from '../../view/time-format';

export interface StateRow {
  /** Stable key, also the Nova field name (e.g. `task_state`). */
  readonly field: string;
  readonly value: string;
  /** The value before the selected step, when the step changed it. */
  readonly was: string | null;
}

export interface StateTable {
  readonly id: string;
  readonly caption: string;
  /** Secondary words after the caption (an instance's display name). */
  readonly note?: string;
  readonly rows: readonly StateRow[];
}

export interface StateGroup {
  readonly id: 'instances' | 'migrations' | 'compute-nodes' | 'trackers' | 'periodics';
  readonly title: string;
  readonly tables: readonly StateTable[];
  /** Shown when there are no tables. */
  readonly empty: string;
}

/** Placeholder for a value that did not exist before the step. */
export const ABSENT = '(no row)';
const NONE = 'None';

type Fields = readonly (readonly [string, string])[];

/** Pair the fields now with the same fields before the step. */
function rows(now: Fields, before: Fields | null): StateRow[] {
  return now.map(([field, value]) => {
    const old = before ? before.find(([f]) => f === field)?.[1] ?? ABSENT : ABSENT;
    return { field, value, was: old === value ? null : old };
  });
}

export function formatRefs(refs: readonly DeviceRef[]): string {
  return refs.length === 0 ? '[]' : refs.map((r) => `${r.host} ${r.address}`).join(', ');
}

const flavorText = (f: Flavor | null): string => (f ? `${f.name} (${f.vcpus} vCPU)` : NONE);

function instanceFields(i: InstanceRow): Fields {
  const ctx = i.migrationContext;
  const fields: (readonly [string, string])[] = [
    ['host', i.host ?? NONE],
    ['node', i.node ?? NONE],
    ['vm_state', i.vmState],
    ['task_state', i.taskState ?? NONE],
    ['migration_context', ctx ? `migration ${ctx.migrationId}${i.pciRequestPhysnet ? `, new PCI: ${formatRefs(ctx.newPciDevices)}` : ''}` : NONE],
  ];
  // A race that counts usage shows flavors; #1896463's rows have PCI devices and no flavor.
  if (i.pciRequestPhysnet !== null) fields.push(['pci_devices', formatRefs(i.pciDevices)]);
  if (i.flavor !== null) fields.push(['flavor', flavorText(i.flavor)], ['old_flavor', flavorText(i.oldFlavor)], ['new_flavor', flavorText(i.newFlavor)]);
  return fields;
}

function migrationFields(m: MigrationRow): Fields {
  return [
    ['status', m.status],
    ['source_compute', m.sourceCompute],
    ['dest_compute', m.destCompute ?? NONE],
    ['instance_uuid', m.instanceUuid],
  ];
}

export function formatUsage(usage: PciUsage): string {
  const entries = Object.entries(usage).filter(([, addresses]) => addresses.length > 0);
  if (entries.length === 0) return '{}';
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([uuid, addresses]) => `${uuid}: ${addresses.join(', ')}`)
    .join('; ');
}

function trackerFields(h: HostState | undefined): Fields {
  if (!h) return [];
  const t = h.tracker;
  const migrations = Object.entries(t.trackedMigrations).sort(([a], [b]) => a.localeCompare(b));
  const fields: (readonly [string, string])[] = [
    ['tracked_instances', t.trackedInstances.length ? t.trackedInstances.join(', ') : '[]'],
    ['tracked_migrations', migrations.length ? migrations.map(([uuid, id]) => `${uuid} (migration ${id})`).join(', ') : '{}'],
  ];
  if (t.computeNode !== null) fields.push(['vcpus_used (in memory)', String(t.computeNode.vcpusUsed)]);
  // PCI claims only where the host has devices (the usage races' hosts have none).
  if (Object.keys(t.devices).length > 0) fields.push(['claims', formatUsage(t.claims)], ['allocations', formatUsage(t.allocations)]);
  return fields;
}

/** A snapshot in words: "[] at 2353 ms", "[inst-A (host=host2)] at …", or "not read yet". */
export function formatSnapshot(view: PeriodicView, part: 'instances' | 'migrations', clock: Clock = 'ms'): string {
  if (part === 'instances') {
    if (view.instances === null) return 'not read yet';
    const list = view.instances.map((i) => `${i.uuid} (host=${i.host ?? NONE})`).join(', ');
    return `[${list}] at ${readAt(view.instancesReadAt, clock)}`;
  }
  if (view.migrations === null) return 'not read yet';
  const list = view.migrations.map((m) => `${m.id} ${m.instanceUuid} ${m.status}`).join(', ');
  return `[${list}] at ${readAt(view.migrationsReadAt, clock)}`;
}

const readAt = (time: number | null, clock: Clock): string => (time === null ? '?' : formatTime(time, clock));

function periodicFields(view: PeriodicView | null, clock: Clock): Fields {
  if (!view) {
    return [
      ['run', 'none yet'],
      ['instance list', '-'],
      ['migration list', '-'],
    ];
  }
  return [
    ['run', String(view.run)],
    ['instance list', formatSnapshot(view, 'instances', clock)],
    ['migration list', formatSnapshot(view, 'migrations', clock)],
  ];
}

function instanceTables(at: World, before: World): StateTable[] {
  return Object.values(at.db.instances)
    .sort((a, b) => a.uuid.localeCompare(b.uuid))
    .map((i) => {
      const old = before.db.instances[i.uuid];
      return { id: `instance-${i.uuid}`, caption: i.uuid, note: i.name, rows: rows(instanceFields(i), old ? instanceFields(old) : null) };
    });
}

function migrationTables(at: World, before: World): StateTable[] {
  return Object.values(at.db.migrations)
    .sort((a, b) => a.id - b.id)
    .map((m) => {
      const old = before.db.migrations[m.id];
      return { id: `migration-${m.id}`, caption: `migration ${m.id}`, note: m.type, rows: rows(migrationFields(m), old ? migrationFields(old) : null) };
    });
}

/** The `compute_nodes` rows (the usage races): what `assertUsage` reads. */
function computeNodeTables(at: World, before: World): StateTable[] {
  const fields = (w: World, h: HostName): Fields => {
    const row = w.db.computeNodes[h];
    return row ? [['vcpus_used', String(row.vcpusUsed)]] : [];
  };
  return (Object.keys(at.db.computeNodes) as HostName[]).map((h) => ({
    id: `compute-node-${h}`,
    caption: `compute_nodes ${h}`,
    rows: rows(fields(at, h), fields(before, h)),
  }));
}

/** Everything the state view shows, database first. */
export function stateGroups(at: World, before: World, clock: Clock = 'ms'): StateGroup[] {
  const hosts = Object.keys(at.hosts) as HostName[];
  const nodes = computeNodeTables(at, before);
  return [
    { id: 'instances', title: 'instances', tables: instanceTables(at, before), empty: 'no instances' },
    { id: 'migrations', title: 'migrations', tables: migrationTables(at, before), empty: 'no migration yet' },
    ...(nodes.length > 0 ? [{ id: 'compute-nodes' as const, title: 'compute_nodes (usage the Nova test asserts)', tables: nodes, empty: '' }] : []),
    {
      id: 'trackers',
      title: 'resource trackers (in memory)',
      tables: hosts.map((h) => ({
        id: `tracker-${h}`,
        caption: `${h} tracker`,
        rows: rows(trackerFields(at.hosts[h]), trackerFields(before.hosts[h])),
      })),
      empty: '',
    },
    {
      id: 'periodics',
      title: 'what each periodic last read',
      tables: hosts.map((h) => ({
        id: `periodic-${h}`,
        caption: `${h} periodic`,
        rows: rows(periodicFields(at.hosts[h]?.periodic ?? null, clock), periodicFields(before.hosts[h]?.periodic ?? null, clock)),
      })),
      empty: '',
    },
  ];
}
