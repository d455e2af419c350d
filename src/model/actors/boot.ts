/**
 * An optional new server booted on host2 that asks for a physnet2 VF: when
 * the race freed the evacuee's VF, the tracker hands that same VF out again.
 */
import { apiCreateServer, spawnNewGuest } from '../compute';
import type { ActorContext, Program } from '../engine';
import { instanceClaim } from '../resource-tracker';
import { instanceOf, NEW_SERVER, NEW_SERVER_NAME, SRIOV_PHYSNET } from '../world';
import { acquire, BOOT_SCHEDULING_MS, type Env, release, step } from './ops';

const HOST = 'host2';

export function* bootNewServer(env: Env, ctx: ActorContext): Program {
  const { dbLatency, spawn } = env.scenario;
  yield step({
    lane: 'boot', host: null, name: 'create server', nova: 'compute-api-create', duration: dbLatency,
    apply: (w) => apiCreateServer(w, NEW_SERVER, NEW_SERVER_NAME, SRIOV_PHYSNET),
  });
  yield step({
    lane: 'boot', host: null, name: 'schedule', nova: 'conductor-rebuild', duration: BOOT_SCHEDULING_MS,
    apply: (w) => ({ world: w, label: `the scheduler places ${NEW_SERVER} on ${HOST}` }),
  });
  const lock = env.lockFor(HOST);
  yield acquire(lock, 'boot', HOST);
  yield step({
    lane: 'boot', host: HOST, name: 'instance_claim', nova: 'instance-claim', duration: dbLatency,
    apply: (w) => instanceClaim(w, HOST, NEW_SERVER),
  });
  yield release(lock);
  if (instanceOf(ctx.world, NEW_SERVER).vmState === 'error') return;
  yield step({
    lane: 'boot', host: HOST, name: 'driver.spawn', nova: 'build-spawn', duration: spawn,
    apply: (w) => spawnNewGuest(w, HOST, NEW_SERVER),
  });
}
