/**
 * The evacuation: the API and conductor, then `rebuild_instance` on host2.
 * The buggy code sets the host, drops the migration context and marks the
 * migration done without the tracker's lock; the fix does it all in
 * `ResourceTracker.finish_evacuation`, under the lock.
 */
import {
  apiEvacuate,
  bindPortForMove,
  dropMigrationContext,
  saveInstanceHost,
  setMigrationStatus,
  spawnEvacuatedGuest,
} from '../compute';
import type { ActorContext, Effect, Program } from '../engine/types';
import { NO_FOOTPRINT, res, touches } from '../footprint';
import { rebuildClaim } from '../resource-tracker';
import { DEST_HOST, EVACUATION_MIGRATION_ID, EVACUEE, EVACUEE_PORT, migrationOf } from '../world';
import { acquire, type Env, PORT_UPDATE_MS, release, sleepStep, step } from './ops';

const DEST = DEST_HOST;
const INSTANCE = res.instance(EVACUEE);
const MIGRATION = res.migration(EVACUATION_MIGRATION_ID);

const FOOTPRINT = {
  evacuate: touches({ writes: [INSTANCE, MIGRATION] }),
  claim: touches({ writes: [INSTANCE, MIGRATION, res.tracker(DEST), res.pciRows(DEST)] }),
  bindPort: touches({ reads: [INSTANCE], writes: [res.port(EVACUEE_PORT)] }),
  rebuild: touches({ writes: [INSTANCE, res.hypervisor(DEST)] }),
  hostSave: touches({ writes: [INSTANCE, res.instanceHost(EVACUEE)] }),
  instance: touches({ writes: [INSTANCE] }),
  migration: touches({ writes: [MIGRATION] }),
} as const;

export function* evacuation(env: Env, ctx: ActorContext): Program {
  const { dbLatency, claimAt, spawn, dropDelay, fix } = env.scenario;
  yield step({
    lane: 'api', host: null, name: 'evacuate', nova: 'compute-api-evacuate', duration: dbLatency, footprint: FOOTPRINT.evacuate,
    apply: (w) => apiEvacuate(w, EVACUEE, EVACUATION_MIGRATION_ID),
  });
  yield step({
    lane: 'api', host: null, name: 'rebuild_instance (conductor)', nova: 'conductor-rebuild', footprint: NO_FOOTPRINT,
    duration: Math.max(0, claimAt - ctx.now),
    apply: (w): Effect => ({ world: w, label: () => 'the conductor schedules host2 and casts rebuild_instance to it' }),
  });

  const lock = env.lockFor(DEST);
  yield acquire(lock, 'evacuation', DEST);
  yield step({
    lane: 'evacuation', host: DEST, name: 'rebuild_claim', nova: 'rebuild-claim', kind: 'claim', duration: dbLatency,
    footprint: FOOTPRINT.claim,
    apply: (w) => rebuildClaim(w, DEST, EVACUATION_MIGRATION_ID),
  });
  yield release(lock);
  if (migrationOf(ctx.world, EVACUATION_MIGRATION_ID).status === 'failed') return;

  yield step({
    lane: 'evacuation', host: DEST, name: 'setup_instance_network_on_host', nova: 'setup-instance-network', duration: PORT_UPDATE_MS, instant: true,
    footprint: FOOTPRINT.bindPort,
    apply: (w) => bindPortForMove(w, DEST, EVACUEE, EVACUEE_PORT),
  });
  yield step({
    lane: 'evacuation', host: DEST, name: 'driver.rebuild', nova: 'spawn', duration: spawn, footprint: FOOTPRINT.rebuild,
    apply: (w) => spawnEvacuatedGuest(w, DEST, EVACUEE),
  });
  if (fix) yield acquire(lock, 'evacuation', DEST);
  const finish = fix ? 'finish-evacuation' : undefined;
  yield step({
    lane: 'evacuation', host: DEST, name: 'instance.save (host=host2)', nova: finish ?? 'rebuild-finish-buggy',
    kind: 'host-saved', duration: dbLatency, footprint: FOOTPRINT.hostSave,
    apply: (w) => saveInstanceHost(w, DEST, EVACUEE),
  });
  if (dropDelay > 0) yield sleepStep('evacuation', DEST, dropDelay, 'drop-sleep', 'drop_migration_context');
  yield step({
    lane: 'evacuation', host: DEST, name: 'drop_migration_context', nova: finish ?? 'drop-migration-context',
    kind: 'context-dropped', duration: dbLatency, footprint: FOOTPRINT.instance,
    apply: (w) => dropMigrationContext(w, EVACUEE),
  });
  yield step({
    lane: 'evacuation', host: DEST, name: "migration.status = 'done'", nova: finish ?? 'migration-done',
    kind: 'migration-done', duration: dbLatency, footprint: FOOTPRINT.migration,
    apply: (w) => setMigrationStatus(w, EVACUATION_MIGRATION_ID, 'done'),
  });
  if (fix) yield release(lock);
}
