/**
 * The explorer's numbers for the benchmarks: schedules per second with and
 * without reduction and the reduction factor. When a run without reduction
 * is cut short by its budget, the factor is a lower bound and says so.
 */
import { exploreScenario } from '../src/model/explore/scenario-explorer';
import { defaultScenario, type Scenario } from '../src/model/scenario';

/**
 * Issue 11's bigger scenario, less the second evacuation the model does not
 * have: three periodic runs of host2's `update_available_resource` and a new
 * boot, production locks (one per host), the fix off. DPOR covers it
 * completely (about 97,000 schedules); without reduction the budget cuts it.
 */
export const BIGGER_EXPLORE_SCENARIO: Scenario = {
  ...defaultScenario('production'),
  periodicRuns: 3,
  bootAt: 3000,
};

export interface ExploreRun {
  readonly schedules: number;
  readonly complete: boolean;
  readonly seconds: number;
  readonly schedulesPerSecond: number;
}

export interface ExplorationStats {
  readonly dpor: ExploreRun;
  readonly none: ExploreRun;
  /** none.schedules / dpor.schedules; a lower bound when `none` was cut short. */
  readonly reductionFactor: number;
  readonly factorIsLowerBound: boolean;
  readonly line: string;
}

function timed(scenario: Scenario, reduction: 'dpor' | 'none', budget: number, maxSeconds: number): ExploreRun {
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const result = exploreScenario(scenario, { reduction, maxSchedules: budget, shouldStop: () => performance.now() > deadline });
  const seconds = (performance.now() - started) / 1000;
  return { schedules: result.schedules, complete: result.complete, seconds, schedulesPerSecond: Math.round(result.schedules / Math.max(seconds, 1e-6)) };
}

/** Explore `scenario` with and without reduction, each within `budget` schedules and `seconds`. */
export function explorationStats(scenario: Scenario, budget: number, seconds: number): ExplorationStats {
  const dpor = timed(scenario, 'dpor', budget, seconds);
  const none = timed(scenario, 'none', budget, seconds);
  const reductionFactor = Math.round((none.schedules / Math.max(1, dpor.schedules)) * 10) / 10;
  const factorIsLowerBound = !none.complete;
  const count = (r: ExploreRun) => `${r.schedules.toLocaleString('en')}${r.complete ? '' : '+ (budget cut)'}`;
  const line =
    `dpor ${count(dpor)} schedules at ${dpor.schedulesPerSecond.toLocaleString('en')}/s; ` +
    `none ${count(none)} at ${none.schedulesPerSecond.toLocaleString('en')}/s; ` +
    `reduction ${factorIsLowerBound ? '≥ ' : ''}${reductionFactor}×`;
  return { dpor, none, reductionFactor, factorIsLowerBound, line };
}
