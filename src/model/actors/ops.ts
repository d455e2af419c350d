/**
 * Building blocks for the threads' programs.
 */
import type { Effect, Op, StepSpec } from '../engine/types';
import { NO_FOOTPRINT } from '../footprint';
import type { Scenario } from '../scenario';
import type { HostName, Lane, World } from '../types';

/** What every program needs: the scenario and where the locks are. */
export interface Env {
  readonly scenario: Scenario;
  /** The `COMPUTE_RESOURCE_SEMAPHORE` a tracker on this host takes. */
  lockFor(host: HostName): string;
}

/** In-memory tracker work (no I/O) takes this long. */
export const CPU_STEP_MS = 1;
/** Time the conductor and scheduler take to place a new boot. */
export const BOOT_SCHEDULING_MS = 100;
/**
 * Neutron's port updates: the functional-test harness's Neutron fixture
 * answers in-process, so they take no virtual time of their own (and no
 * jitter: the steps are marked `instant`).
 */
export const PORT_UPDATE_MS = 0;

export function step(spec: StepSpec): Op {
  return { type: 'step', spec };
}

/** An injected `time.sleep` (one of the regression test's patches). */
export function sleepStep(lane: Lane, host: HostName | null, ms: number, nova: string, what: string): Op {
  return step({
    lane,
    host,
    name: 'sleep',
    nova,
    duration: ms,
    sleep: true,
    footprint: NO_FOOTPRINT,
    apply: (w: World): Effect => ({ world: w, label: () => `sleeps ${ms} ms before ${what} (injected by the test)` }),
  });
}

export function acquire(lock: string, lane: Lane, host: HostName | null): Op {
  return { type: 'acquire', lock, lane, host };
}

export function release(lock: string): Op {
  return { type: 'release', lock };
}

export function idleUntil(time: number): Op {
  return { type: 'idleUntil', time };
}
