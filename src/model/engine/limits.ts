/**
 * The model's limits: a scenario past them stops with a message instead of
 * freezing the tab (or the worker, or a sweep).
 */
import type { SimulationStop } from '../types';

export interface EngineLimits {
  /** Virtual ms after which nothing more happens. */
  readonly maxTime: number;
  /** Recorded steps after which the run stops. */
  readonly maxSteps: number;
}

/** 24 h of virtual time and 25,000 steps (room for a trace of 20,000 steps and more: the Nova test's harness with 1,428 periodic runs). */
export const MODEL_LIMITS: EngineLimits = { maxTime: 24 * 3_600_000, maxSteps: 25_000 };

/** Periodic runs per thread. */
export const MAX_PERIODIC_RUNS = 1500;

/** The stop for a run that has recorded `count` steps, or `null` while under the limit. */
export function stepLimitStop(count: number, limits: EngineLimits): SimulationStop | null {
  if (count < limits.maxSteps) return null;
  return { limit: 'steps', message: `The simulation stopped after ${limits.maxSteps} steps (the model's limit).` };
}

/** The stop for an event due at `time`, or `null` when it may still happen. */
export function timeLimitStop(time: number, limits: EngineLimits): SimulationStop | null {
  if (time <= limits.maxTime) return null;
  return { limit: 'time', message: `The simulation stopped at the model's limit of ${limits.maxTime} ms of virtual time.` };
}

/** The stop before periodic run number `run` of one thread, or `null` when it may run. */
export function periodicRunLimitStop(run: number): SimulationStop | null {
  if (run <= MAX_PERIODIC_RUNS) return null;
  return { limit: 'periodic-runs', message: `The simulation stopped after ${MAX_PERIODIC_RUNS} periodic runs (the model's limit).` };
}
