/**
 * What the worker does with a request, as plain functions so unit tests run
 * them without a Worker. `now` is injected (the model itself never reads a
 * clock). The handler keeps the last few full traces, so it can answer for
 * the worlds around any of their steps.
 */
import { isScenarioInRange, PRESETS, type Scenario, type Trace, type Verdict } from '../model';
import { MODEL_LIMITS } from '../model/engine/limits';
import { raceOf } from '../model/races';
import { ScheduleMismatch, simulate, simulateOutcome } from '../model/simulate';
import type { PartialTrace, SimResponse } from './protocol';
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

/**
 * The first steps of `scenario`, those that end by `until` (the model runs
 * its events up to then), shaped like the whole trace: its verdict, stop
 * and end time are the whole run's (`verdict`, from the fast path), and a
 * lock still held at `until` is drawn up to there.
 * `partial` is null when the steps up to `until` are the whole trace.
 *
 * @example partialTrace(scenario, 5000, raceOf(scenario).withReason(simulateOutcome(scenario))).partial // { until: 5000, steps: 7010 }
 */
export function partialTrace(scenario: Scenario, until: number, verdict: Verdict): { trace: Trace; partial: PartialTrace | null } {
  const head = simulate(scenario, { ...MODEL_LIMITS, maxTime: Math.max(0, Math.min(until, MODEL_LIMITS.maxTime)) });
  if (head.steps.length >= verdict.steps) return { trace: head, partial: null };
  const lockSpans = head.lockSpans.map((span) => (span.releasedAt === null ? { ...span, releasedAt: Math.max(span.acquiredAt, head.endTime) } : span));
  const trace: Trace = { ...head, lockSpans, verdict, stopped: verdict.stopped, endTime: verdict.endTime };
  return { trace, partial: { until, steps: verdict.steps } };
}

export interface SimHandler {
  /** Simulate and encode; the reply comes with the buffers to transfer. Never throws. */
  simulate(id: number, scenario: unknown, now: () => number): { reply: SimResponse; transfer: ArrayBuffer[] };
  /** The steps up to `until` only (see `partialTrace`), for a preview already answered with `verdict`. Never throws. */
  partial(id: number, scenario: unknown, until: number, verdict: Verdict, now: () => number): { reply: SimResponse; transfer: ArrayBuffer[] };
  /** The worlds around a step of a trace simulated here. Never throws. */
  worlds(id: number, traceId: number, step: number): SimResponse;
}

/** How many traces a worker keeps to answer for: the newest, and a couple it may still be asked about. */
const KEEP_TRACES = 3;

export function createSimHandler(): SimHandler {
  const kept = new Map<number, Trace>();
  const keep = (id: number, trace: Trace): void => {
    kept.delete(id);
    kept.set(id, trace);
    for (const old of kept.keys()) if (kept.size > KEEP_TRACES) kept.delete(old);
  };
  return {
    partial(id, scenario, until, verdict, now) {
      if (!isScenario(scenario)) return { reply: { type: 'error', id, message: MALFORMED }, transfer: [] };
      const started = now();
      try {
        const { trace, partial } = partialTrace(scenario, until, verdict);
        const encoded = encodeTrace(trace);
        keep(id, trace);
        const reply: SimResponse = { type: 'result', id, trace: encoded.message, elapsedMs: now() - started, ...(partial ? { partial } : {}) };
        return { reply, transfer: encoded.transfer };
      } catch (error) {
        return { reply: failure(id, error), transfer: [] };
      }
    },
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
      keep(id, trace);
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
