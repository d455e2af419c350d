/**
 * Every schedule of a scenario's threads: which orders of their atomic steps
 * lose the allocation, and does the fix leave any? Time does not count here
 * (durations ignored, injected sleeps skipped); program order, the fair
 * `COMPUTE_RESOURCE_SEMAPHORE` and the conditions a thread waits on do. The
 * verdict of each schedule is computed exactly as in timed mode.
 */
import { MODEL_LIMITS } from '../engine/limits';
import { raceOf } from '../races';
import { type Scenario, shapedScenario } from '../scenario';
import { simulate, simulateOutcome } from '../simulate';
import { isUsageOutcome, type Outcome, type Trace } from '../types';
import { estimateSchedules, type RunConfig, type ScheduleEstimate } from './estimate';
import { type Execution, explore, type Reduction } from './explorer';
import { type OutcomeCount, outcomeKey } from './outcome-key';
import { encodeSchedule } from './schedule-codec';

export { type OutcomeCount, outcomeKey } from './outcome-key';

export interface ExploreBudget {
  readonly reduction: Reduction;
  /** Stop after this many complete schedules. */
  readonly maxSchedules: number;
  /** Asked after every schedule; `true` stops (a time budget, a cancel). */
  readonly shouldStop?: () => boolean;
  /** Told every so many schedules how far it got. */
  readonly onProgress?: (schedules: number) => void;
  /** With DPOR: add up the interleavings the schedules run stand for (see `ScenarioExploration.interleavings`). */
  readonly measureTraces?: boolean;
}

/** A schedule worth showing. */
export interface ScheduleSummary {
  readonly choices: readonly number[];
  /** `schedule=` value of the scenario's link. */
  readonly encoded: string;
  readonly steps: number;
  readonly contextSwitches: number;
  readonly outcome: Outcome;
}

export interface ScenarioExploration {
  readonly reduction: Reduction;
  readonly schedules: number;
  /** Runs cut short because an equivalent schedule was run already (sleep sets). */
  readonly redundant: number;
  readonly complete: boolean;
  /**
   * The interleavings the schedules run stand for: each schedule's trace
   * size, added up (with `measureTraces`; without reduction, one each).
   * Complete, it is every interleaving, exactly; cut short, the part covered.
   */
  readonly interleavings: number | null;
  /** Each distinct final outcome with how many schedules reached it, most frequent first. */
  readonly outcomes: readonly OutcomeCount[];
  readonly losingSchedules: number;
  /** Losing schedules, shortest first (fewest steps, then fewest context switches); at most `KEPT_LOSING`. */
  readonly losing: readonly ScheduleSummary[];
}

/** How many losing schedules are kept to show. */
export const KEPT_LOSING = 50;
const PROGRESS_EVERY = 256;

function counted(o: Outcome, count: number): OutcomeCount {
  if (isUsageOutcome(o)) return { verdict: o.verdict, mechanism: o.mechanism, usageWhenFinished: o.usageWhenFinished, usage: o.usage, count };
  if (o.lostInstances) return { verdict: o.verdict, mechanism: o.mechanism, pciAllocated: o.pciAllocated, lostInstances: o.lostInstances, count };
  return { verdict: o.verdict, mechanism: o.mechanism, pciAllocated: o.pciAllocated, count };
}

function shorter(a: ScheduleSummary, b: ScheduleSummary): boolean {
  return a.steps !== b.steps ? a.steps < b.steps : a.contextSwitches < b.contextSwitches;
}

function outcomeOf(scenario: Scenario, execution: Execution): Outcome {
  const { result } = execution;
  return raceOf(scenario).outcome({
    facts: result.facts, lockSpans: result.lockSpans, world: result.world, stopped: result.stopped,
    steps: execution.steps, endTime: result.endTime, clock: 'step',
  });
}

/** What the explorer runs for `scenario`: its initial world, fresh threads and the model's limits (shaped once, not per execution). */
export function runConfigOf(given: Scenario): RunConfig {
  const scenario = shapedScenario(given);
  const race = raceOf(scenario);
  return { world: race.initialWorld(scenario), actors: () => race.actors(scenario), limits: MODEL_LIMITS };
}

/**
 * How many schedules a complete exploration of `scenario` would run, with
 * DPOR (its Mazurkiewicz traces) and without (every interleaving), estimated
 * from `probes` random schedules (see `estimate.ts`).
 *
 * @example estimateScenario(defaultScenario(), 10_000).traces.mean // about 87
 */
export function estimateScenario(scenario: Scenario, probes: number, seed = 1): ScheduleEstimate {
  return estimateSchedules(runConfigOf(scenario), probes, seed);
}

/**
 * Explore the schedules of `scenario`.
 *
 * @example exploreScenario(defaultScenario(), { reduction: 'dpor', maxSchedules: 1e5 }).losing[0]?.encoded
 */
export function exploreScenario(given: Scenario, budget: ExploreBudget): ScenarioExploration {
  // Shaped once: each of the many executions looks its race up by the model's own string (see `interned`).
  const scenario = shapedScenario(given);
  const outcomes = new Map<string, OutcomeCount>();
  const losing: ScheduleSummary[] = [];
  let losingSchedules = 0;
  let seen = 0;
  let interleavings = 0;
  const stats = explore(
    {
      ...runConfigOf(scenario),
      reduction: budget.reduction,
      maxSchedules: budget.maxSchedules,
      ...(budget.shouldStop ? { shouldStop: budget.shouldStop } : {}),
      measureTraces: budget.measureTraces === true,
    },
    (execution) => {
      interleavings += execution.interleavings;
      const outcome = outcomeOf(scenario, execution);
      const key = outcomeKey(outcome);
      const known = outcomes.get(key);
      outcomes.set(key, counted(outcome, (known?.count ?? 0) + 1));
      if (outcome.verdict === 'lost') {
        losingSchedules++;
        const summary: ScheduleSummary = {
          choices: execution.choices, encoded: encodeSchedule(execution.choices),
          steps: execution.steps, contextSwitches: execution.contextSwitches, outcome,
        };
        if (losing.length < KEPT_LOSING || shorter(summary, losing[losing.length - 1]!)) {
          const at = losing.findIndex((s) => shorter(summary, s));
          losing.splice(at < 0 ? losing.length : at, 0, summary);
          if (losing.length > KEPT_LOSING) losing.pop();
        }
      }
      if (++seen % PROGRESS_EVERY === 0) budget.onProgress?.(seen);
    },
  );
  return {
    reduction: budget.reduction,
    schedules: stats.schedules,
    redundant: stats.redundant,
    complete: stats.complete,
    interleavings: budget.reduction === 'none' || budget.measureTraces ? interleavings : null,
    outcomes: [...outcomes.values()].sort((a, b) => b.count - a.count),
    losingSchedules,
    losing,
  };
}

/**
 * Replay one schedule of `scenario` as a full trace (virtual time replaced by
 * step order). Throws `ScheduleMismatch` when the schedule does not fit: it
 * names a thread that cannot run there, or ends before the run does, or
 * goes on after it.
 *
 * @example simulateSchedule(defaultScenario(), [0, 0, 1, ...]).verdict.verdict
 */
export function simulateSchedule(scenario: Scenario, choices: readonly number[]): Trace {
  return simulate({ ...scenario, schedule: choices });
}

/** The outcome of one schedule on the fast path (no trace kept). */
export function scheduleOutcome(scenario: Scenario, choices: readonly number[]): Outcome {
  return simulateOutcome({ ...scenario, schedule: choices });
}
