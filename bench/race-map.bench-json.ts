/**
 * `raceMapMillis`: the default race map (100 × 100 cells over dropDelay ×
 * migDelay, every cell a run of the model's fast path) on one thread, in ms,
 * over repeated runs. A number to watch, not a test: shared machines are
 * noisy. Meant to be merged into `npm run -s bench:json`; on its own:
 * `npx tsx bench/race-map.bench-json.ts` prints `{ "raceMapMillis": { median, min, max } }`.
 */
import { defaultScenario } from '../src/model/scenario';
import { defaultMapSpec } from '../src/sweep/map-spec';
import { evaluateMap } from '../src/sweep/map-run';

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function raceMapMillis(runs = 7, now: () => number = () => performance.now()): Spread {
  const scenario = defaultScenario();
  const spec = defaultMapSpec();
  evaluateMap(scenario, spec); // warm the JIT up; not counted
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = now();
    evaluateMap(scenario, spec);
    times.push(now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return { median: round(times[Math.floor(times.length / 2)]!), min: round(times[0]!), max: round(times.at(-1)!) };
}

// Run alone (npx tsx bench/race-map.bench-json.ts), not when bundled into bench:json.
if (process.argv[1]?.endsWith('race-map.bench-json.ts')) {
  process.stdout.write(`${JSON.stringify({ raceMapMillis: raceMapMillis() })}\n`);
}
