import { describe, expect, it } from 'vitest';
import { evacuationsFrom, inProgressMigrations, instancesOnHost, pciAllocatedCount } from './database';
import { afterApi, afterClaim, afterHostSaved, afterMigrationDone } from './test-worlds';
import { initialWorld, updateMigration } from './world';

describe('database queries', () => {
  it('InstanceList.get_by_host_and_node follows instance.host', () => {
    expect(instancesOnHost(afterClaim(), 'host2')).toEqual([]);
    expect(instancesOnHost(afterClaim(), 'host1')).toEqual(['inst-A']);
    expect(instancesOnHost(afterHostSaved(), 'host2')).toEqual(['inst-A']);
  });

  it('get_in_progress_and_error: from or to the host, not done/completed/failed, but error included', () => {
    expect(inProgressMigrations(afterApi(), 'host2')).toEqual([]); // destination unknown before the claim
    expect(inProgressMigrations(afterApi(), 'host1').map((m) => m.id)).toEqual([1]);
    expect(inProgressMigrations(afterClaim(), 'host2').map((m) => m.status)).toEqual(['pre-migrating']);
    expect(inProgressMigrations(afterMigrationDone(), 'host2')).toEqual([]);
    for (const status of ['failed', 'completed'] as const) {
      expect(inProgressMigrations(updateMigration(afterClaim(), 1, { status }), 'host2')).toEqual([]);
    }
    expect(inProgressMigrations(updateMigration(afterClaim(), 1, { status: 'error' }), 'host2')).toHaveLength(1);
  });

  it('_destroy_evacuated_instances looks for accepted, pre-migrating and done evacuations', () => {
    expect(evacuationsFrom(afterApi(), 'host1').map((m) => m.status)).toEqual(['accepted']);
    expect(evacuationsFrom(afterMigrationDone(), 'host1').map((m) => m.status)).toEqual(['done']);
    expect(evacuationsFrom(updateMigration(afterClaim(), 1, { status: 'completed' }), 'host1')).toEqual([]);
  });

  it('counts allocated pci_devices rows as the Nova test does', () => {
    expect(pciAllocatedCount(initialWorld(), 'inst-A', 'host1')).toBe(1);
    expect(pciAllocatedCount(initialWorld(), 'inst-A', 'host2')).toBe(0);
    expect(pciAllocatedCount(afterClaim(), 'inst-A', 'host2')).toBe(1);
  });
});
