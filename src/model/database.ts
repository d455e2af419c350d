/**
 * The database queries the threads make, with Nova's filters.
 */
import { allocatedTo } from './pci-devices';
import type { HostName, MigrationRow, MigrationStatus, World } from './types';

/**
 * Statuses that `migration_get_in_progress_and_error_by_host_and_node`
 * filters out. `error` is not among them: the query keeps error migrations,
 * hence its name.
 */
export const FINISHED_MIGRATION_STATUSES: readonly MigrationStatus[] = ['confirmed', 'reverted', 'failed', 'completed', 'done'];

/** `InstanceList.get_by_host_and_node`: uuids of the instances on this host's node. */
export function instancesOnHost(w: World, host: HostName): string[] {
  // Loops rather than values/filter/map chains here and below: every periodic run makes these queries.
  const uuids: string[] = [];
  const { instances } = w.db;
  for (const uuid in instances) {
    const i = instances[uuid]!;
    if (i.host === host && i.node === host && i.vmState !== 'deleted') uuids.push(i.uuid);
  }
  return uuids.sort();
}

/** `MigrationList.get_in_progress_and_error`: migrations from or to this host, not finished. */
export function inProgressMigrations(w: World, host: HostName): MigrationRow[] {
  const rows: MigrationRow[] = [];
  const { migrations } = w.db;
  for (const id in migrations) {
    const m = migrations[id]!;
    if ((m.sourceCompute === host || m.destCompute === host) && !FINISHED_MIGRATION_STATUSES.includes(m.status)) rows.push(m);
  }
  return rows.length > 1 ? rows.sort((a, b) => a.id - b.id) : rows;
}

/** Evacuations from this host that `_destroy_evacuated_instances` looks for. */
export function evacuationsFrom(w: World, host: HostName): MigrationRow[] {
  const wanted: readonly MigrationStatus[] = ['accepted', 'pre-migrating', 'done'];
  return Object.values(w.db.migrations)
    .filter((m) => m.sourceCompute === host && m.type === 'evacuation' && wanted.includes(m.status))
    .sort((a, b) => a.id - b.id);
}

/**
 * What the regression test's `_assert_pci_device_allocated` counts: `pci_devices`
 * rows of this compute node `allocated` to the instance.
 */
export function pciAllocatedCount(w: World, instanceUuid: string, host: HostName): number {
  return allocatedTo(w.db.pciDevices[host] ?? {}, instanceUuid).length;
}

/**
 * The instance's row names this host but no device is allocated to it here:
 * the test's assertion on this host fails.
 */
export function allocationMissing(w: World, instanceUuid: string, host: HostName): boolean {
  return w.db.instances[instanceUuid]?.host === host && pciAllocatedCount(w, instanceUuid, host) === 0;
}
