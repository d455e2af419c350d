/**
 * The resource tracker's usage counters (`compute_nodes.vcpus_used`), the
 * part the usage races (#1879878, #2025480) are about: which listed
 * instances count, the flavor a migration holds, `instance_claim` of an
 * unshelved server and `drop_move_claim`. A tracker whose `computeNode` is
 * `null` (#1896463's, which models PCI devices only) counts nothing.
 */
import type { Effect } from './engine/types';
import type { Flavor, HostName, InstanceRow, MigrationRow, TrackerState, World } from './types';
import { hostOf, instanceOf, putInstance, saveComputeNode, setTracker } from './world';

/**
 * `vm_states.ALLOW_RESOURCE_REMOVAL` as it was before #2025480's fix: a
 * listed instance in one of these states is left out of the usage.
 */
export function inAllowResourceRemoval(row: InstanceRow): boolean {
  return row.vmState === 'deleted' || row.vmState === 'shelved_offloaded';
}

/**
 * `vm_states.allow_resource_removal(vm_state, task_state)`, #2025480's fix
 * (f1dc4ec39b): a SHELVED_OFFLOADED instance that is spawning again keeps
 * its usage.
 */
export function allowResourceRemoval(row: InstanceRow): boolean {
  return row.vmState === 'deleted' || (row.vmState === 'shelved_offloaded' && row.taskState !== 'spawning');
}

/**
 * `_instance_in_resize_state`: `resized`, or active/stopped with a resize or
 * rebuild task. Only these states reach it in the scenarios.
 */
export function inResizeState(row: InstanceRow): boolean {
  return row.vmState === 'resized' || (row.vmState === 'active' && row.taskState === 'rebuilding');
}

/**
 * `_get_instance_type`: a resize holds the old or new flavor; every other
 * move (a cold migration, an evacuation) keeps the instance's own.
 */
export function instanceTypeFor(instance: InstanceRow, prefix: 'old' | 'new', migration: Pick<MigrationRow, 'type'>): Flavor | null {
  if (migration.type !== 'migration' && migration.type !== 'evacuation') return prefix === 'old' ? instance.oldFlavor : instance.newFlavor;
  return instance.flavor;
}

/** `_update_usage(usage, nodename, sign)` on the tracker's counters (nothing where usage is not modelled). */
export function addUsage(rt: TrackerState, vcpus: number, sign: 1 | -1 = 1): TrackerState {
  if (rt.computeNode === null || vcpus === 0) return rt;
  return { ...rt, computeNode: { vcpusUsed: rt.computeNode.vcpusUsed + sign * vcpus } };
}

/** The tracker's `_update`: save the counters to the `compute_nodes` row, with the fact the outcome reads. */
export function saveUsage(w: World, host: HostName, run: number | null): { world: World; facts: { type: 'usage-saved'; host: HostName; run: number | null; vcpusUsed: number }[] } {
  const node = hostOf(w, host).tracker.computeNode;
  if (node === null) return { world: w, facts: [] };
  return { world: saveComputeNode(w, host), facts: [{ type: 'usage-saved', host, run, vcpusUsed: node.vcpusUsed }] };
}

/**
 * `instance_claim` for a server that has no PCI request (the unshelve of
 * #2025480), under the lock: the instance gets this host and node (saved),
 * is tracked, its flavor's vCPUs are added, and `_update` saves the row.
 */
export function instanceClaimUsage(w: World, host: HostName, uuid: string): Effect {
  const instance = instanceOf(w, uuid);
  const before = hostOf(w, host).tracker;
  const vcpus = instance.flavor?.vcpus ?? 0;
  const rt = addUsage({ ...before, trackedInstances: [...before.trackedInstances, uuid] }, vcpus);
  const claimed = setTracker(putInstance(w, { ...instance, host, node: host }), host, rt);
  const saved = saveUsage(claimed, host, null);
  return {
    world: saved.world,
    label: () => `instance_claim on ${host}: ${uuid} gets host=${host} (saved), is tracked, vcpus_used ${before.computeNode?.vcpusUsed ?? 0} -> ${rt.computeNode?.vcpusUsed ?? 0}`,
    facts: [
      { type: 'claim', host, uuid, migrationId: null, addresses: [], ok: true },
      { type: 'instance-host', uuid, from: instance.host, to: host },
      ...saved.facts,
    ],
  };
}

/**
 * `drop_move_claim` (or the fix's `_drop_move_claim` inside
 * `drop_move_claim_at_source` / `_at_dest`), under the lock: a migration the
 * tracker tracks is popped (and gives the flavor when none was passed); else
 * a tracked instance stops being tracked. Whatever flavor is known then is
 * subtracted, tracked or not: that is what drives host1 to -1 when a
 * periodic already stopped counting the confirmed migration.
 */
export function dropMoveClaim(w: World, host: HostName, uuid: string, passed: Flavor | null, prefix: 'old' | 'new', migration: MigrationRow): Effect {
  const before = hostOf(w, host).tracker;
  let rt = before;
  let flavor = passed;
  let found: 'migration' | 'instance' | 'none' = 'none';
  if (uuid in rt.trackedMigrations) {
    found = 'migration';
    const { [uuid]: _popped, ...rest } = rt.trackedMigrations;
    rt = { ...rt, trackedMigrations: rest };
    flavor ??= instanceTypeFor(instanceOf(w, uuid), prefix, migration);
  } else if (rt.trackedInstances.includes(uuid)) {
    found = 'instance';
    rt = { ...rt, trackedInstances: rt.trackedInstances.filter((u) => u !== uuid) };
  }
  const vcpus = flavor?.vcpus ?? 0;
  rt = addUsage(rt, vcpus, -1);
  let next = setTracker(w, host, rt);
  // `_update` runs only when a flavor was known: nothing is saved otherwise.
  const saved = flavor ? saveUsage(next, host, null) : { world: next, facts: [] };
  next = saved.world;
  const where = found === 'migration' ? 'in tracked_migrations' : found === 'instance' ? 'in tracked_instances' : 'in neither tracked set';
  return {
    world: next,
    label: () =>
      `drop_move_claim on ${host}: ${uuid} is ${where}; ` +
      (flavor
        ? `subtracts ${flavor.name} (${vcpus} vCPU): vcpus_used ${before.computeNode?.vcpusUsed ?? 0} -> ${rt.computeNode?.vcpusUsed ?? 0}, saved`
        : 'no flavor passed or found: subtracts nothing'),
    facts: [{ type: 'claim-dropped', host, uuid, found, vcpus }, ...saved.facts],
  };
}
