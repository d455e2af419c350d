/**
 * How fast does the schedule explorer replay schedules, and how much does
 * partial-order reduction save? `npm run bench` prints, for the default and
 * two-evacuation scenarios, the schedules explored with and without reduction, the
 * rate of each, and the reduction factor (exact: the interleavings the DPOR
 * schedules stand for, over those schedules; see `explore-stats.ts`); then
 * the table times a fixed slice of each. Asserts nothing: speed is watched
 * here, not in timed unit tests.
 */
import { bench, describe } from 'vitest';
import { exploreScenario } from '../src/model/explore/scenario-explorer';
import { defaultScenario } from '../src/model/scenario';
import { BIGGER_EXPLORE_SCENARIO, explorationStats, TWO_EVACUATIONS_SCENARIO } from './explore-stats';

const options = { time: 1000, warmupTime: 200 };
const SLICE = 2_000;

for (const [name, scenario, budget, seconds] of [
  ['default (nova-test, buggy)', defaultScenario(), 1_000_000, 60],
  ['two evacuations (production, one periodic run, a boot)', TWO_EVACUATIONS_SCENARIO, 5_000_000, 120],
  ['bigger (production, two evacuations, three periodic runs, a boot)', BIGGER_EXPLORE_SCENARIO, 5_000_000, 120],
] as const) {
  describe(`explore: ${name}`, () => {
    const stats = explorationStats(scenario, budget, seconds);
    process.stdout.write(`\nexplore ${name}: ${stats.line}\n`);
    bench(`with reduction (DPOR + sleep sets), first ${SLICE} schedules`, () => void exploreScenario(scenario, { reduction: 'dpor', maxSchedules: SLICE }), options);
    bench(`without reduction, first ${SLICE} schedules`, () => void exploreScenario(scenario, { reduction: 'none', maxSchedules: SLICE }), options);
  });
}
