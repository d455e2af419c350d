/**
 * The explorer's numbers for the benchmarks: schedules per second with and
 * without reduction, and the reduction factor. The factor is exact, not a
 * ratio of two budget cuts: each DPOR schedule stands for its Mazurkiewicz
 * trace, whose size (the interleavings that only reorder its independent
 * steps) is counted exactly, and the traces partition the interleavings
 * (`estimate.test.ts`). So the interleavings the DPOR schedules run stand
 * for, divided by those schedules, is the reduction: over the whole space
 * when DPOR completes, over the part it covered when its budget cuts it.
 */
import { estimateScenario, exploreScenario } from '../src/model/explore/scenario-explorer';
import { defaultScenario, type Scenario } from '../src/model/scenario';

/**
 * Issue 11's bigger scenario: two evacuations at once (inst-A and inst-C),
 * three periodic runs of host2's `update_available_resource` and a new boot,
 * production locks (one per host), the fix off. DPOR covers it in
 * 12,757,208 schedules (about 16 min on one core) for 1.904 × 10^17
 * interleavings; the benchmark's budget cuts both runs (see the README).
 */
export const BIGGER_EXPLORE_SCENARIO: Scenario = {
  ...defaultScenario('production'),
  periodicRuns: 3,
  bootAt: 3000,
  evacuees: 2,
};

/**
 * The largest two-evacuation scenario DPOR covers in seconds: production
 * locks, one periodic run of host2 and a new boot (17,324 schedules with
 * reduction, for 5.46 × 10^11 interleavings); without reduction the budget
 * cuts it.
 */
export const TWO_EVACUATIONS_SCENARIO: Scenario = {
  ...defaultScenario('production'),
  periodicRuns: 1,
  bootAt: 3000,
  evacuees: 2,
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
  /** DPOR again, each schedule's trace counted: the schedules run and the interleavings they stand for. */
  readonly measured: { readonly schedules: number; readonly interleavings: number; readonly complete: boolean };
  /** Interleavings per DPOR schedule over `measured`: the reduction factor, exact over what was covered. */
  readonly reductionFactor: number;
  /** Knuth's estimates of the whole (interleavings, traces) from random schedules: a cross-check, heavy-tailed. */
  readonly estimate: { readonly interleavings: number; readonly traces: number; readonly probes: number };
  readonly line: string;
}

function timed(scenario: Scenario, reduction: 'dpor' | 'none', budget: number, maxSeconds: number): ExploreRun {
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const result = exploreScenario(scenario, { reduction, maxSchedules: budget, shouldStop: () => performance.now() > deadline });
  const seconds = (performance.now() - started) / 1000;
  return { schedules: result.schedules, complete: result.complete, seconds, schedulesPerSecond: Math.round(result.schedules / Math.max(seconds, 1e-6)) };
}

/** Explore `scenario` with and without reduction, each within `budget` schedules and `seconds`; then measure the traces. */
export function explorationStats(scenario: Scenario, budget: number, seconds: number): ExplorationStats {
  const dpor = timed(scenario, 'dpor', budget, seconds);
  const none = timed(scenario, 'none', budget, seconds);
  const deadline = performance.now() + seconds * 1000;
  const traced = exploreScenario(scenario, { reduction: 'dpor', maxSchedules: budget, shouldStop: () => performance.now() > deadline, measureTraces: true });
  const measured = { schedules: traced.schedules, interleavings: traced.interleavings ?? 0, complete: traced.complete };
  const reductionFactor = measured.interleavings / Math.max(1, measured.schedules);
  const probes = 20_000;
  const estimated = estimateScenario(scenario, probes);
  const estimate = { interleavings: estimated.interleavings.mean, traces: estimated.traces.mean, probes };
  const count = (r: ExploreRun) => `${r.schedules.toLocaleString('en')}${r.complete ? '' : '+ (budget cut)'}`;
  const big = (n: number) => (n >= 1e7 ? n.toExponential(2) : Math.round(n).toLocaleString('en'));
  const factor = measured.complete
    ? `all ${big(measured.interleavings)} interleavings in ${measured.schedules.toLocaleString('en')} traces: reduction ${big(reductionFactor)}× (exact)`
    : `the ${measured.schedules.toLocaleString('en')} DPOR schedules run stand for ${big(measured.interleavings)} interleavings: ` +
      `reduction ${big(reductionFactor)}× on the part covered (exact there; DPOR did not finish)`;
  const line =
    `dpor ${count(dpor)} schedules at ${dpor.schedulesPerSecond.toLocaleString('en')}/s; ` +
    `none ${count(none)} at ${none.schedulesPerSecond.toLocaleString('en')}/s; ${factor}; ` +
    `Knuth's estimate from ${probes.toLocaleString('en')} random schedules: ${big(estimate.interleavings)} interleavings, ${big(estimate.traces)} traces`;
  return { dpor, none, measured, reductionFactor, estimate, line };
}
