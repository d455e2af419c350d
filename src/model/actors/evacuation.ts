/**
 * The evacuation: the API and conductor, then `rebuild_instance` on host2.
 * The buggy code sets the host, drops the migration context and marks the
 * migration done without the tracker's lock; the fix does it all in
 * `ResourceTracker.finish_evacuation`, under the lock.
 *
 * With two evacuees the user (or `nova host-evacuate`, which loops over the
 * host's servers) calls the evacuate API once per server, one after the
 * other: the second call starts when the first has returned, so its
 * migration row comes second and its cast reaches host2 one API call
 * (`dbLatency`) after the first. On host2 the two `rebuild_instance` calls
 * run in their own green threads; nothing but `COMPUTE_RESOURCE_SEMAPHORE`
 * orders them.
 */
import {
  apiEvacuate,
  bindPortForMove,
  dropMigrationContext,
  saveInstanceHost,
  setMigrationStatus,
  spawnEvacuatedGuest,
} from '../compute';
import type { ActorContext, Effect, Footprint, Program } from '../engine/types';
import { NO_FOOTPRINT, res, touches } from '../footprint';
import { rebuildClaim } from '../resource-tracker';
import { DEST_HOST, type Evacuee, EVACUEES, migrationOf } from '../world';
import { acquire, type Env, PORT_UPDATE_MS, release, sleepStep, step, waitUntil } from './ops';

const DEST = DEST_HOST;

function footprintsOf(evacuee: Evacuee) {
  const instance = res.instance(evacuee.uuid);
  const migration = res.migration(evacuee.migrationId);
  return {
    evacuate: touches({ writes: [instance, migration] }),
    claim: touches({ writes: [instance, migration, res.tracker(DEST), res.pciRows(DEST)] }),
    bindPort: touches({ reads: [instance], writes: [res.port(evacuee.port)] }),
    rebuild: touches({ writes: [instance, res.guest(DEST, evacuee.uuid)] }),
    hostSave: touches({ writes: [instance, res.instanceHost(evacuee.uuid)] }),
    instance: touches({ writes: [instance] }),
    migration: touches({ writes: [migration] }),
  } as const;
}

/** One shared object per footprint and evacuee, so the explorer compiles each once. */
const FOOTPRINTS = EVACUEES.map(footprintsOf);

/** The first evacuate call has returned: its migration row exists (what the second call waits for). */
const FIRST_CALL_RETURNED: { holds: (w: Parameters<typeof migrationOf>[0]) => boolean; footprint: Footprint } = {
  holds: (w) => w.db.migrations[EVACUEES[0].migrationId] !== undefined,
  footprint: touches({ reads: [res.migration(EVACUEES[0].migrationId)] }),
};

/** The evacuation of `EVACUEES[index]` (0: `inst-A`, 1: `inst-C`). */
export function* evacuation(env: Env, ctx: ActorContext, index: 0 | 1 = 0): Program {
  const { dbLatency, claimAt, spawn, dropDelay, fix } = env.scenario;
  const evacuee = EVACUEES[index];
  const { uuid, migrationId, lane } = evacuee;
  const FOOTPRINT = FOOTPRINTS[index]!;
  // The first call's API steps are on the API lane; the second's on its own, so the two calls never overlap on one row.
  const apiLane = index === 0 ? 'api' : lane;
  if (index > 0) yield waitUntil(FIRST_CALL_RETURNED.holds, FIRST_CALL_RETURNED.footprint);
  yield step({
    lane: apiLane, host: null, name: 'evacuate', nova: 'compute-api-evacuate', duration: dbLatency, footprint: FOOTPRINT.evacuate,
    apply: (w) => apiEvacuate(w, uuid, migrationId),
  });
  // The second call's cast reaches host2 as long after its API call as the first's did after the first.
  const claimRequestAt = claimAt + index * dbLatency;
  yield step({
    lane: apiLane, host: null, name: 'rebuild_instance (conductor)', nova: 'conductor-rebuild', footprint: NO_FOOTPRINT,
    duration: Math.max(0, claimRequestAt - ctx.now),
    apply: (w): Effect => ({ world: w, label: () => `the conductor schedules host2 and casts rebuild_instance${index > 0 ? ` of ${uuid}` : ''} to it` }),
  });

  const lock = env.lockFor(DEST);
  yield acquire(lock, lane, DEST);
  yield step({
    lane, host: DEST, name: 'rebuild_claim', nova: 'rebuild-claim', kind: 'claim', duration: dbLatency,
    footprint: FOOTPRINT.claim,
    apply: (w) => rebuildClaim(w, DEST, migrationId),
  });
  yield release(lock);
  if (migrationOf(ctx.world, migrationId).status === 'failed') return;

  yield step({
    lane, host: DEST, name: 'setup_instance_network_on_host', nova: 'setup-instance-network', duration: PORT_UPDATE_MS, instant: true,
    footprint: FOOTPRINT.bindPort,
    apply: (w) => bindPortForMove(w, DEST, uuid, evacuee.port),
  });
  yield step({
    lane, host: DEST, name: 'driver.rebuild', nova: 'spawn', duration: spawn, footprint: FOOTPRINT.rebuild,
    apply: (w) => spawnEvacuatedGuest(w, DEST, uuid),
  });
  if (fix) yield acquire(lock, lane, DEST);
  const finish = fix ? 'finish-evacuation' : undefined;
  yield step({
    lane, host: DEST, name: 'instance.save (host=host2)', nova: finish ?? 'rebuild-finish-buggy',
    kind: 'host-saved', duration: dbLatency, footprint: FOOTPRINT.hostSave,
    apply: (w) => saveInstanceHost(w, DEST, uuid),
  });
  if (dropDelay > 0) yield sleepStep(lane, DEST, dropDelay, 'drop-sleep', 'drop_migration_context');
  yield step({
    lane, host: DEST, name: 'drop_migration_context', nova: finish ?? 'drop-migration-context',
    kind: 'context-dropped', duration: dbLatency, footprint: FOOTPRINT.instance,
    apply: (w) => dropMigrationContext(w, uuid),
  });
  yield step({
    lane, host: DEST, name: "migration.status = 'done'", nova: finish ?? 'migration-done',
    kind: 'migration-done', duration: dbLatency, footprint: FOOTPRINT.migration,
    apply: (w) => setMigrationStatus(w, migrationId, 'done'),
  });
  if (fix) yield release(lock);
}
