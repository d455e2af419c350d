/**
 * What a sweep worker does with a task, as a plain function so unit tests and
 * the pool's fake workers run it without a Worker. `now` is injected (the
 * model never reads a clock). Never throws.
 */
import { isScenarioInRange, PRESETS, type Scenario } from '../model/scenario';
import { nearestFlip } from '../sweep/flip-search';
import { flipKeysFor } from '../sweep/flips';
import { isMapSpecValid } from '../sweep/map-spec';
import { evaluateCells } from '../sweep/map-run';
import { runSeeds } from '../sweep/odds-run';
import { warmUp } from '../sweep/warm-up';
import { assertNeverSweep, type SweepRequest, type SweepResponse, type SweepResult } from './sweep-protocol';

/** The largest seed (the top of the `seed` key's range). */
const MAX_SEED = 4_294_967_295;
/** Bounds that keep a warm-up task's seeds inside the `seed` key's range. */
const MAX_WARM_UP_TASKS = 10_000;
const MAX_WARM_UP_RUNS = 10_000;

function isScenario(value: unknown): value is Scenario {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Scenario>;
  return typeof s.fix === 'boolean' && PRESETS.includes(s.preset as Scenario['preset']) && isScenarioInRange(s as Scenario);
}

const isIndex = (n: unknown, max: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max;

function run(request: SweepRequest): SweepResult | string {
  if (!isScenario(request.scenario)) return 'The sweep worker received a scenario that is out of range or malformed.';
  switch (request.type) {
    case 'map-cells': {
      const { spec, start, end } = request;
      if (!isMapSpecValid(spec) || !isIndex(start, end) || !isIndex(end, spec.res * spec.res)) return 'The sweep worker received a malformed map task.';
      return { type: 'map-cells', start, cells: evaluateCells(request.scenario, spec, start, end) };
    }
    case 'flip':
      if (!flipKeysFor(request.scenario.race).includes(request.key)) return 'The sweep worker received a flip task for an unknown key.';
      return { type: 'flip', search: nearestFlip(request.scenario, request.key) };
    case 'odds': {
      const { seedStart, seedEnd } = request;
      if (!isIndex(seedStart, MAX_SEED) || !isIndex(seedEnd, MAX_SEED + 1) || seedEnd < seedStart) return 'The sweep worker received malformed seeds.';
      return { type: 'odds', tally: runSeeds(request.scenario, seedStart, seedEnd) };
    }
    case 'warm-up': {
      const { seed, runs } = request;
      if (!isIndex(seed, MAX_WARM_UP_TASKS) || !isIndex(runs, MAX_WARM_UP_RUNS)) return 'The sweep worker received a malformed warm-up task.';
      return { type: 'warm-up', runs: warmUp(request.scenario, seed, runs) };
    }
    default:
      return assertNeverSweep(request);
  }
}

export function handleSweep(request: SweepRequest, now: () => number): SweepResponse {
  const started = now();
  try {
    const result = run(request);
    if (typeof result === 'string') return { type: 'error', id: request.id, message: result };
    return { type: 'done', id: request.id, result, elapsedMs: now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'error', id: request.id, message: `The model failed in a sweep: ${message}` };
  }
}
