/**
 * Running seeded copies of a scenario for the odds: seeds 1..N, each with
 * the scenario's jitter, on the model's fast path.
 */
import type { Outcome, Scenario } from '../model';
import { simulateOutcome } from '../model/simulate';
import { type OddsTally, raceMargin } from './odds';

/**
 * The tally of seeds `[seedStart, seedEnd)`.
 *
 * @example runSeeds({ ...defaultScenario(), jitter: 500 }, 1, 101).runs // 100
 */
export function runSeeds(scenario: Scenario, seedStart: number, seedEnd: number, outcomeOf: (s: Scenario) => Outcome = simulateOutcome): OddsTally {
  let lost = 0;
  let incomplete = 0;
  const margins: (number | null)[] = [];
  // Without jitter the engine never draws from its PRNG, so every seed gives the same run: simulate it once.
  const runs = seedEnd - seedStart;
  if (scenario.jitter === 0 && runs > 0) {
    const outcome = outcomeOf({ ...scenario, seed: seedStart });
    const margin = raceMargin(outcome);
    return {
      runs,
      lost: outcome.verdict === 'lost' ? runs : 0,
      incomplete: outcome.verdict === 'incomplete' ? runs : 0,
      margins: Array.from({ length: runs }, () => margin),
    };
  }
  for (let seed = seedStart; seed < seedEnd; seed++) {
    const outcome = outcomeOf({ ...scenario, seed });
    if (outcome.verdict === 'lost') lost++;
    else if (outcome.verdict === 'incomplete') incomplete++;
    margins.push(raceMargin(outcome));
  }
  return { runs, lost, incomplete, margins };
}
