/**
 * The periodic `update_available_resource` task, and the two ways it is run:
 * by the regression test's `_run_periodics()` (nova-test) or by each live
 * compute's own timer (production).
 */
import type { Footprint, Program } from '../engine/types';
import type { ActorContext } from '../engine/types';
import { periodicRunLimitStop } from '../engine/limits';
import { res, touches } from '../footprint';
import {
  cleanUsageSteps,
  readInstanceList,
  readMigrationList,
  savePciDevices,
  updateUsageFromInstances,
  updateUsageFromMigrations,
} from '../resource-tracker';
import { ALL_HOSTS, HOSTS, type HostName, type Lane } from '../types';
import { acquire, CPU_STEP_MS, type Env, idleUntil, release, sleepStep, step } from './ops';

const PERIODIC_LANE: Readonly<Record<HostName, Lane>> = { host1: 'periodic-host1', host2: 'periodic-host2', compute1: 'periodic-compute1' };

export function periodicLane(host: HostName): Lane {
  return PERIODIC_LANE[host];
}

interface PeriodicFootprints {
  readonly instanceList: Footprint;
  readonly usageFromInstances: Footprint;
  readonly migrationList: Footprint;
  readonly usageFromMigrations: Footprint;
  readonly cleanUsage: Footprint;
  readonly save: Footprint;
}

/**
 * What each step of a run touches. The periodic's snapshots are the
 * tracker's own memory; `_update_usage_from_migrations` may load an
 * instance that is not in the snapshot and mark a stale migration `error`.
 */
const FOOTPRINTS = Object.fromEntries(
  ALL_HOSTS.map((host): [HostName, PeriodicFootprints] => {
    const tracker = res.tracker(host);
    return [
      host,
      {
        instanceList: touches({ reads: [res.instanceHosts, res.instances], writes: [tracker] }),
        usageFromInstances: touches({ writes: [tracker] }),
        migrationList: touches({ reads: [res.migrations], writes: [tracker] }),
        usageFromMigrations: touches({ reads: [res.instances], writes: [tracker, res.migrations] }),
        cleanUsage: touches({ writes: [tracker] }),
        save: touches({ reads: [tracker], writes: [res.pciRows(host), res.computeNode(host)] }),
      },
    ];
  }),
) as Readonly<Record<HostName, PeriodicFootprints>>;

/** One run of `ResourceTracker._update_available_resource` on `host`, all under its lock. */
export function* updateAvailableResource(env: Env, host: HostName, run: number): Program {
  const lane = periodicLane(host);
  const lock = env.lockFor(host);
  const db = env.scenario.dbLatency;
  const fp = FOOTPRINTS[host];
  const countsUsage = env.countsUsage;
  yield acquire(lock, lane, host);
  yield step({
    lane, host, name: 'InstanceList.get_by_host_and_node', nova: 'instance-list', kind: 'instance-list', duration: db,
    footprint: fp.instanceList,
    apply: (w, now) => readInstanceList(w, host, run, now),
  });
  yield step({
    lane, host, name: '_update_usage_from_instances', nova: 'update-usage-from-instances', duration: CPU_STEP_MS,
    footprint: fp.usageFromInstances,
    apply: (w) => updateUsageFromInstances(w, host, env.removable),
  });
  if (env.migrationListSleep > 0) {
    yield sleepStep(lane, host, env.migrationListSleep, 'mig-sleep', 'MigrationList.get_in_progress_and_error');
  }
  yield step({
    lane, host, name: 'MigrationList.get_in_progress_and_error', nova: 'migration-list', kind: 'migration-list', duration: db,
    footprint: fp.migrationList,
    apply: (w, now) => readMigrationList(w, host, now),
  });
  yield step({
    lane, host, name: '_update_usage_from_migrations', nova: 'update-usage-from-migrations', duration: CPU_STEP_MS,
    footprint: fp.usageFromMigrations,
    apply: (w) => updateUsageFromMigrations(w, host),
  });
  yield step({
    lane, host, name: 'clean_usage', nova: 'clean-usage', kind: 'clean-usage', duration: CPU_STEP_MS,
    footprint: fp.cleanUsage,
    apply: (w) => cleanUsageSteps(w, host),
  });
  yield step({
    // The same `_update`; where usage is counted it is the compute node's save the race turns on.
    lane, host, name: countsUsage ? '_update' : 'pci_tracker.save', nova: 'rt-update', duration: db, footprint: fp.save,
    ...(countsUsage ? { kind: 'usage-saved' as const } : {}),
    apply: (w) => savePciDevices(w, host),
  });
  yield release(lock);
}

function stopAtRunLimit(ctx: ActorContext, run: number): boolean {
  const stop = periodicRunLimitStop(run);
  if (stop) ctx.stop(stop);
  return stop !== null;
}

/**
 * nova-test: the test thread calls `_run_periodics()`, which runs the task on
 * every compute manager in turn, host1 (stopped, but its manager still runs)
 * then host2. Both trackers live in one process, so they share one lock.
 */
export function* runPeriodicsLikeTheTest(env: Env, ctx: ActorContext): Program {
  for (let run = 1; run <= env.scenario.periodicRuns; run++) {
    if (stopAtRunLimit(ctx, run)) return;
    yield* runPeriodicsOnce(env, HOSTS, run);
  }
}

/** One `_run_periodics()` call: `update_available_resource` on each compute in turn. */
export function* runPeriodicsOnce(env: Env, hosts: readonly HostName[], run: number): Program {
  for (const host of hosts) yield* updateAvailableResource(env, host, run);
}

/** Before periodic run `run` of a thread: `false` (and the simulation stops) past the model's limit. */
export function mayRunPeriodic(ctx: ActorContext, run: number): boolean {
  return !stopAtRunLimit(ctx, run);
}

/**
 * production: a live compute runs the task every `period` ms from `firstAt`;
 * a run that overruns delays the next one.
 */
export function* periodicTimer(env: Env, ctx: ActorContext, host: HostName, firstAt: number, firstRun = 1): Program {
  const { period, periodicRuns } = env.scenario;
  for (let run = firstRun; run <= periodicRuns; run++) {
    if (stopAtRunLimit(ctx, run)) return;
    yield idleUntil(firstAt + (run - firstRun) * period);
    yield* updateAvailableResource(env, host, run);
  }
}
