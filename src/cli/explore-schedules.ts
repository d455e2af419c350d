/**
 * `explore -- schedules`: every schedule of a scenario's threads, as one
 * JSON object (see README, "Every schedule").
 */
import { exploreScenario, simulateSchedule } from '../model/explore/scenario-explorer';
import type { Scenario } from '../model/scenario';
import { scenarioToQuery } from '../url/scenario-query';

/** Without a budget: at most this many schedules. */
export const DEFAULT_SCHEDULE_BUDGET = 1_000_000;

export interface SchedulesOptions {
  readonly reduction: boolean;
  readonly budget: number;
  readonly seconds: number | null;
  /** Count the interleavings the schedules stand for (each DPOR schedule's trace size). */
  readonly measureTraces?: boolean;
  readonly now: () => number;
}

export function schedulesReport(scenario: Scenario, options: SchedulesOptions): unknown {
  const timed: Scenario = { ...scenario, schedule: null };
  const started = options.now();
  const deadline = options.seconds === null ? Number.POSITIVE_INFINITY : started + options.seconds * 1000;
  const result = exploreScenario(timed, {
    reduction: options.reduction ? 'dpor' : 'none',
    maxSchedules: options.budget,
    shouldStop: () => options.now() > deadline,
    measureTraces: options.measureTraces === true,
  });
  const elapsedMs = Math.round((options.now() - started) * 10) / 10;
  const shortest = result.losing[0] ?? null;
  let shortestLosing: unknown = null;
  if (shortest) {
    const replayed = simulateSchedule(timed, shortest.choices);
    shortestLosing = {
      steps: replayed.steps.map((s) => ({ step: s.index + 1, thread: s.thread, host: s.host, name: s.name, kind: s.kind })),
      contextSwitches: shortest.contextSwitches,
      schedule: shortest.encoded,
      link: `?${scenarioToQuery({ ...timed, schedule: shortest.choices }, null)}`,
      reason: replayed.verdict.reason,
    };
  }
  return {
    schedules: result.schedules,
    outcomes: result.outcomes,
    losingSchedules: result.losingSchedules,
    shortestLosing,
    reduction: result.reduction,
    complete: result.complete,
    // Every interleaving when complete, the part covered when cut short (without reduction: one each).
    ...(options.measureTraces ? { interleavings: result.interleavings } : {}),
    elapsedMs,
    schedulesPerSecond: elapsedMs > 0 ? Math.round((result.schedules / elapsedMs) * 1000) : null,
  };
}
