import { describe, expect, it } from 'vitest';
import { apiCreateServer, destroyGuest, spawnNewGuest, startComputeService } from './compute';
import { afterApi, afterClaim, afterHostSaved, afterMigrationDone, afterSpawn } from './test-worlds';
import { initialWorld } from './world';

describe('evacuation, compute side', () => {
  it('API.evacuate: task_state rebuilding and an accepted migration from host1', () => {
    const w = afterApi();
    expect(w.db.instances['inst-A']).toMatchObject({ taskState: 'rebuilding', host: 'host1' });
    expect(w.db.migrations[1]).toMatchObject({ status: 'accepted', sourceCompute: 'host1', destCompute: null, type: 'evacuation' });
  });

  it('the driver rebuilds the guest on host2 with the migration context devices; the instance is active', () => {
    const w = afterSpawn();
    expect(w.hosts.host2!.guests['inst-A']).toEqual({ uuid: 'inst-A', pciDevices: ['0000:02:00.1'] });
    expect(w.db.instances['inst-A']).toMatchObject({ vmState: 'active', taskState: null, host: 'host1' });
  });

  it('apply_migration_context + host save: host2 and the new devices', () => {
    const row = afterHostSaved().db.instances['inst-A']!;
    expect(row.host).toBe('host2');
    expect(row.node).toBe('host2');
    expect(row.pciDevices).toEqual([{ host: 'host2', address: '0000:02:00.1' }]);
    expect(row.migrationContext).not.toBeNull();
  });

  it('drop_migration_context and migration done', () => {
    const w = afterMigrationDone();
    expect(w.db.instances['inst-A']!.migrationContext).toBeNull();
    expect(w.db.migrations[1]!.status).toBe('done');
  });
});

describe('other compute operations', () => {
  it('API.create and spawn of a new server', () => {
    const created = apiCreateServer(afterClaim(), 'inst-B', 'new-server', 'physnet2', 'port-B').world;
    expect(created.db.instances['inst-B']).toMatchObject({ host: null, vmState: 'building', taskState: 'scheduling', pciRequestPhysnet: 'physnet2' });
  });

  it('spawnNewGuest gives the guest the devices on its host', () => {
    const w = afterHostSaved();
    const spawned = spawnNewGuest(w, 'host2', 'inst-A').world;
    expect(spawned.hosts.host2!.guests['inst-A']?.pciDevices).toEqual(['0000:02:00.1']);
  });

  it('a restarted nova-compute is up and its tracker reloads the saved rows', () => {
    const w = startComputeService(initialWorld(), 'host1').world;
    expect(w.hosts.host1!.service.up).toBe(true);
    expect(w.hosts.host1!.tracker.allocations).toEqual({ 'inst-A': ['0000:02:00.1'] });
    expect(w.hosts.host1!.tracker.trackedInstances).toEqual([]);
  });

  it('destroy removes the guest from the hypervisor', () => {
    expect(destroyGuest(initialWorld(), 'host1', 'inst-A').world.hosts.host1!.guests).toEqual({});
  });
});
