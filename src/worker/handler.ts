/**
 * What the worker does with a request, as plain functions so unit tests run
 * them without a Worker. `now` is injected (the model itself never reads a
 * clock). The handler keeps the last few full traces, so it can answer for
 * the worlds around any of their steps.
 */
import { isScenarioInRange, PRESETS, type Scenario, type Trace } from '../model';
import { raceOf } from '../model/races';
import { ScheduleMismatch, simulate, simulateOutcome } from '../model/simulate';
import type { SimResponse } from './protocol';
import { type EncodedTrace, encodeTrace } from './trace-codec';

function isScenario(value: unknown): value is Scenario {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Scenario>;
  return typeof s.fix === 'boolean' && PRESETS.includes(s.preset as Scenario['preset']) && isScenarioInRange(s as Scenario);
}

const MALFORMED = 'The worker received a scenario that is out of range or malformed.';

function failure(id: number, error: unknown): SimResponse {
  if (error instanceof ScheduleMismatch) {
    return { type: 'error', id, message: `The loaded schedule does not fit this scenario: ${error.message}.`, scheduleMismatch: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', id, message: `The model failed: ${message}` };
}

/** The verdict alone, on the fast path (no trace kept). Never throws. */
export function handlePreview(id: number, scenario: unknown, now: () => number): SimResponse {
  if (!isScenario(scenario)) return { type: 'error', id, message: MALFORMED };
  const started = now();
  try {
    const verdict = raceOf(scenario).withReason(simulateOutcome(scenario));
    return { type: 'preview', id, verdict, elapsedMs: now() - started };
  } catch (error) {
    return failure(id, error);
  }
}

export interface SimHandler {
  /** Simulate and encode; the reply comes with the buffers to transfer. Never throws. */
  simulate(id: number, scenario: unknown, now: () => number): { reply: SimResponse; transfer: ArrayBuffer[] };
  /** The worlds around a step of a trace simulated here. Never throws. */
  worlds(id: number, traceId: number, step: number): SimResponse;
}

/** How many traces a worker keeps to answer for: the newest, and a couple it may still be asked about. */
const KEEP_TRACES = 3;

export function createSimHandler(): SimHandler {
  const kept = new Map<number, Trace>();
  return {
    simulate(id, scenario, now) {
      if (!isScenario(scenario)) return { reply: { type: 'error', id, message: MALFORMED }, transfer: [] };
      const started = now();
      let trace: Trace;
      let encoded: { message: EncodedTrace; transfer: ArrayBuffer[] };
      try {
        trace = simulate(scenario);
        encoded = encodeTrace(trace);
      } catch (error) {
        return { reply: failure(id, error), transfer: [] };
      }
      kept.set(id, trace);
      for (const old of kept.keys()) if (kept.size > KEEP_TRACES) kept.delete(old);
      return { reply: { type: 'result', id, trace: encoded.message, elapsedMs: now() - started }, transfer: encoded.transfer };
    },
    worlds(id, traceId, step) {
      const trace = kept.get(traceId);
      if (!trace) return { type: 'error', id, message: `The worker no longer holds trace ${traceId}.` };
      const at = Math.min(Math.max(0, Math.floor(step)), Math.max(0, trace.steps.length - 1));
      const before = trace.states[at];
      const after = trace.states[Math.min(at + 1, trace.states.length - 1)];
      if (!before || !after) return { type: 'error', id, message: `Trace ${traceId} has no step ${step}.` };
      return { type: 'worlds', id, worlds: { step: at, before, after, changes: trace.steps[at]?.changes ?? [] } };
    },
  };
}
