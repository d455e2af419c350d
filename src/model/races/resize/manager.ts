/**
 * The compute API and `ComputeManager` steps of a confirmed or reverted
 * resize (bug #1879878), each the effect of one atomic step. The tracker's
 * part, `drop_move_claim`, is in `usage.ts`.
 */
import type { Effect } from '../../engine/types';
import type { HostName, InstanceRow, World } from '../../types';
import { hostOf, instanceOf, migrationOf, putInstance, updateHost } from '../../world';

function save(w: World, uuid: string, patch: Partial<InstanceRow>): World {
  return putInstance(w, { ...instanceOf(w, uuid), ...patch });
}

/** `API.revert_resize`: the instance's task_state becomes RESIZE_REVERTING (the migration's status is the next save). */
export function apiRevertResize(w: World, uuid: string): Effect {
  return { world: save(w, uuid, { taskState: 'resize_reverting' }), label: () => `API accepts the revert of ${uuid}: task_state resize_reverting` };
}

/** `driver.destroy` on the destination during a revert: the guest is gone from this host. */
export function destroyGuestOnDest(w: World, host: HostName, uuid: string): Effect {
  const { [uuid]: _gone, ...rest } = hostOf(w, host).guests;
  return { world: updateHost(w, host, { guests: rest }), label: () => `the driver destroys ${uuid}'s guest on ${host}` };
}

/**
 * `instance.revert_migration_context()` and `instance.save()`: the old NUMA
 * topology and devices come back, which this model does not track, so the
 * row is saved unchanged; the save is what matters for the race's order.
 */
export function revertMigrationContext(w: World, uuid: string): Effect {
  return { world: save(w, uuid, {}), label: () => `reverts ${uuid}'s migration context and saves the instance (host still ${instanceOf(w, uuid).host})` };
}

/** `_revert_instance_flavor_host_node` on the source: the old flavor, host and node come back, saved. */
export function revertFlavorHostNode(w: World, host: HostName, uuid: string, migrationId: number): Effect {
  const instance = instanceOf(w, uuid);
  const source = migrationOf(w, migrationId).sourceCompute;
  return {
    world: save(w, uuid, { flavor: instance.oldFlavor, host: source, node: source }),
    label: () => `finish_revert_resize on ${host}: ${uuid} gets its old flavor back and host=${source}, saved`,
    facts: [{ type: 'instance-host', uuid, from: instance.host, to: source }],
  };
}

/** `driver.finish_revert_migration`: the guest runs on the source again. */
export function startGuestOnSource(w: World, host: HostName, uuid: string): Effect {
  const guests = { ...hostOf(w, host).guests, [uuid]: { uuid, pciDevices: [] } };
  return { world: updateHost(w, host, { guests }), label: () => `the driver powers ${uuid} on again on ${host}` };
}

/** `instance.vm_state = ACTIVE; task_state = None; save()` at the end of a confirm or revert. */
export function markActive(w: World, uuid: string): Effect {
  return { world: save(w, uuid, { vmState: 'active', taskState: null }), label: () => `${uuid}: vm_state active, task_state None, saved` };
}

/**
 * `_delete_stashed_flavor_info`: old_flavor and new_flavor go (done last,
 * since the tracker reads them); the operation has finished.
 */
export function deleteStashedFlavors(w: World, uuid: string): Effect {
  return {
    world: save(w, uuid, { oldFlavor: null, newFlavor: null }),
    label: () => `_delete_stashed_flavor_info: ${uuid}'s old_flavor and new_flavor are unset; the operation is over`,
    facts: [{ type: 'operation-finished', uuid }],
  };
}
