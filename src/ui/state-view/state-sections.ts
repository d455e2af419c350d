/**
 * The database rows, each host's tracker and what each host's periodic last
 * read, at the cursor, as small key/value tables. Every row carries its value
 * before the selected step when that step changed it. Pure: tested without
 * React.
 */
import type {
  DeviceRef,
  HostState,
  InstanceRow,
  MigrationRow,
  PciUsage,
  PeriodicView,
  World,
} from '../../model';
import { type Clock, formatTime } from '../../view/time-format';
import { HOSTS } from '../../model';

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
  readonly id: 'instances' | 'migrations' | 'trackers' | 'periodics';
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

function instanceFields(i: InstanceRow): Fields {
  const ctx = i.migrationContext;
  return [
    ['host', i.host ?? NONE],
    ['node', i.node ?? NONE],
    ['vm_state', i.vmState],
    ['task_state', i.taskState ?? NONE],
    ['migration_context', ctx ? `migration ${ctx.migrationId}, new PCI: ${formatRefs(ctx.newPciDevices)}` : NONE],
    ['pci_devices', formatRefs(i.pciDevices)],
  ];
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

function trackerFields(h: HostState): Fields {
  const t = h.tracker;
  const migrations = Object.entries(t.trackedMigrations).sort(([a], [b]) => a.localeCompare(b));
  return [
    ['tracked_instances', t.trackedInstances.length ? t.trackedInstances.join(', ') : '[]'],
    ['tracked_migrations', migrations.length ? migrations.map(([uuid, id]) => `${uuid} (migration ${id})`).join(', ') : '{}'],
    ['claims', formatUsage(t.claims)],
    ['allocations', formatUsage(t.allocations)],
  ];
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

/** Everything the state view shows, database first. */
export function stateGroups(at: World, before: World, clock: Clock = 'ms'): StateGroup[] {
  return [
    { id: 'instances', title: 'instances', tables: instanceTables(at, before), empty: 'no instances' },
    { id: 'migrations', title: 'migrations', tables: migrationTables(at, before), empty: 'no migration yet' },
    {
      id: 'trackers',
      title: 'resource trackers (in memory)',
      tables: HOSTS.map((h) => ({
        id: `tracker-${h}`,
        caption: `${h} tracker`,
        rows: rows(trackerFields(at.hosts[h]), trackerFields(before.hosts[h])),
      })),
      empty: '',
    },
    {
      id: 'periodics',
      title: 'what each periodic last read',
      tables: HOSTS.map((h) => ({
        id: `periodic-${h}`,
        caption: `${h} periodic`,
        rows: rows(periodicFields(at.hosts[h].periodic, clock), periodicFields(before.hosts[h].periodic, clock)),
      })),
      empty: '',
    },
  ];
}
