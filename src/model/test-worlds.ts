/**
 * Worlds at interesting moments of the evacuation, built with the model's own
 * operations, for unit tests.
 */
import { apiEvacuate, saveInstanceHost, setMigrationStatus, spawnEvacuatedGuest, dropMigrationContext } from './compute';
import { rebuildClaim } from './resource-tracker';
import type { World } from './types';
import { EVACUATION_MIGRATION_ID, EVACUEE, initialWorld } from './world';

export function afterApi(): World {
  return apiEvacuate(initialWorld(), EVACUEE, EVACUATION_MIGRATION_ID).world;
}

export function afterClaim(): World {
  return rebuildClaim(afterApi(), 'host2', EVACUATION_MIGRATION_ID).world;
}

export function afterSpawn(): World {
  return spawnEvacuatedGuest(afterClaim(), 'host2', EVACUEE).world;
}

export function afterHostSaved(): World {
  return saveInstanceHost(afterSpawn(), 'host2', EVACUEE).world;
}

export function afterMigrationDone(): World {
  const dropped = dropMigrationContext(afterHostSaved(), EVACUEE).world;
  return setMigrationStatus(dropped, EVACUATION_MIGRATION_ID, 'done').world;
}
