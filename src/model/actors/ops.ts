/**
 * Building blocks for the threads' programs.
 */
import type { Effect, Footprint, Op, StepSpec } from '../engine/types';
import { NO_FOOTPRINT } from '../footprint';
import type { Scenario } from '../scenario';
import type { HostName, InstanceRow, Lane, World } from '../types';

/** What every program needs: the scenario, where the locks are, and what the race's code does differently. */
export interface Env {
  readonly scenario: Scenario;
  /** The `COMPUTE_RESOURCE_SEMAPHORE` a tracker on this host takes. */
  lockFor(host: HostName): string;
  /** The periodic's injected sleep before the migration list: #1896463's `migDelay`, 0 for the other races. */
  readonly migrationListSleep: number;
  /**
   * Which listed instances `_update_usage_from_instances` leaves out:
   * `ALLOW_RESOURCE_REMOVAL`, or #2025480's fixed `allow_resource_removal`.
   */
  readonly removable: (row: InstanceRow) => boolean;
  /** The race counts usage (`compute_nodes`): the periodic's `_update` is then the save it turns on. */
  readonly countsUsage: boolean;
}

/** In-memory tracker work (no I/O) takes this long. */
export const CPU_STEP_MS = 1;
/** Time the conductor and scheduler take to place a new boot. */
export const BOOT_SCHEDULING_MS = 100;
/**
 * An RPC cast between services of the functional-test harness (the API to a
 * compute, one compute to another): oslo.messaging's fake driver delivers it
 * in process, in a few ms.
 */
export const RPC_CAST_MS = 20;
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

/** Wait, off the clock, until `holds` is true of the world (it must stay true once it is). */
export function waitUntil(holds: (world: World) => boolean, footprint: Footprint): Op {
  return { type: 'waitUntil', holds, footprint };
}
