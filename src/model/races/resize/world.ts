/**
 * Bug #1879878's world at time 0: Nova's regression test has cold-migrated
 * a one-vCPU server from host1 to host2 and it waits in VERIFY_RESIZE. No
 * periodic has run since: host1's tracker still tracks the instance it
 * claimed at boot, host2's tracks the incoming migration its resize claim
 * made, and both `compute_nodes` rows say one vCPU is used.
 */
import { emptyTracker } from '../../pci-tracker';
import type { Flavor, InstanceRow, MigrationRow, PairHost, TrackerState, World } from '../../types';

export const SERVER = 'inst-A';
export const SERVER_NAME = 'test-server-for-bug-1879878';
export const MIGRATION_ID = 1;
/** The test server's flavor: what `assertUsage` counts as one vCPU. */
export const FLAVOR: Flavor = { name: 'm1.small', vcpus: 1 };
/** Where the server ran before the cold migration (and returns to on a revert). */
export const RESIZE_SOURCE: PairHost = 'host1';
/** Where it runs in VERIFY_RESIZE. */
export const RESIZE_DEST: PairHost = 'host2';

function tracker(tracked: Partial<Pick<TrackerState, 'trackedInstances' | 'trackedMigrations'>>): TrackerState {
  return { ...emptyTracker({}, { vcpusUsed: 1 }), ...tracked };
}

function build(): World {
  const instance: InstanceRow = {
    uuid: SERVER,
    name: SERVER_NAME,
    host: RESIZE_DEST,
    node: RESIZE_DEST,
    vmState: 'resized',
    taskState: null,
    migrationContext: { migrationId: MIGRATION_ID, newPciDevices: [], oldPciDevices: [] },
    pciDevices: [],
    pciRequestPhysnet: null,
    flavor: FLAVOR,
    oldFlavor: FLAVOR,
    newFlavor: FLAVOR,
  };
  const migration: MigrationRow = {
    id: MIGRATION_ID,
    instanceUuid: SERVER,
    sourceCompute: RESIZE_SOURCE,
    destCompute: RESIZE_DEST,
    status: 'finished',
    type: 'migration',
  };
  const up = { up: true, forcedDown: false };
  const host1 = tracker({ trackedInstances: [SERVER] });
  const host2 = tracker({ trackedMigrations: { [SERVER]: MIGRATION_ID } });
  return {
    db: {
      instances: { [SERVER]: instance },
      migrations: { [MIGRATION_ID]: migration },
      pciDevices: { host1: {}, host2: {} },
      computeNodes: { host1: host1.computeNode!, host2: host2.computeNode! },
      ports: {},
    },
    hosts: {
      host1: { service: up, tracker: host1, guests: {}, periodic: null },
      host2: { service: up, tracker: host2, guests: { [SERVER]: { uuid: SERVER, pciDevices: [] } }, periodic: null },
    },
  };
}

const RESIZE_WORLD = build();

/** The VERIFY_RESIZE world; worlds are immutable, so every run shares it. */
export function resizeWorld(): World {
  return RESIZE_WORLD;
}
