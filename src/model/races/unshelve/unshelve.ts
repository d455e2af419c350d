/**
 * Unshelving an offloaded server (bug #2025480): the API marks it
 * UNSHELVING, the conductor schedules it on compute1 and casts
 * `unshelve_instance`, and `_unshelve_instance` saves task_state SPAWNING
 * (host still unset), runs the locked `instance_claim` (host, node, usage,
 * tracking, saved), the driver's `spawn` (`spawn` ms), then saves
 * vm_state ACTIVE. Buggy and fixed code run the same steps: what differs is
 * whether the periodic counts a SHELVED_OFFLOADED + SPAWNING instance
 * (`removableFor` in `harness.ts`).
 */
import { acquire, BOOT_SCHEDULING_MS, type Env, release, step } from '../../actors/ops';
import type { ActorContext, Effect, Program } from '../../engine/types';
import { NO_FOOTPRINT, res, touches } from '../../footprint';
import type { InstanceRow, World } from '../../types';
import { instanceClaimUsage } from '../../usage';
import { hostOf, instanceOf, putInstance, updateHost } from '../../world';
import { COMPUTE, SERVER } from './world';

const INSTANCE = res.instance(SERVER);

const FOOTPRINT = {
  instance: touches({ writes: [INSTANCE] }),
  claim: touches({ writes: [INSTANCE, res.instanceHost(SERVER), res.tracker(COMPUTE), res.computeNode(COMPUTE)] }),
  spawn: touches({ writes: [res.guest(COMPUTE, SERVER)] }),
} as const;

function save(w: World, patch: Partial<InstanceRow>): World {
  return putInstance(w, { ...instanceOf(w, SERVER), ...patch });
}

export function* unshelve(env: Env, _ctx: ActorContext): Program {
  const { dbLatency: db, spawn } = env.scenario;
  const lane = 'unshelve';
  yield step({
    lane: 'api', host: null, name: 'API.unshelve: task_state unshelving', nova: 'api-unshelve', duration: db, footprint: FOOTPRINT.instance,
    apply: (w): Effect => ({ world: save(w, { taskState: 'unshelving' }), label: () => `API accepts the unshelve of ${SERVER}: task_state unshelving` }),
  });
  yield step({
    lane: 'api', host: null, name: 'unshelve_instance (conductor)', nova: 'conductor-unshelve', duration: BOOT_SCHEDULING_MS, footprint: NO_FOOTPRINT,
    apply: (w): Effect => ({ world: w, label: () => `the conductor schedules ${SERVER} on ${COMPUTE} and casts unshelve_instance to it` }),
  });
  yield step({
    lane, host: COMPUTE, name: 'instance.save (task_state spawning)', nova: 'unshelve-instance', duration: db, footprint: FOOTPRINT.instance,
    apply: (w): Effect => ({ world: save(w, { taskState: 'spawning' }), label: () => `${SERVER}: task_state spawning, saved (host still None)` }),
  });
  const lock = env.lockFor(COMPUTE);
  yield acquire(lock, lane, COMPUTE);
  yield step({
    lane, host: COMPUTE, name: 'instance_claim', nova: 'unshelve-instance-claim', kind: 'claim', duration: db, footprint: FOOTPRINT.claim,
    apply: (w) => instanceClaimUsage(w, COMPUTE, SERVER),
  });
  yield release(lock);
  yield step({
    lane, host: COMPUTE, name: 'driver.spawn', nova: 'unshelve-spawn', duration: spawn, footprint: FOOTPRINT.spawn,
    apply: (w): Effect => ({
      world: updateHost(w, COMPUTE, { guests: { ...hostOf(w, COMPUTE).guests, [SERVER]: { uuid: SERVER, pciDevices: [] } } }),
      label: () => `the driver spawns ${SERVER} on ${COMPUTE} (vm_state still shelved_offloaded)`,
    }),
  });
  yield step({
    lane, host: COMPUTE, name: 'instance.save (vm_state active)', nova: 'unshelve-instance', duration: db, footprint: FOOTPRINT.instance,
    apply: (w): Effect => ({
      world: save(w, { vmState: 'active', taskState: null }),
      label: () => `_update_instance_after_spawn: ${SERVER} vm_state active, task_state None, saved; the unshelve is over`,
      facts: [{ type: 'operation-finished', uuid: SERVER }],
    }),
  });
}
