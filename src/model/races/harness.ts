/**
 * How the usage races' threads run: Nova's functional-test harness, one
 * process whose trackers share one `compute_resources` lock, and a test
 * thread that calls `_run_periodics()` at `periodicAt` and, for every later
 * call, first waits for the operation to finish (as the Nova tests' last
 * `_run_periodics()` comes after the server reached its end state).
 */
import { type Env, idleUntil, waitUntil } from '../actors/ops';
import { mayRunPeriodic, runPeriodicsOnce } from '../actors/periodic';
import type { ActorContext, ActorSpec, Footprint, Program } from '../engine/types';
import type { Scenario } from '../scenario';
import type { HostName, InstanceRow, World } from '../types';
import { allowResourceRemoval, inAllowResourceRemoval } from '../usage';

/** The one lock of the functional-test harness. */
export const SHARED_LOCK = 'compute_resources';

/** The environment of a usage race: one lock, no injected periodic sleep, usage counted. */
export function usageEnv(scenario: Scenario, removable: (row: InstanceRow) => boolean = inAllowResourceRemoval): Env {
  return { scenario, lockFor: () => SHARED_LOCK, migrationListSleep: 0, removable, countsUsage: true };
}

/** `ALLOW_RESOURCE_REMOVAL`, or #2025480's fixed predicate when that race runs its fix. */
export function removableFor(scenario: Scenario): (row: InstanceRow) => boolean {
  return scenario.race === '2025480' && scenario.fix ? allowResourceRemoval : inAllowResourceRemoval;
}

/** When the racing operation has finished, as the test sees it, and what that check reads. */
export interface FinishedCondition {
  readonly holds: (world: World) => boolean;
  readonly footprint: Footprint;
}

/** The test method's thread: `_run_periodics()` at `periodicAt`, then once more per extra run after the operation finished. */
export function* usageTestThread(env: Env, ctx: ActorContext, hosts: readonly HostName[], finished: FinishedCondition): Program {
  const { periodicAt, periodicRuns } = env.scenario;
  yield idleUntil(periodicAt);
  for (let run = 1; run <= periodicRuns; run++) {
    if (!mayRunPeriodic(ctx, run)) return;
    if (run > 1) yield waitUntil(finished.holds, finished.footprint);
    yield* runPeriodicsOnce(env, hosts, run);
  }
}

/** The operation's thread first, then the test thread: the tie-break order. */
export function usageActors(
  env: Env,
  hosts: readonly HostName[],
  operation: (env: Env, ctx: ActorContext) => Program,
  finished: FinishedCondition,
): ActorSpec[] {
  return [
    { id: 'operation', startAt: 0, run: (ctx) => operation(env, ctx) },
    { id: 'test-thread', startAt: 0, run: (ctx) => usageTestThread(env, ctx, hosts, finished) },
  ];
}
