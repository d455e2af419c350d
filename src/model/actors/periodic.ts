/**
 * The periodic `update_available_resource` task, and the two ways it is run:
 * by the regression test's `_run_periodics()` (nova-test) or by each live
 * compute's own timer (production).
 */
import type { ActorContext, Program } from '../engine';
import {
  cleanUsageSteps,
  readInstanceList,
  readMigrationList,
  savePciDevices,
  updateUsageFromInstances,
  updateUsageFromMigrations,
} from '../resource-tracker';
import type { HostName, Lane } from '../types';
import { acquire, CPU_STEP_MS, type Env, idleUntil, MAX_PERIODIC_RUNS, release, sleepStep, step } from './ops';

export function periodicLane(host: HostName): Lane {
  return host === 'host1' ? 'periodic-host1' : 'periodic-host2';
}

/** One run of `ResourceTracker._update_available_resource` on `host`, all under its lock. */
export function* updateAvailableResource(env: Env, host: HostName, run: number): Program {
  const lane = periodicLane(host);
  const lock = env.lockFor(host);
  const db = env.scenario.dbLatency;
  yield acquire(lock, lane, host);
  yield step({
    lane, host, name: 'InstanceList.get_by_host_and_node', nova: 'instance-list', kind: 'instance-list', duration: db,
    apply: (w, now) => readInstanceList(w, host, run, now),
  });
  yield step({
    lane, host, name: '_update_usage_from_instances', nova: 'update-usage-from-instances', duration: CPU_STEP_MS,
    apply: (w) => updateUsageFromInstances(w, host),
  });
  if (env.scenario.migDelay > 0) {
    yield sleepStep(lane, host, env.scenario.migDelay, 'mig-sleep', 'MigrationList.get_in_progress_and_error');
  }
  yield step({
    lane, host, name: 'MigrationList.get_in_progress_and_error', nova: 'migration-list', kind: 'migration-list', duration: db,
    apply: (w, now) => readMigrationList(w, host, now),
  });
  yield step({
    lane, host, name: '_update_usage_from_migrations', nova: 'update-usage-from-migrations', duration: CPU_STEP_MS,
    apply: (w) => updateUsageFromMigrations(w, host),
  });
  yield step({
    lane, host, name: 'clean_usage', nova: 'clean-usage', kind: 'clean-usage', duration: CPU_STEP_MS,
    apply: (w) => cleanUsageSteps(w, host),
  });
  yield step({
    lane, host, name: 'pci_tracker.save', nova: 'rt-update', duration: db,
    apply: (w) => savePciDevices(w, host),
  });
  yield release(lock);
}

function stopAtRunLimit(ctx: ActorContext, runs: number): boolean {
  if (runs <= MAX_PERIODIC_RUNS) return false;
  ctx.stop({
    limit: 'periodic-runs',
    message: `The simulation stopped after ${MAX_PERIODIC_RUNS} periodic runs (the model's limit).`,
  });
  return true;
}

/**
 * nova-test: the test thread calls `_run_periodics()`, which runs the task on
 * every compute manager in turn, host1 (stopped, but its manager still runs)
 * then host2. Both trackers live in one process, so they share one lock.
 */
export function* runPeriodicsLikeTheTest(env: Env, ctx: ActorContext): Program {
  for (let run = 1; run <= env.scenario.periodicRuns; run++) {
    if (stopAtRunLimit(ctx, run)) return;
    yield* updateAvailableResource(env, 'host1', run);
    yield* updateAvailableResource(env, 'host2', run);
  }
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
