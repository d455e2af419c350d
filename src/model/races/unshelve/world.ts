/**
 * Bug #2025480's world at time 0: Nova's regression test booted a one-vCPU
 * server on its only compute, `compute1`, and shelved it, which offloads it
 * at once: SHELVED_OFFLOADED, no host, and `compute1` counts no usage.
 */
import { emptyTracker } from '../../pci-tracker';
import type { Flavor, HostName, InstanceRow, World } from '../../types';

export const SERVER = 'inst-A';
export const SERVER_NAME = 'test-server-for-bug-2025480';
export const FLAVOR: Flavor = { name: 'm1.small', vcpus: 1 };
export const COMPUTE: HostName = 'compute1';

function build(): World {
  const instance: InstanceRow = {
    uuid: SERVER,
    name: SERVER_NAME,
    host: null,
    node: null,
    vmState: 'shelved_offloaded',
    taskState: null,
    migrationContext: null,
    pciDevices: [],
    pciRequestPhysnet: null,
    flavor: FLAVOR,
    oldFlavor: null,
    newFlavor: null,
  };
  const tracker = emptyTracker({}, { vcpusUsed: 0 });
  return {
    db: {
      instances: { [SERVER]: instance },
      migrations: {},
      pciDevices: { compute1: {} },
      computeNodes: { compute1: tracker.computeNode! },
      ports: {},
    },
    hosts: { compute1: { service: { up: true, forcedDown: false }, tracker, guests: {}, periodic: null } },
  };
}

const UNSHELVE_WORLD = build();

/** The shelved-offloaded world; immutable, shared by every run. */
export function unshelveWorld(): World {
  return UNSHELVE_WORLD;
}
