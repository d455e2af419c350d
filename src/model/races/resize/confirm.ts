/**
 * Confirming a cold migration (bug #1879878, confirm half): the API marks
 * the migration `confirming` and casts `confirm_resize` to the source,
 * host1. The buggy code (the parent of a57800d382) saves `confirmed` and
 * only then calls the locked `drop_move_claim` with the old flavor; the fix
 * does the status save, the drop and `drop_migration_context` in
 * `drop_move_claim_at_source`, under the lock. `winDelay` is slept right
 * after the status save in both, so under the lock in the fixed code.
 */
import { setMigrationStatus, dropMigrationContext } from '../../compute';
import { acquire, type Env, release, RPC_CAST_MS, sleepStep, step } from '../../actors/ops';
import type { ActorContext, Effect, Program } from '../../engine/types';
import { NO_FOOTPRINT, res, touches } from '../../footprint';
import { dropMoveClaim } from '../../usage';
import { instanceOf, migrationOf } from '../../world';
import { deleteStashedFlavors, markActive } from './manager';
import { MIGRATION_ID, RESIZE_SOURCE, SERVER } from './world';

const HOST = RESIZE_SOURCE;
const INSTANCE = res.instance(SERVER);
const MIGRATION = res.migration(MIGRATION_ID);

const FOOTPRINT = {
  migration: touches({ writes: [MIGRATION] }),
  drop: touches({ reads: [INSTANCE, MIGRATION], writes: [res.tracker(HOST), res.computeNode(HOST)] }),
  instance: touches({ writes: [INSTANCE] }),
} as const;

export function* confirmResize(env: Env, _ctx: ActorContext): Program {
  const { dbLatency: db, winDelay, fix } = env.scenario;
  const lane = 'confirm-resize';
  yield step({
    lane: 'api', host: null, name: "API.confirm_resize: migration 'confirming'", nova: 'api-confirm-resize', duration: db,
    footprint: FOOTPRINT.migration,
    apply: (w) => setMigrationStatus(w, MIGRATION_ID, 'confirming'),
  });
  yield step({
    lane: 'api', host: null, name: 'cast confirm_resize to host1', nova: 'api-confirm-resize', duration: RPC_CAST_MS, footprint: NO_FOOTPRINT,
    apply: (w): Effect => ({ world: w, label: () => `the API casts confirm_resize to ${HOST}, the source` }),
  });
  const lock = env.lockFor(HOST);
  const atSource = fix ? 'drop-move-claim-at-source' : undefined;
  if (fix) yield acquire(lock, lane, HOST);
  yield step({
    lane, host: HOST, name: "migration.status = 'confirmed'", nova: atSource ?? 'confirm-status-buggy', kind: 'migration-status',
    duration: db, footprint: FOOTPRINT.migration,
    apply: (w) => setMigrationStatus(w, MIGRATION_ID, 'confirmed'),
  });
  if (winDelay > 0) yield sleepStep(lane, HOST, winDelay, 'win-sleep', fix ? '_drop_move_claim (under the lock)' : 'drop_move_claim');
  if (!fix) yield acquire(lock, lane, HOST);
  yield step({
    lane, host: HOST, name: fix ? '_drop_move_claim (old_flavor)' : 'drop_move_claim (old_flavor)', nova: atSource ?? 'drop-move-claim',
    kind: 'claim-dropped', duration: db, footprint: FOOTPRINT.drop,
    apply: (w) => dropMoveClaim(w, HOST, SERVER, instanceOf(w, SERVER).oldFlavor, 'old', migrationOf(w, MIGRATION_ID)),
  });
  if (!fix) yield release(lock);
  yield step({
    lane, host: HOST, name: 'drop_migration_context', nova: atSource ?? 'drop-migration-context', duration: db, footprint: FOOTPRINT.instance,
    apply: (w) => dropMigrationContext(w, SERVER),
  });
  if (fix) yield release(lock);
  yield step({
    lane, host: HOST, name: 'instance.save (vm_state active)', nova: 'confirm-resize', duration: db, footprint: FOOTPRINT.instance,
    apply: (w) => markActive(w, SERVER),
  });
  yield step({
    lane, host: HOST, name: '_delete_stashed_flavor_info', nova: 'delete-stashed-flavor', duration: db, footprint: FOOTPRINT.instance,
    apply: (w) => deleteStashedFlavors(w, SERVER),
  });
}
