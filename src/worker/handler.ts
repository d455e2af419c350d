/**
 * What the worker does with a request, as a plain function so unit tests run
 * it without a Worker. `now` is injected (the model itself never reads a clock).
 */
import { isScenarioInRange, PRESETS, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import type { SimResponse } from './protocol';

function isScenario(value: unknown): value is Scenario {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Scenario>;
  return typeof s.fix === 'boolean' && PRESETS.includes(s.preset as Scenario['preset']) && isScenarioInRange(s as Scenario);
}

/** Run one simulation and describe the outcome as a reply. Never throws. */
export function handleSimulate(id: number, scenario: unknown, now: () => number): SimResponse {
  if (!isScenario(scenario)) {
    return { type: 'error', id, message: 'The worker received a scenario that is out of range or malformed.' };
  }
  const started = now();
  try {
    const trace = simulate(scenario);
    return { type: 'result', id, trace, elapsedMs: now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'error', id, message: `The model failed: ${message}` };
  }
}
