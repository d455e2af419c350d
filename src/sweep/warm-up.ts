/**
 * Warming a sweep worker up: runs whose results nobody reads, so that V8
 * has compiled the model before the user's first input needs it.
 *
 * Chromium's V8 tiers code up in steps (interpreter, Sparkplug, Maglev,
 * Turbofan), each after enough calls, and each worker compiles for itself.
 * A Chromium trace of the race map showed that a fresh worker kept
 * compiling for its first ~20,000 runs: the first three maps after the page
 * loaded took 300-450 ms, the ones after about 180 ms, with V8's background
 * compiler using 150-180 ms of a core per map until then. The pool runs
 * these runs only while no sweep has work (see `SweepPool.start`), in tasks
 * of a few ms, so a real input waits for at most one of them; how many
 * (`WARM_UP_RUNS_PER_WORKER`) is the warm-up job's budget (`sweep-jobs.ts`).
 *
 * The runs take the paths the sweeps take: map cells through
 * `evaluateCells` with the fix off and on (the fix holds the lock longer,
 * other steps), and jittered seeds through `runSeeds` (the PRNG's path).
 */
import type { Outcome, Scenario } from '../model';
import { createRng } from '../model/engine/rng';
import { simulateOutcome } from '../model/simulate';
import { evaluateCells } from './map-run';
import { defaultMapSpecFor, type MapSpec } from './map-spec';
import { runSeeds } from './odds-run';

/** Of a task's runs, the share that are map cells; the rest are jittered seeds. */
const CELL_SHARE = 0.75;

/**
 * `runs` warm-up runs of `scenario`'s race, varied by `seed`: map cells over
 * random sub-ranges of the race's default axes, then jittered seeds. Returns
 * how many runs it made.
 *
 * @example warmUp(defaultScenario(), 1, 100) // 100
 */
export function warmUp(scenario: Scenario, seed: number, runs: number, outcomeOf: (s: Scenario) => Outcome = simulateOutcome): number {
  if (runs <= 0) return 0;
  const random = createRng(seed);
  const base: Scenario = { ...scenario, fix: random() < 0.5 ? !scenario.fix : scenario.fix, schedule: null };
  const axes = defaultMapSpecFor(scenario.race);
  const span = (min: number, max: number): [number, number] => {
    const lo = min + Math.floor(random() * (max - min) * 0.5);
    return [lo, lo + Math.max(10, Math.floor((max - lo) * (0.25 + 0.75 * random())))];
  };
  const cells = Math.ceil(runs * CELL_SHARE);
  const res = Math.max(10, Math.ceil(Math.sqrt(cells)));
  const [xMin, xMax] = span(axes.xMin, axes.xMax);
  const [yMin, yMax] = span(axes.yMin, axes.yMax);
  const spec: MapSpec = { ...axes, xMin, xMax, yMin, yMax, res };
  evaluateCells(base, spec, 0, cells, outcomeOf);
  const seeds = runs - cells;
  if (seeds > 0) runSeeds({ ...base, jitter: 50 + Math.floor(random() * 450) }, 1 + seed * seeds, 1 + (seed + 1) * seeds, outcomeOf);
  return runs;
}
