import { describe, expect, it } from 'vitest';
import { apiCreateServer } from './compute';
import {
  cleanUsageSteps,
  instanceClaim,
  readInstanceList,
  readMigrationList,
  rebuildClaim,
  savePciDevices,
  updateUsageFromInstances,
  updateUsageFromMigrations,
} from './resource-tracker';
import { afterApi, afterClaim, afterHostSaved, afterMigrationDone, afterSpawn } from './test-worlds';
import type { World } from './types';
import { updateInstance } from './world';

/** Run a whole periodic on host2 at once, with both snapshots taken from `instancesAt` and `migrationsAt`. */
function periodic(instancesAt: World, migrationsAt: World): World {
  let w = readInstanceList(instancesAt, 'host2', 1, 100).world;
  w = updateUsageFromInstances(w, 'host2').world;
  // The migration list is read from a later world: carry the tracker and the view over.
  const later = { ...migrationsAt, hosts: { ...migrationsAt.hosts, host2: w.hosts.host2! } };
  w = readMigrationList(later, 'host2', 200).world;
  w = updateUsageFromMigrations(w, 'host2').world;
  const steps = cleanUsageSteps(w, 'host2');
  return savePciDevices(steps[steps.length - 1]!.world, 'host2').world;
}

describe('rebuild_claim (_move_claim on host2)', () => {
  it('claims the lowest physnet2 VF, allocates it at once and saves it', () => {
    const effect = rebuildClaim(afterApi(), 'host2', 1);
    const w = effect.world;
    expect(w.db.migrations[1]).toMatchObject({ status: 'pre-migrating', destCompute: 'host2' });
    expect(w.db.instances['inst-A']!.migrationContext).toEqual({
      migrationId: 1,
      newPciDevices: [{ host: 'host2', address: '0000:02:00.1' }],
      oldPciDevices: [{ host: 'host1', address: '0000:02:00.1' }],
    });
    expect(w.hosts.host2!.tracker.allocations).toEqual({ 'inst-A': ['0000:02:00.1'] });
    expect(w.hosts.host2!.tracker.trackedMigrations).toEqual({ 'inst-A': 1 });
    expect(w.db.pciDevices.host2!['0000:02:00.1']).toMatchObject({ status: 'allocated', instanceUuid: 'inst-A' });
    expect(effect.label()).toMatch(/allocated at once/);
  });

  it('fails without a free VF: the migration is failed and the instance stays on host1', () => {
    let w = afterApi();
    for (const uuid of ['x', 'y']) {
      w = apiCreateServer(w, uuid, uuid, 'physnet2', `port-${uuid}`).world;
      w = instanceClaim(w, 'host2', uuid).world;
    }
    const failed = rebuildClaim(w, 'host2', 1).world;
    expect(failed.db.migrations[1]!.status).toBe('failed');
    expect(failed.db.instances['inst-A']).toMatchObject({ host: 'host1', taskState: null });
  });
});

describe('instance_claim (a new boot on host2)', () => {
  it('sets the host, claims, tracks and allocates, then saves', () => {
    const created = apiCreateServer(afterMigrationDone(), 'inst-B', 'new-server', 'physnet2', 'port-B').world;
    const w = instanceClaim(created, 'host2', 'inst-B').world;
    expect(w.db.instances['inst-B']).toMatchObject({ host: 'host2', pciDevices: [{ host: 'host2', address: '0000:03:00.1' }] });
    expect(w.hosts.host2!.tracker.allocations['inst-B']).toEqual(['0000:03:00.1']);
    expect(w.db.pciDevices.host2!['0000:03:00.1']?.status).toBe('allocated');
  });

  it('a full host sends the new server to ERROR', () => {
    let w = afterMigrationDone();
    for (const uuid of ['x', 'y']) w = instanceClaim(apiCreateServer(w, uuid, uuid, 'physnet2', `port-${uuid}`).world, 'host2', uuid).world;
    expect(w.db.instances['y']!.vmState).toBe('error');
  });
});

describe('update_available_resource pieces', () => {
  it('snapshot 1 holds the rows as read; _update_usage_from_instances rebuilds the tracked set', () => {
    const read = readInstanceList(afterHostSaved(), 'host2', 3, 1234).world;
    expect(read.hosts.host2!.periodic).toMatchObject({ run: 3, instancesReadAt: 1234, migrations: null });
    expect(read.hosts.host2!.periodic?.instances?.map((i) => i.uuid)).toEqual(['inst-A']);
    expect(updateUsageFromInstances(read, 'host2').world.hosts.host2!.tracker.trackedInstances).toEqual(['inst-A']);
  });

  it('_update_usage_from_instances allocates claimed devices of listed instances', () => {
    const created = apiCreateServer(afterMigrationDone(), 'inst-B', 'b', 'physnet2', 'port-B').world;
    const w = instanceClaim(created, 'host2', 'inst-B').world;
    // Pretend the claim was not allocated yet: move it back to claims.
    const rt = w.hosts.host2!.tracker;
    const claimedOnly: World = {
      ...w,
      hosts: { ...w.hosts, host2: { ...w.hosts.host2!, tracker: { ...rt, claims: { 'inst-B': ['0000:03:00.1'] }, allocations: { 'inst-A': ['0000:02:00.1'] }, devices: { ...rt.devices, '0000:03:00.1': { ...rt.devices['0000:03:00.1']!, status: 'claimed' } } } } },
    };
    const after = updateUsageFromInstances(readInstanceList(claimedOnly, 'host2', 1, 0).world, 'host2').world;
    expect(after.hosts.host2!.tracker.allocations['inst-B']).toEqual(['0000:03:00.1']);
    expect(after.hosts.host2!.tracker.claims).toEqual({});
  });

  it('snapshot 2 lists the in-progress migrations from or to the host', () => {
    const w = readMigrationList(afterClaim(), 'host2', 99).world;
    expect(w.hosts.host2!.periodic?.migrations?.map((m) => [m.id, m.status])).toEqual([[1, 'pre-migrating']]);
    expect(w.hosts.host2!.periodic?.migrationsReadAt).toBe(99);
  });

  it('_update_usage_from_migrations skips instances that are no longer rebuilding', () => {
    const w = readMigrationList(readInstanceList(afterSpawn(), 'host2', 1, 0).world, 'host2', 1).world;
    const effect = updateUsageFromMigrations(w, 'host2');
    expect(effect.label()).toMatch(/no longer rebuilding/);
    expect(effect.world.hosts.host2!.tracker.trackedMigrations).toEqual({});
  });

  it('_update_usage_from_migrations tracks an incoming migration of a rebuilding instance', () => {
    const w = readMigrationList(readInstanceList(afterClaim(), 'host2', 1, 0).world, 'host2', 1).world;
    const effect = updateUsageFromMigrations(w, 'host2');
    expect(effect.label()).toMatch(/incoming migration 1/);
    expect(effect.world.hosts.host2!.tracker.trackedMigrations).toEqual({ 'inst-A': 1 });
  });

  it('_update_usage_from_migrations marks a migration that is not the instance current one as error', () => {
    const stale = updateInstance(afterClaim(), 'inst-A', {
      migrationContext: { migrationId: 7, newPciDevices: [], oldPciDevices: [] },
    });
    const w = readMigrationList(readInstanceList(stale, 'host2', 1, 0).world, 'host2', 1).world;
    expect(updateUsageFromMigrations(w, 'host2').world.db.migrations[1]!.status).toBe('error');
  });
});

describe('clean_usage: the race', () => {
  it('frees the device when the instance is in neither snapshot (bug #1896463)', () => {
    const w = periodic(afterClaim(), afterMigrationDone());
    expect(w.hosts.host2!.tracker.devices['0000:02:00.1']?.status).toBe('available');
    expect(w.db.pciDevices.host2!['0000:02:00.1']?.status).toBe('available');
  });

  it('keeps it when the instance list already has host2', () => {
    const w = periodic(afterMigrationDone(), afterMigrationDone());
    expect(w.db.pciDevices.host2!['0000:02:00.1']?.status).toBe('allocated');
  });

  it('keeps it when the migration is still in progress', () => {
    const w = periodic(afterClaim(), afterHostSaved());
    expect(w.db.pciDevices.host2!['0000:02:00.1']?.status).toBe('allocated');
  });

  it('reports its decision, then one pci-freed step per device', () => {
    let w = readInstanceList(afterClaim(), 'host2', 1, 0).world;
    w = readMigrationList({ ...afterMigrationDone(), hosts: { ...afterMigrationDone().hosts, host2: w.hosts.host2! } }, 'host2', 1).world;
    const steps = cleanUsageSteps(w, 'host2');
    expect(steps.map((s) => s.kind ?? null)).toEqual([null, 'pci-freed']);
    expect(steps[0]!.label()).toMatch(/inst-A is in neither snapshot/);
    expect(steps[1]).toMatchObject({ address: '0000:02:00.1', name: 'free device' });
    expect(steps[0]!.facts).toEqual([{ type: 'clean-usage', host: 'host2', run: 1, kept: [], freedUuids: ['inst-A'] }]);
    expect(steps[1]!.facts).toEqual([{ type: 'pci-freed', host: 'host2', run: 1, uuid: 'inst-A', address: '0000:02:00.1', was: 'allocated' }]);
  });

  it('says why it keeps a device: the snapshot that listed its instance', () => {
    let w = readInstanceList(afterClaim(), 'host2', 3, 0).world;
    w = readMigrationList({ ...afterHostSaved(), hosts: { ...afterHostSaved().hosts, host2: w.hosts.host2! } }, 'host2', 1).world;
    const [decision, ...freed] = cleanUsageSteps(w, 'host2');
    expect(freed).toEqual([]);
    expect(decision!.facts).toEqual([{ type: 'clean-usage', host: 'host2', run: 3, kept: [{ uuid: 'inst-A', via: 'migration-list' }], freedUuids: [] }]);
  });

  it('the snapshots report what they returned as facts', () => {
    const read1 = readInstanceList(afterHostSaved(), 'host2', 2, 0);
    expect(read1.facts).toEqual([{ type: 'instance-list', host: 'host2', run: 2, uuids: ['inst-A'] }]);
    const read2 = readMigrationList(read1.world, 'host2', 5);
    expect(read2.facts).toEqual([{ type: 'migration-list', host: 'host2', run: 2, migrations: [{ id: 1, instanceUuid: 'inst-A', status: 'pre-migrating' }] }]);
  });

  it('saving copies the tracker devices to pci_devices, and says when nothing changed', () => {
    const w = afterClaim();
    expect(savePciDevices(w, 'host2').label()).toMatch(/nothing changed/);
  });
});
