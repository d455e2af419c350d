/**
 * host1's nova-compute comes back: `init_host` destroys the guests that were
 * evacuated away and completes their migrations, then the tracker runs its
 * startup `update_available_resource`, which frees the source allocation.
 * In production the periodic timer then keeps running on host1.
 */
import { destroyGuest, setMigrationStatus, startComputeService } from '../compute';
import { evacuationsFrom } from '../database';
import type { ActorContext, Program } from '../engine';
import { CPU_STEP_MS, type Env, step } from './ops';
import { periodicTimer, updateAvailableResource } from './periodic';

const HOST = 'host1';

export function* restartHost1(env: Env, ctx: ActorContext): Program {
  const { dbLatency, preset, period } = env.scenario;
  yield step({
    lane: 'host1-restart', host: HOST, name: 'nova-compute start', nova: 'init-host', duration: dbLatency,
    apply: (w) => startComputeService(w, HOST),
  });
  let evacuated: number[] = [];
  yield step({
    lane: 'host1-restart', host: HOST, name: 'MigrationList.get_by_filters', nova: 'destroy-evacuated', duration: dbLatency,
    apply: (w) => {
      const found = evacuationsFrom(w, HOST);
      evacuated = found.map((m) => m.id);
      const listed = found.map((m) => `${m.id} (${m.instanceUuid}, ${m.status})`).join(', ') || 'none';
      return { world: w, label: `_destroy_evacuated_instances finds evacuations from ${HOST}: ${listed}`, read: `evacuations from ${HOST}: ${listed}` };
    },
  });
  for (const id of evacuated) {
    const uuid = ctx.world.db.migrations[id]?.instanceUuid;
    if (uuid !== undefined && uuid in ctx.world.hosts[HOST].guests) {
      yield step({
        lane: 'host1-restart', host: HOST, name: 'driver.destroy', nova: 'destroy-evacuated', duration: CPU_STEP_MS,
        apply: (w) => destroyGuest(w, HOST, uuid),
      });
    }
    yield step({
      lane: 'host1-restart', host: HOST, name: "migration.status = 'completed'", nova: 'destroy-evacuated', duration: dbLatency,
      apply: (w) => setMigrationStatus(w, id, 'completed'),
    });
  }
  yield* updateAvailableResource(env, HOST, 1);
  if (preset === 'production') yield* periodicTimer(env, ctx, HOST, ctx.now + period, 2);
}
