/**
 * Reverting a cold migration (bug #1879878, revert half), both halves: the
 * API marks the instance RESIZE_REVERTING and the migration `reverting` and
 * casts `revert_resize` to the destination, host2, which destroys the guest,
 * marks the migration `reverted` and drops its claim, then casts
 * `finish_revert_resize` back to the source, host1, which saves host=host1.
 *
 * The buggy code (the parent of dc9c7a5ebf) saves `reverted`, reverts the
 * migration context and saves the instance, and only then calls the locked
 * `drop_move_claim` without a flavor (so it subtracts only for a tracked
 * migration). The fix, `drop_move_claim_at_dest`, does the status save, the
 * drop with `new_flavor` and the context revert under the lock. `winDelay`
 * is slept right after the status save in both.
 */
import { setMigrationStatus, dropMigrationContext } from '../../compute';
import { acquire, CPU_STEP_MS, type Env, release, RPC_CAST_MS, sleepStep, step } from '../../actors/ops';
import type { ActorContext, Effect, Program } from '../../engine/types';
import { NO_FOOTPRINT, res, touches } from '../../footprint';
import { dropMoveClaim } from '../../usage';
import { instanceOf, migrationOf } from '../../world';
import {
  apiRevertResize,
  deleteStashedFlavors,
  destroyGuestOnDest,
  markActive,
  revertFlavorHostNode,
  revertMigrationContext,
  startGuestOnSource,
} from './manager';
import { MIGRATION_ID, RESIZE_DEST, RESIZE_SOURCE, SERVER } from './world';

const DEST = RESIZE_DEST;
const SOURCE = RESIZE_SOURCE;
const INSTANCE = res.instance(SERVER);
const MIGRATION = res.migration(MIGRATION_ID);

const FOOTPRINT = {
  migration: touches({ writes: [MIGRATION] }),
  instance: touches({ writes: [INSTANCE] }),
  hostSave: touches({ reads: [MIGRATION], writes: [INSTANCE, res.instanceHost(SERVER)] }),
  drop: touches({ reads: [INSTANCE, MIGRATION], writes: [res.tracker(DEST), res.computeNode(DEST)] }),
  destroy: touches({ writes: [res.guest(DEST, SERVER)] }),
  start: touches({ writes: [res.guest(SOURCE, SERVER)] }),
} as const;

/** `revert_resize` on host2, buggy or fixed. */
function* revertAtDest(env: Env): Program {
  const { dbLatency: db, winDelay, fix } = env.scenario;
  const lane = 'revert-resize';
  const lock = env.lockFor(DEST);
  const atDest = fix ? 'drop-move-claim-at-dest' : undefined;
  yield step({
    lane, host: DEST, name: 'driver.destroy', nova: 'revert-resize', duration: CPU_STEP_MS, footprint: FOOTPRINT.destroy,
    apply: (w) => destroyGuestOnDest(w, DEST, SERVER),
  });
  if (fix) yield acquire(lock, lane, DEST);
  yield step({
    lane, host: DEST, name: "migration.status = 'reverted'", nova: atDest ?? 'revert-status-buggy', kind: 'migration-status',
    duration: db, footprint: FOOTPRINT.migration,
    apply: (w) => setMigrationStatus(w, MIGRATION_ID, 'reverted'),
  });
  if (winDelay > 0) yield sleepStep(lane, DEST, winDelay, 'win-sleep', fix ? '_drop_move_claim (under the lock)' : 'drop_move_claim');
  const revertContext = step({
    lane, host: DEST, name: 'revert_migration_context + instance.save', nova: atDest ?? 'revert-status-buggy', duration: db,
    footprint: FOOTPRINT.instance,
    apply: (w) => revertMigrationContext(w, SERVER),
  });
  if (!fix) {
    yield revertContext;
    yield acquire(lock, lane, DEST);
  }
  yield step({
    lane, host: DEST, name: fix ? '_drop_move_claim (new_flavor)' : 'drop_move_claim (no flavor)', nova: atDest ?? 'drop-move-claim',
    kind: 'claim-dropped', duration: db, footprint: FOOTPRINT.drop,
    apply: (w) => dropMoveClaim(w, DEST, SERVER, fix ? instanceOf(w, SERVER).newFlavor : null, 'new', migrationOf(w, MIGRATION_ID)),
  });
  if (fix) yield revertContext;
  yield release(lock);
  yield step({
    lane, host: DEST, name: 'cast finish_revert_resize to host1', nova: 'revert-resize', duration: RPC_CAST_MS, footprint: NO_FOOTPRINT,
    apply: (w): Effect => ({ world: w, label: () => `${DEST} casts finish_revert_resize back to ${SOURCE}, the source` }),
  });
}

/** `finish_revert_resize` on host1: the same in both codes. */
function* finishRevertAtSource(env: Env): Program {
  const db = env.scenario.dbLatency;
  const lane = 'finish-revert-resize';
  yield step({
    lane, host: SOURCE, name: 'instance.save (host=host1)', nova: 'finish-revert-resize', kind: 'host-saved', duration: db,
    footprint: FOOTPRINT.hostSave,
    apply: (w) => revertFlavorHostNode(w, SOURCE, SERVER, MIGRATION_ID),
  });
  yield step({
    lane, host: SOURCE, name: 'driver.finish_revert_migration', nova: 'finish-revert-resize', duration: CPU_STEP_MS, footprint: FOOTPRINT.start,
    apply: (w) => startGuestOnSource(w, SOURCE, SERVER),
  });
  yield step({
    lane, host: SOURCE, name: 'drop_migration_context', nova: 'finish-revert-resize', duration: db, footprint: FOOTPRINT.instance,
    apply: (w) => dropMigrationContext(w, SERVER),
  });
  yield step({
    lane, host: SOURCE, name: 'instance.save (vm_state active)', nova: 'finish-revert-resize', duration: db, footprint: FOOTPRINT.instance,
    apply: (w) => markActive(w, SERVER),
  });
  yield step({
    lane, host: SOURCE, name: '_delete_stashed_flavor_info', nova: 'delete-stashed-flavor', duration: db, footprint: FOOTPRINT.instance,
    apply: (w) => deleteStashedFlavors(w, SERVER),
  });
}

export function* revertResize(env: Env, _ctx: ActorContext): Program {
  const db = env.scenario.dbLatency;
  yield step({
    lane: 'api', host: null, name: 'API.revert_resize: task_state resize_reverting', nova: 'api-revert-resize', duration: db,
    footprint: FOOTPRINT.instance,
    apply: (w) => apiRevertResize(w, SERVER),
  });
  yield step({
    lane: 'api', host: null, name: "API.revert_resize: migration 'reverting'", nova: 'api-revert-resize', duration: db,
    footprint: FOOTPRINT.migration,
    apply: (w) => setMigrationStatus(w, MIGRATION_ID, 'reverting'),
  });
  yield step({
    lane: 'api', host: null, name: 'cast revert_resize to host2', nova: 'api-revert-resize', duration: RPC_CAST_MS, footprint: NO_FOOTPRINT,
    apply: (w): Effect => ({ world: w, label: () => `the API casts revert_resize to ${DEST}, the destination` }),
  });
  yield* revertAtDest(env);
  yield* finishRevertAtSource(env);
}
