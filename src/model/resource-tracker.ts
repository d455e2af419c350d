/**
 * `nova.compute.resource_tracker.ResourceTracker`: the claims of the
 * evacuation and of a new boot, and the pieces of the periodic
 * `_update_available_resource` between which the race happens. Each function
 * is the effect of one atomic step: it takes the world at the step's end and
 * returns the new world with words for the trace.
 */
import { inProgressMigrations, instancesOnHost } from './database';
import { actual, res } from './footprint';
import type { Effect } from './engine/types';
import type { FactDraft, SkipReason } from './facts';
import { allocateInstance, claimInstance, cleanUsage } from './pci-tracker';
import type { HostName, InstanceRow, MigrationRow, TrackerState, World } from './types';
import { addUsage, inAllowResourceRemoval, inResizeState, instanceTypeFor, saveUsage } from './usage';
import { hostOf, instanceOf, migrationOf, putInstance, saveDevices, setTracker, updateHost, updateMigration } from './world';

function tracker(w: World, host: HostName): TrackerState {
  return hostOf(w, host).tracker;
}

function names(list: readonly string[]): string {
  return list.length === 0 ? 'none' : list.join(', ');
}

/**
 * `rebuild_claim` -> `_move_claim` on the destination, under the lock: the
 * migration becomes `pre-migrating` towards this host, a VF is claimed, the
 * instance gets a migration context naming it, and since the migration is
 * incoming and the instance untracked, the device is allocated at once; the
 * devices are saved. Without a free VF the claim fails and the manager marks
 * the migration `failed`.
 */
export function rebuildClaim(w: World, host: HostName, migrationId: number): Effect {
  const migration = migrationOf(w, migrationId);
  const uuid = migration.instanceUuid;
  const instance = instanceOf(w, uuid);
  const claimed = claimInstance(tracker(w, host), uuid, instance.pciRequestPhysnet ?? '');
  if (claimed === null) {
    let next = updateMigration(w, migrationId, { destCompute: host, status: 'failed' });
    next = putInstance(next, { ...instance, taskState: null });
    return {
      world: next,
      label: () => `rebuild_claim fails: no free ${instance.pciRequestPhysnet} VF on ${host} (ComputeResourcesUnavailable); migration failed`,
      facts: [
        { type: 'claim', host, uuid, migrationId, addresses: [], ok: false },
        { type: 'migration-status', id: migrationId, from: migration.status, to: 'failed' },
      ],
    };
  }
  let next = updateMigration(w, migrationId, { destCompute: host, status: 'pre-migrating' });
  next = putInstance(next, {
    ...instance,
    migrationContext: {
      migrationId,
      newPciDevices: claimed.addresses.map((address) => ({ host, address })),
      oldPciDevices: instance.pciDevices,
    },
  });
  let rt = claimed.tracker;
  const incomingUntracked = !rt.trackedInstances.includes(uuid);
  if (incomingUntracked) {
    rt = allocateInstance(rt, uuid);
    rt = { ...rt, trackedMigrations: { ...rt.trackedMigrations, [uuid]: migrationId } };
  }
  next = saveDevices(setTracker(next, host, rt), host);
  return {
    world: next,
    label: () => `rebuild_claim on ${host}: claims ${names(claimed.addresses)} for ${uuid}, migration pre-migrating, ` +
      (incomingUntracked ? 'device allocated at once (incoming, untracked)' : 'instance already tracked: device stays claimed'),
    facts: [
      { type: 'claim', host, uuid, migrationId, addresses: claimed.addresses, ok: true },
      { type: 'migration-status', id: migrationId, from: migration.status, to: 'pre-migrating' },
    ],
  };
}

/**
 * `instance_claim` for a new server, under the lock: the instance gets this
 * host, a VF is claimed, the instance is tracked and the device allocated,
 * then saved. Without a free VF the build fails.
 */
export function instanceClaim(w: World, host: HostName, uuid: string): Effect {
  const instance = instanceOf(w, uuid);
  const claimed = claimInstance(tracker(w, host), uuid, instance.pciRequestPhysnet ?? '');
  if (claimed === null) {
    return {
      world: putInstance(w, { ...instance, vmState: 'error', taskState: null }),
      label: () => `instance_claim fails: no free ${instance.pciRequestPhysnet} VF on ${host}; ${uuid} goes to ERROR`,
      facts: [{ type: 'claim', host, uuid, migrationId: null, addresses: [], ok: false }],
    };
  }
  let rt = allocateInstance(claimed.tracker, uuid);
  rt = { ...rt, trackedInstances: [...rt.trackedInstances, uuid] };
  let next = putInstance(w, {
    ...instance,
    host,
    node: host,
    pciDevices: claimed.addresses.map((address) => ({ host, address })),
  });
  next = saveDevices(setTracker(next, host, rt), host);
  return {
    world: next,
    label: () => `instance_claim on ${host}: ${uuid} gets ${names(claimed.addresses)} (claimed, then allocated)`,
    facts: [
      { type: 'claim', host, uuid, migrationId: null, addresses: claimed.addresses, ok: true },
      { type: 'instance-host', uuid, from: instance.host, to: host },
    ],
  };
}

/** Periodic step 2: snapshot 1, the instances whose host is this host. */
export function readInstanceList(w: World, host: HostName, run: number, now: number): Effect {
  const rows = instancesOnHost(w, host).map((uuid) => instanceOf(w, uuid));
  const uuids = rows.map((r) => r.uuid);
  const next = updateHost(w, host, {
    periodic: { run, instances: rows, instancesReadAt: now, migrations: null, migrationsReadAt: null },
  });
  return {
    world: next,
    label: () => `${host}'s periodic reads the instances on ${host}: ${names(uuids)}`,
    read: () => `instances with host=${host}: ${rows.length} row(s)${rows.length ? ` (${uuids.join(', ')})` : ''}`,
    facts: [{ type: 'instance-list', host, run, uuids }],
    // Every row's host decides the filter; only the listed rows are read whole (and kept in the snapshot).
    footprint: () => actual([res.instanceHosts, ...uuids.map(res.instance)], [res.tracker(host)]),
  };
}

function snapshotOf(w: World, host: HostName): { instances: readonly InstanceRow[]; migrations: readonly MigrationRow[] } {
  const view = hostOf(w, host).periodic;
  return { instances: view?.instances ?? [], migrations: view?.migrations ?? [] };
}

type Skipped = Extract<FactDraft, { type: 'usage-rebuilt' }>['skipped'][number];

function skip(row: InstanceRow, why: SkipReason): Skipped {
  return { uuid: row.uuid, vmState: row.vmState, taskState: row.taskState, why };
}

function skippedWords(skipped: readonly Skipped[]): string {
  return skipped.map((s) => `leaves out ${s.uuid} (${s.why === 'removable' ? `${s.vmState}${s.taskState ? `, ${s.taskState}` : ''}` : s.why})`).join('; ');
}

/**
 * Periodic step 3, `_update_usage_from_instances`: the tracked set is rebuilt
 * from the snapshot, and every listed instance whose state does not allow
 * resource removal (`removable`) is tracked and gets its claimed devices
 * allocated (claims -> allocations). Where usage is counted, the counters
 * start again from zero and each of them adds its flavor's vCPUs.
 */
export function updateUsageFromInstances(w: World, host: HostName, removable: (row: InstanceRow) => boolean = inAllowResourceRemoval): Effect {
  const { instances } = snapshotOf(w, host);
  const before = tracker(w, host);
  const counts = before.computeNode !== null;
  let rt: TrackerState = { ...before, trackedInstances: [] };
  const tracked: string[] = [];
  const counted: { uuid: string; vcpus: number }[] = [];
  const skipped: Skipped[] = [];
  let vcpus = 0;
  for (const row of instances) {
    if (removable(row)) {
      skipped.push(skip(row, 'removable'));
      continue;
    }
    tracked.push(row.uuid);
    rt = allocateInstance(rt, row.uuid);
    if (counts) {
      counted.push({ uuid: row.uuid, vcpus: row.flavor?.vcpus ?? 0 });
      vcpus += row.flavor?.vcpus ?? 0;
    }
  }
  rt = { ...rt, trackedInstances: tracked };
  if (!counts) {
    return { world: setTracker(w, host, rt), label: () => `_update_usage_from_instances: tracks ${names(tracked)}` };
  }
  rt = { ...rt, computeNode: { vcpusUsed: vcpus } };
  const run = hostOf(w, host).periodic?.run ?? 0;
  return {
    world: setTracker(w, host, rt),
    label: () =>
      `_update_usage_from_instances: vcpus_used starts again at 0; counts ${names(counted.map((c) => `${c.uuid} (${c.vcpus} vCPU)`))}` +
      `${skipped.length ? `; ${skippedWords(skipped)}` : ''}: vcpus_used ${vcpus}`,
    facts: [{ type: 'usage-rebuilt', host, run, from: 'instances', counted, skipped }],
  };
}

/** Periodic step 4: snapshot 2, the in-progress migrations from or to this host. */
export function readMigrationList(w: World, host: HostName, now: number): Effect {
  const rows = inProgressMigrations(w, host);
  const view = hostOf(w, host).periodic;
  const next = updateHost(w, host, {
    periodic: {
      run: view?.run ?? 0,
      instances: view?.instances ?? null,
      instancesReadAt: view?.instancesReadAt ?? null,
      migrations: rows,
      migrationsReadAt: now,
    },
  });
  const listed = (): string[] => rows.map((m) => `${m.id} (${m.instanceUuid}, ${m.status})`);
  return {
    world: next,
    label: () => `${host}'s periodic reads the in-progress migrations of ${host}: ${names(listed())}`,
    read: () => `migrations from or to ${host}, not done/completed/failed: ${rows.length} row(s)${rows.length ? ` (${listed().join(', ')})` : ''}`,
    facts: [
      {
        type: 'migration-list',
        host,
        run: view?.run ?? 0,
        migrations: rows.map((m) => ({ id: m.id, instanceUuid: m.instanceUuid, status: m.status })),
      },
    ],
  };
}

/**
 * Periodic step 5, `_update_usage_from_migrations`: each listed migration
 * whose instance is still rebuilding counts; an incoming one for an untracked
 * instance gets its claimed devices allocated. The instance comes from the
 * instance snapshot when it is there, else it is loaded now.
 */
export function updateUsageFromMigrations(w: World, host: HostName): Effect {
  const { instances, migrations } = snapshotOf(w, host);
  let next = w;
  const before = tracker(w, host);
  const counts = before.computeNode !== null;
  let rt: TrackerState = { ...before, trackedMigrations: {} };
  const notes: (() => string)[] = [];
  const loaded: string[] = [];
  const errored: string[] = [];
  const counted: { uuid: string; vcpus: number }[] = [];
  const skipped: Skipped[] = [];
  for (const migration of migrations) {
    const uuid = migration.instanceUuid;
    const listed = instances.find((i) => i.uuid === uuid);
    if (!listed) loaded.push(res.instance(uuid));
    const instance = listed ?? instanceOf(next, uuid);
    if (!inResizeState(instance)) {
      skipped.push(skip(instance, 'not-resizing'));
      notes.push(() => `skips migration ${migration.id}: ${uuid} is no longer ${counts ? 'resizing' : 'rebuilding'}`);
      continue;
    }
    if (instance.migrationContext !== null && instance.migrationContext.migrationId !== migration.id) {
      next = updateMigration(next, migration.id, { status: 'error' });
      errored.push(res.migration(migration.id));
      notes.push(() => `marks migration ${migration.id} error: it is not ${uuid}'s current migration`);
      continue;
    }
    const incoming = migration.destCompute === host;
    const tracked = rt.trackedInstances.includes(uuid);
    if (tracked) {
      skipped.push(skip(instance, 'tracked'));
      notes.push(() => `migration ${migration.id}: ${uuid} is already tracked`);
      continue;
    }
    // An incoming migration holds the new flavor, an outgoing one the old (for a revert); no flavor, no tracking.
    const flavor = counts ? instanceTypeFor(instance, incoming ? 'new' : 'old', migration) : null;
    if (counts && flavor === null) {
      skipped.push(skip(instance, 'no-flavor'));
      notes.push(() => `migration ${migration.id}: no flavor to hold for ${uuid}`);
      continue;
    }
    if (incoming) rt = allocateInstance(rt, uuid);
    rt = { ...rt, trackedMigrations: { ...rt.trackedMigrations, [uuid]: migration.id } };
    if (flavor) {
      rt = addUsage(rt, flavor.vcpus);
      counted.push({ uuid, vcpus: flavor.vcpus });
    }
    notes.push(() => `tracks ${incoming ? 'incoming' : 'outgoing'} migration ${migration.id} of ${uuid}${flavor ? ` (+${flavor.vcpus} vCPU)` : ''}`);
  }
  const run = hostOf(w, host).periodic?.run ?? 0;
  return {
    world: setTracker(next, host, rt),
    label: () =>
      `_update_usage_from_migrations: ${notes.length ? notes.map((n) => n()).join('; ') : 'no migrations'}` +
      (counts ? `: vcpus_used ${rt.computeNode?.vcpusUsed ?? 0}` : ''),
    ...(counts ? { facts: [{ type: 'usage-rebuilt' as const, host, run, from: 'migrations' as const, counted, skipped }] } : {}),
    footprint: () => actual([res.tracker(host), ...loaded], [res.tracker(host), ...errored]),
  };
}

/**
 * Periodic step 6, `clean_usage`: the uuids in the instance snapshot and in
 * the migration snapshot (unfiltered) are kept; every other instance with
 * PCI claims or allocations loses them (`PciDevTracker.clean_usage`, see
 * `pci-tracker.ts`). Orphans add nothing: the fake and libvirt drivers
 * report no per-instance usage, so there are none.
 * Returns the decision, then one `pci-freed` step per freed device.
 */
export function cleanUsageSteps(w: World, host: HostName): Effect[] {
  const view = hostOf(w, host).periodic;
  const run = view?.run ?? 0;
  const { instances, migrations } = snapshotOf(w, host);
  const inInstances = new Set<string>();
  for (const i of instances) inInstances.add(i.uuid);
  const existed = new Set(inInstances);
  for (const m of migrations) existed.add(m.instanceUuid);
  const rt = tracker(w, host);
  const users: string[] = [];
  for (const uuid in rt.claims) users.push(uuid);
  for (const uuid in rt.allocations) if (!(uuid in rt.claims)) users.push(uuid);
  users.sort();
  const kept: { uuid: string; via: 'instance-list' | 'migration-list' }[] = [];
  const freedUuids: string[] = [];
  for (const uuid of users) {
    if (existed.has(uuid)) kept.push({ uuid, via: inInstances.has(uuid) ? 'instance-list' : 'migration-list' });
    else freedUuids.push(uuid);
  }
  const decision: Effect = {
    world: w,
    label: () => {
      const verdicts = users.map((uuid) => {
        if (inInstances.has(uuid)) return `keeps ${uuid} (in the instance list)`;
        if (existed.has(uuid)) return `keeps ${uuid} (in the migration list)`;
        return `${uuid} is in neither snapshot: frees its devices`;
      });
      return `clean_usage on ${host}: ${verdicts.length ? verdicts.join('; ') : 'no PCI usage to check'}`;
    },
    facts: [{ type: 'clean-usage', host, run, kept, freedUuids }],
  };
  if (freedUuids.length === 0) return [decision];
  const effects: Effect[] = [decision];
  for (const f of cleanUsage(rt, existed).freed) {
    effects.push({
      world: setTracker(w, host, f.after),
      name: 'free device',
      kind: 'pci-freed',
      address: f.address,
      label: () => `clean_usage frees ${host} ${f.address} of ${f.instanceUuid} (${f.was} -> available): instance in neither snapshot`,
      facts: [{ type: 'pci-freed', host, run, uuid: f.instanceUuid, address: f.address, was: f.was }],
    });
  }
  return effects;
}

/**
 * Periodic step 7, `_update`: `PciDevTracker.save`, and, where usage is
 * counted, `ComputeNode.save` of the rebuilt counters.
 */
export function savePciDevices(w: World, host: HostName): Effect {
  const next = saveDevices(w, host);
  if (hostOf(w, host).tracker.computeNode === null) {
    return {
      world: next,
      label: () => (next === w ? `saves ${host}'s devices: nothing changed` : `saves ${host}'s devices to pci_devices`),
    };
  }
  const saved = saveUsage(next, host, hostOf(w, host).periodic?.run ?? 0);
  const before = w.db.computeNodes[host]?.vcpusUsed;
  const after = saved.facts[0]?.vcpusUsed;
  return {
    world: saved.world,
    label: () => `_update saves ${host}'s compute_nodes row: vcpus_used ${before ?? 'None'} -> ${after ?? 'None'}`,
    facts: saved.facts,
  };
}
