/**
 * host1's nova-compute comes back: `init_host` destroys the guests that were
 * evacuated away and completes their migrations, then the tracker runs its
 * startup `update_available_resource`, which frees the source allocation.
 * In production the periodic timer then keeps running on host1.
 */
import { destroyGuest, setMigrationStatus, startComputeService } from '../compute';
import { evacuationsFrom } from '../database';
import type { ActorContext, Program } from '../engine/types';
import { res, touches } from '../footprint';
import { hostOf, SOURCE_HOST } from '../world';
import { CPU_STEP_MS, type Env, step } from './ops';
import { periodicTimer, updateAvailableResource } from './periodic';

const HOST = SOURCE_HOST;

const FOOTPRINT = {
  start: touches({ reads: [res.pciRows(HOST)], writes: [res.service(HOST), res.tracker(HOST)] }),
  // The program then looks at each listed migration and at the hypervisor's guests.
  listEvacuations: touches({ reads: [res.migrations, res.hypervisor(HOST)] }),
  destroy: touches({ writes: [res.hypervisor(HOST)] }),
} as const;

export function* restartHost1(env: Env, ctx: ActorContext): Program {
  const { dbLatency, preset, period } = env.scenario;
  yield step({
    lane: 'host1-restart', host: HOST, name: 'nova-compute start', nova: 'init-host', duration: dbLatency, footprint: FOOTPRINT.start,
    apply: (w) => startComputeService(w, HOST),
  });
  let evacuated: { id: number; instanceUuid: string }[] = [];
  yield step({
    lane: 'host1-restart', host: HOST, name: 'MigrationList.get_by_filters', nova: 'destroy-evacuated', duration: dbLatency,
    footprint: FOOTPRINT.listEvacuations,
    apply: (w) => {
      const found = evacuationsFrom(w, HOST);
      evacuated = found.map((m) => ({ id: m.id, instanceUuid: m.instanceUuid }));
      const listed = (): string => found.map((m) => `${m.id} (${m.instanceUuid}, ${m.status})`).join(', ') || 'none';
      return {
        world: w,
        label: () => `_destroy_evacuated_instances finds evacuations from ${HOST}: ${listed()}`,
        read: () => `evacuations from ${HOST}: ${listed()}`,
      };
    },
  });
  for (const { id, instanceUuid } of evacuated) {
    if (instanceUuid in hostOf(ctx.world, HOST).guests) {
      yield step({
        lane: 'host1-restart', host: HOST, name: 'driver.destroy', nova: 'destroy-evacuated', duration: CPU_STEP_MS,
        footprint: FOOTPRINT.destroy,
        apply: (w) => destroyGuest(w, HOST, instanceUuid),
      });
    }
    yield step({
      lane: 'host1-restart', host: HOST, name: "migration.status = 'completed'", nova: 'destroy-evacuated', duration: dbLatency,
      // The loop then checks the next migration's guest on the hypervisor.
      footprint: touches({ reads: [res.hypervisor(HOST)], writes: [res.migration(id)] }),
      apply: (w) => setMigrationStatus(w, id, 'completed'),
    });
  }
  yield* updateAvailableResource(env, HOST, 1);
  if (preset === 'production') yield* periodicTimer(env, ctx, HOST, ctx.now + period, 2);
}
