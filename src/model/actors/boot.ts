/**
 * An optional new server booted on host2 that asks for a physnet2 VF: when
 * the race freed the evacuee's VF, the tracker hands that same VF out again,
 * and Neutron binds the new server's port to it as well.
 */
import { apiCreateServer, bindPortForBoot, spawnNewGuest } from '../compute';
import type { ActorContext, Effect, Program } from '../engine/types';
import { NO_FOOTPRINT, res, touches } from '../footprint';
import { instanceClaim } from '../resource-tracker';
import { DEST_HOST, instanceOf, NEW_SERVER, NEW_SERVER_NAME, NEW_SERVER_PORT, SRIOV_PHYSNET } from '../world';
import { acquire, BOOT_SCHEDULING_MS, type Env, PORT_UPDATE_MS, release, step } from './ops';

const HOST = DEST_HOST;
const INSTANCE = res.instance(NEW_SERVER);
const PORT = res.port(NEW_SERVER_PORT);

const FOOTPRINT = {
  // The new row has no host yet: a query by host cannot see it, so creating it does not write `instance-host:`.
  create: touches({ writes: [INSTANCE, PORT] }),
  claim: touches({ writes: [INSTANCE, res.instanceHost(NEW_SERVER), res.tracker(HOST), res.pciRows(HOST)] }),
  bindPort: touches({ reads: [INSTANCE], writes: [PORT] }),
  spawn: touches({ writes: [INSTANCE, res.guest(HOST, NEW_SERVER)] }),
} as const;

export function* bootNewServer(env: Env, ctx: ActorContext): Program {
  const { dbLatency, spawn } = env.scenario;
  yield step({
    lane: 'boot', host: null, name: 'create server', nova: 'compute-api-create', duration: dbLatency, footprint: FOOTPRINT.create,
    apply: (w) => apiCreateServer(w, NEW_SERVER, NEW_SERVER_NAME, SRIOV_PHYSNET, NEW_SERVER_PORT),
  });
  yield step({
    lane: 'boot', host: null, name: 'schedule', nova: 'conductor-rebuild', duration: BOOT_SCHEDULING_MS, footprint: NO_FOOTPRINT,
    apply: (w): Effect => ({ world: w, label: () => `the scheduler places ${NEW_SERVER} on ${HOST}` }),
  });
  const lock = env.lockFor(HOST);
  yield acquire(lock, 'boot', HOST);
  yield step({
    lane: 'boot', host: HOST, name: 'instance_claim', nova: 'instance-claim', duration: dbLatency, footprint: FOOTPRINT.claim,
    apply: (w) => instanceClaim(w, HOST, NEW_SERVER),
  });
  yield release(lock);
  if (instanceOf(ctx.world, NEW_SERVER).vmState === 'error') return;
  yield step({
    lane: 'boot', host: HOST, name: 'allocate_for_instance', nova: 'allocate-for-instance', duration: PORT_UPDATE_MS, instant: true,
    footprint: FOOTPRINT.bindPort,
    apply: (w) => bindPortForBoot(w, HOST, NEW_SERVER, NEW_SERVER_PORT),
  });
  yield step({
    lane: 'boot', host: HOST, name: 'driver.spawn', nova: 'build-spawn', duration: spawn, footprint: FOOTPRINT.spawn,
    apply: (w) => spawnNewGuest(w, HOST, NEW_SERVER),
  });
}
