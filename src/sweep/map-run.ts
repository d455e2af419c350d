/**
 * Computing race-map cells: every cell is a full run of the model (its fast,
 * outcome-only path) for the current scenario with the two axis keys
 * replaced. Used by the sweep worker and by `npm run explore`.
 */
import { interned, NUMERIC_KEYS, type Outcome, type Scenario } from '../model';
import { simulateOutcome } from '../model/simulate';
import { cellCode } from './cells';
import { cellValue, type MapSpec } from './map-spec';

export type OutcomeOf = (scenario: Scenario) => Outcome;

/**
 * The verdict codes of cells `[start, end)` in row-major order (bottom row first).
 *
 * @example evaluateCells(defaultScenario(), defaultMapSpec(), 0, 100) // the bottom row
 */
export function evaluateCells(base: Scenario, spec: MapSpec, start: number, end: number, outcomeOf: OutcomeOf = simulateOutcome): Uint8Array {
  const cells = new Uint8Array(end - start);
  // Copy the scenario once and overwrite the two keys: a spread per cell would allocate 10,000 objects a map.
  const scenario: Record<string, unknown> = { ...base };
  // A spec that came in a worker message carries copies of the key names: look them up as the model's own.
  const xKey = interned(NUMERIC_KEYS, spec.xKey);
  const yKey = interned(NUMERIC_KEYS, spec.yKey);
  for (let index = start; index < end; index++) {
    const i = index % spec.res;
    const j = Math.floor(index / spec.res);
    scenario[xKey] = cellValue(spec.xMin, spec.xMax, spec.res, i);
    scenario[yKey] = cellValue(spec.yMin, spec.yMax, spec.res, j);
    cells[index - start] = cellCode(outcomeOf(scenario as unknown as Scenario).verdict);
  }
  return cells;
}

/** A whole map on this thread (the CLI, tests and the one-thread benchmark). */
export function evaluateMap(base: Scenario, spec: MapSpec, outcomeOf: OutcomeOf = simulateOutcome): Uint8Array {
  return evaluateCells(base, spec, 0, spec.res * spec.res, outcomeOf);
}
