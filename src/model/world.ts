/**
 * The world at time 0 and the only ways to change it. Every update returns a
 * new world that shares the untouched parts with the old one, so the trace
 * can keep the state after every step for free and a diff can compare by
 * reference.
 */
import { allocateDevice, fakeDriverDevices } from './pci-devices';
import { emptyTracker } from './pci-tracker';
import type {
  ComputeNodeRow,
  Database,
  HostMap,
  HostName,
  HostState,
  InstanceRow,
  MigrationRow,
  PairHost,
  PortRow,
  TrackerState,
  World,
} from './types';

/** Where the evacuated server runs first; its nova-compute is down. */
export const SOURCE_HOST: PairHost = 'host1';
/** Where it is evacuated to. */
export const DEST_HOST: PairHost = 'host2';
/** The server the regression test boots on host1 and evacuates. */
export const EVACUEE = 'inst-A';
export const EVACUEE_NAME = 'test-server-for-bug-1896463';
/** The optional second server booted on host2. */
export const NEW_SERVER = 'inst-B';
export const NEW_SERVER_NAME = 'new-server';
export const EVACUATION_MIGRATION_ID = 1;
/** The instance's SR-IOV port is on physnet2. */
export const SRIOV_PHYSNET = 'physnet2';
/** The VF the evacuee got when it booted on host1 (lowest physnet2 VF). */
export const SOURCE_VF = '0000:02:00.1';
/** The evacuee's SR-IOV port, and the new server's. */
export const EVACUEE_PORT = 'port-A';
export const NEW_SERVER_PORT = 'port-B';
/**
 * With `evacuees=2`, host1 also runs `inst-C` on the other physnet2 VF, and
 * the API evacuates it right after `inst-A` (its own migration, its own
 * `rebuild_instance` thread on host2).
 */
export const SECOND_EVACUEE = 'inst-C';
export const SECOND_EVACUEE_NAME = 'second-server-for-bug-1896463';
export const SECOND_EVACUEE_PORT = 'port-C';
export const SECOND_SOURCE_VF = '0000:03:00.1';
export const SECOND_MIGRATION_ID = 2;

/** One evacuated server: its row, port, device on host1, migration, and the thread that rebuilds it on host2. */
export interface Evacuee {
  readonly uuid: string;
  readonly name: string;
  readonly port: string;
  readonly sourceVf: string;
  readonly migrationId: number;
  /** The lane of its `rebuild_instance` on host2 (and, for the second, of its API call too). */
  readonly lane: 'evacuation' | 'evacuation-2';
}

/** The evacuees in the order the API evacuates them: `inst-A` alone, or `inst-A` then `inst-C`. */
export const EVACUEES: readonly [Evacuee, Evacuee] = [
  { uuid: EVACUEE, name: EVACUEE_NAME, port: EVACUEE_PORT, sourceVf: SOURCE_VF, migrationId: EVACUATION_MIGRATION_ID, lane: 'evacuation' },
  {
    uuid: SECOND_EVACUEE, name: SECOND_EVACUEE_NAME, port: SECOND_EVACUEE_PORT, sourceVf: SECOND_SOURCE_VF,
    migrationId: SECOND_MIGRATION_ID, lane: 'evacuation-2',
  },
];

/** The evacuees of a world: one, or two when `inst-C` is there too. */
export function evacueesOf(w: World): readonly Evacuee[] {
  return w.db.instances[SECOND_EVACUEE] === undefined ? EVACUEES.slice(0, 1) : EVACUEES;
}

/**
 * The state the regression test reaches before it evacuates: the server runs
 * on host1 with host1's `0000:02:00.1`; host1's nova-compute is stopped and
 * forced down; host2 is up with every device free.
 */
export function initialWorld(evacuees: 1 | 2 = 1): World {
  return evacuees === 2 ? INITIAL_WORLD_TWO_EVACUEES : INITIAL_WORLD;
}

/** Worlds are immutable, so every simulation can start from the same one. */
const INITIAL_WORLD: World = buildInitialWorld();
const INITIAL_WORLD_TWO_EVACUEES: World = withSecondEvacuee(INITIAL_WORLD);

/**
 * `inst-C` booted on host1 before it failed, like `inst-A`: host1's other
 * physnet2 VF is allocated to it, and its port is bound there.
 */
function withSecondEvacuee(w: World): World {
  const { uuid, name, port, sourceVf } = EVACUEES[1];
  const host1 = hostOf(w, SOURCE_HOST);
  const devices = allocateDevice(w.db.pciDevices.host1!, sourceVf, uuid);
  const row: InstanceRow = { ...instanceOf(w, EVACUEE), uuid, name, pciDevices: [{ host: SOURCE_HOST, address: sourceVf }] };
  return {
    db: {
      ...w.db,
      instances: { ...w.db.instances, [uuid]: row },
      pciDevices: { host1: devices, host2: w.db.pciDevices.host2! },
      ports: { ...w.db.ports, [port]: { id: port, instanceUuid: uuid, physnet: SRIOV_PHYSNET, bindingHost: SOURCE_HOST, pciSlot: sourceVf } },
    },
    hosts: {
      host1: {
        ...host1,
        tracker: {
          ...host1.tracker,
          devices,
          trackedInstances: [...host1.tracker.trackedInstances, uuid],
          allocations: { ...host1.tracker.allocations, [uuid]: [sourceVf] },
        },
        guests: { ...host1.guests, [uuid]: { uuid, pciDevices: [sourceVf] } },
      },
      host2: hostOf(w, DEST_HOST),
    },
  };
}

function buildInitialWorld(): World {
  const host1Devices = allocateDevice(fakeDriverDevices(), SOURCE_VF, EVACUEE);
  const host1Tracker: TrackerState = {
    ...emptyTracker(host1Devices),
    trackedInstances: [EVACUEE],
    allocations: { [EVACUEE]: [SOURCE_VF] },
  };
  const evacuee: InstanceRow = {
    uuid: EVACUEE,
    name: EVACUEE_NAME,
    host: SOURCE_HOST,
    node: SOURCE_HOST,
    vmState: 'active',
    taskState: null,
    migrationContext: null,
    pciDevices: [{ host: SOURCE_HOST, address: SOURCE_VF }],
    pciRequestPhysnet: SRIOV_PHYSNET,
    // This race is about PCI devices; vCPU usage is not modelled for it.
    flavor: null,
    oldFlavor: null,
    newFlavor: null,
  };
  const host2Devices = fakeDriverDevices();
  return {
    db: {
      instances: { [EVACUEE]: evacuee },
      migrations: {},
      pciDevices: { host1: host1Devices, host2: host2Devices },
      computeNodes: {},
      ports: {
        [EVACUEE_PORT]: { id: EVACUEE_PORT, instanceUuid: EVACUEE, physnet: SRIOV_PHYSNET, bindingHost: SOURCE_HOST, pciSlot: SOURCE_VF },
      },
    },
    hosts: {
      host1: {
        service: { up: false, forcedDown: true },
        tracker: host1Tracker,
        guests: { [EVACUEE]: { uuid: EVACUEE, pciDevices: [SOURCE_VF] } },
        periodic: null,
      },
      host2: {
        service: { up: true, forcedDown: false },
        tracker: emptyTracker(host2Devices),
        guests: {},
        periodic: null,
      },
    },
  };
}

export function instanceOf(w: World, uuid: string): InstanceRow {
  const row = w.db.instances[uuid];
  if (!row) throw new Error(`no instance ${uuid}`);
  return row;
}

/** A host of the world; a host the race does not have is a programming error. */
export function hostOf(w: World, host: HostName): HostState {
  const state = w.hosts[host];
  if (!state) throw new Error(`no host ${host} in this world`);
  return state;
}

/** The hosts of the world, in the order its race lists them. */
export function hostsOf(w: World): HostName[] {
  return Object.keys(w.hosts) as HostName[];
}

export function migrationOf(w: World, id: number): MigrationRow {
  const row = w.db.migrations[id];
  if (!row) throw new Error(`no migration ${id}`);
  return row;
}

/*
 * The updates below build objects field by field instead of spreading them:
 * they run at every step of every simulation (sweeps run tens of thousands),
 * and objects of one fixed shape keep V8 fast.
 */

function withDb(w: World, db: Database): World {
  return { db, hosts: w.hosts };
}

function withHosts(w: World, hosts: World['hosts']): World {
  return { db: w.db, hosts };
}

/**
 * Are the record's keys exactly `host1`, `host2`, in that order? Checked with
 * `for...in` rather than `Object.keys`, which allocated an array at every
 * world update (it showed in the fast path's allocation profile).
 */
function isHostPair(record: HostMap<unknown>): boolean {
  let i = 0;
  for (const key in record) {
    if (key !== (i === 0 ? 'host1' : i === 1 ? 'host2' : null)) return false;
    i++;
  }
  return i === 2;
}

/** A per-host record with one host's value replaced (the two-host worlds keep one fixed shape). */
function perHost<T>(record: HostMap<T>, host: HostName, value: T): HostMap<T> {
  if (host !== 'compute1' && isHostPair(record)) {
    return host === 'host1' ? { host1: value, host2: record.host2! } : { host1: record.host1!, host2: value };
  }
  return { ...record, [host]: value };
}

function database(db: Database, patch: Partial<Database>): Database {
  return {
    instances: patch.instances ?? db.instances,
    migrations: patch.migrations ?? db.migrations,
    pciDevices: patch.pciDevices ?? db.pciDevices,
    computeNodes: patch.computeNodes ?? db.computeNodes,
    ports: patch.ports ?? db.ports,
  };
}

/** Insert or update an `instances` row (`instance.save()` / `create()`). */
export function putInstance(w: World, row: InstanceRow): World {
  const { db } = w;
  return withDb(w, database(db, { instances: { ...db.instances, [row.uuid]: row } }));
}

/** What an update may change of an instance row: anything but the key. */
export type InstancePatch = Partial<Omit<InstanceRow, 'uuid'>>;

/**
 * A row with `patch` applied, field by field in the row's own order: every
 * row then has one shape, where `{ ...row, ...patch }` gave a new one per
 * kind of patch (and a megamorphic spread each time, on the fast path).
 */
function patchedInstance(row: InstanceRow, patch: InstancePatch): InstanceRow {
  return {
    uuid: row.uuid,
    name: patch.name !== undefined ? patch.name : row.name,
    host: patch.host !== undefined ? patch.host : row.host,
    node: patch.node !== undefined ? patch.node : row.node,
    vmState: patch.vmState !== undefined ? patch.vmState : row.vmState,
    taskState: patch.taskState !== undefined ? patch.taskState : row.taskState,
    migrationContext: patch.migrationContext !== undefined ? patch.migrationContext : row.migrationContext,
    pciDevices: patch.pciDevices !== undefined ? patch.pciDevices : row.pciDevices,
    pciRequestPhysnet: patch.pciRequestPhysnet !== undefined ? patch.pciRequestPhysnet : row.pciRequestPhysnet,
    flavor: patch.flavor !== undefined ? patch.flavor : row.flavor,
    oldFlavor: patch.oldFlavor !== undefined ? patch.oldFlavor : row.oldFlavor,
    newFlavor: patch.newFlavor !== undefined ? patch.newFlavor : row.newFlavor,
  };
}

export function updateInstance(w: World, uuid: string, patch: InstancePatch): World {
  return putInstance(w, patchedInstance(instanceOf(w, uuid), patch));
}

/** Create or update a Neutron port. */
export function putPort(w: World, row: PortRow): World {
  const { db } = w;
  return withDb(w, database(db, { ports: { ...db.ports, [row.id]: row } }));
}

/** Insert or update a `migrations` row (`migration.save()` / `create()`). */
export function putMigration(w: World, row: MigrationRow): World {
  const { db } = w;
  return withDb(w, database(db, { migrations: { ...db.migrations, [row.id]: row } }));
}

/** Update a migration row: anything but its key and its instance. */
export function updateMigration(w: World, id: number, patch: Partial<Omit<MigrationRow, 'id' | 'instanceUuid'>>): World {
  const row = migrationOf(w, id);
  return putMigration(w, {
    id: row.id,
    instanceUuid: row.instanceUuid,
    sourceCompute: patch.sourceCompute !== undefined ? patch.sourceCompute : row.sourceCompute,
    destCompute: patch.destCompute !== undefined ? patch.destCompute : row.destCompute,
    status: patch.status !== undefined ? patch.status : row.status,
    type: patch.type !== undefined ? patch.type : row.type,
  });
}

export function updateHost(w: World, host: HostName, patch: Partial<HostState>): World {
  const h = hostOf(w, host);
  const next: HostState = {
    service: patch.service ?? h.service,
    tracker: patch.tracker ?? h.tracker,
    guests: patch.guests ?? h.guests,
    periodic: patch.periodic !== undefined ? patch.periodic : h.periodic,
  };
  return withHosts(w, perHost(w.hosts, host, next));
}

export function setTracker(w: World, host: HostName, tracker: TrackerState): World {
  return hostOf(w, host).tracker === tracker ? w : updateHost(w, host, { tracker });
}

/** `PciDevTracker.save`: the tracker's devices become the host's `pci_devices` rows. */
export function saveDevices(w: World, host: HostName): World {
  const devices = hostOf(w, host).tracker.devices;
  const { db } = w;
  if (db.pciDevices[host] === devices) return w;
  return withDb(w, database(db, { pciDevices: perHost(db.pciDevices, host, devices) }));
}

/**
 * `ComputeNode.save()` in `_update`: the tracker's counters become the host's
 * `compute_nodes` row. A tracker that counts no usage saves none.
 */
export function saveComputeNode(w: World, host: HostName): World {
  const node: ComputeNodeRow | null = hostOf(w, host).tracker.computeNode;
  const { db } = w;
  if (node === null || db.computeNodes[host] === node) return w;
  return withDb(w, database(db, { computeNodes: perHost(db.computeNodes, host, node) }));
}
