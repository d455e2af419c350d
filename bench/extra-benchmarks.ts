/**
 * Benchmarks of features built on the core, added to `bench:json` as each
 * feature exists: the race map (`raceMapMillis`) and the schedule explorer
 * (`schedulesPerSecond`).
 */
import { exploreScenario } from '../src/model/explore/scenario-explorer';
import { defaultScenario } from '../src/model/scenario';
import type { BenchOptions, Stat } from './bench-json';
import { stat } from './bench-json';
import { raceMapMillis } from './race-map.bench-json';

/**
 * Schedules replayed per second on one core: the default scenario explored
 * without reduction (every schedule a full replay of the model), a fixed
 * number of schedules per round.
 */
export function schedulesPerSecond(options: BenchOptions): Stat {
  const scenario = defaultScenario();
  const n = Math.max(50, Math.round(20_000 * options.scale));
  exploreScenario(scenario, { reduction: 'none', maxSchedules: n });
  const rates: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const started = performance.now();
    const { schedules } = exploreScenario(scenario, { reduction: 'none', maxSchedules: n });
    rates.push(Math.round(schedules / ((performance.now() - started) / 1000)));
  }
  return stat(rates);
}

export function extraBenchmarks(options: BenchOptions): Record<string, Stat> {
  return {
    raceMapMillis: raceMapMillis(Math.max(1, options.rounds)),
    schedulesPerSecond: schedulesPerSecond(options),
  };
}
