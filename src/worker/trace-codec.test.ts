/**
 * The trace protocol's round trip: what the main thread rebuilds equals what
 * the model produced, step by step and world by world, on random scenarios.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { scenarioArb } from '../model/test-scenarios';
import { simulate } from '../model/simulate';
import { createSimHandler } from './handler';
import { decodeTrace, encodeTrace } from './trace-codec';


describe('the compact trace protocol', () => {
  it('rebuilds the usage races too: their hosts, lanes, step kinds and usage view', () => {
    for (const race of ['1879878-confirm', '1879878-revert', '2025480'] as const) {
      for (const fix of [false, true]) {
        const trace = simulate({ ...defaultScenario('nova-test', race), fix, periodicRuns: 2 });
        const view = decodeTrace(structuredClone(encodeTrace(trace).message));
        expect(view.steps).toEqual(trace.steps.map(({ changes: _changes, ...row }) => row));
        expect(view.race).toEqual(trace.race);
        expect(view.verdict).toEqual(trace.verdict);
        expect(view.steps.some((s) => s.kind === 'usage-saved')).toBe(true);
      }
    }
  });

  it('rebuilds every step, lock span, run and verdict; the worker answers every world', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        const { message } = encodeTrace(trace);
        // postMessage clones: go through the same algorithm.
        const view = decodeTrace(structuredClone(message));
        expect(view.steps).toEqual(trace.steps.map(({ changes: _changes, ...row }) => row));
        expect(view.lockSpans).toEqual(trace.lockSpans);
        expect(view.race).toEqual(trace.race);
        expect(view.verdict).toEqual(trace.verdict);
        expect(view.violations).toEqual(trace.violations);
        expect([view.stopped, view.endTime, view.traceHash]).toEqual([trace.stopped, trace.endTime, trace.traceHash]);
        const handler = createSimHandler();
        handler.simulate(1, scenario, () => 0);
        trace.steps.forEach((step, i) => {
          const reply = handler.worlds(2, 1, i);
          expect(reply.type === 'worlds' && structuredClone(reply.worlds)).toEqual({
            step: i, before: trace.states[i], after: trace.states[i + 1], changes: step.changes,
          });
        });
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('sends steps as transferable buffers, with string ids wide enough for any table', () => {
    const trace = simulate({ ...defaultScenario('production'), periodicRuns: 50, jitter: 900 });
    const { message, transfer } = encodeTrace(trace);
    expect(transfer).toContain(message.times.buffer);
    expect(message.text).toBeInstanceOf(message.strings.length <= 0xffff ? Uint16Array : Uint32Array);
    expect(new Set(message.strings).size).toBe(message.strings.length);
  });

  it('switches to 32-bit string ids past 65,535 strings', () => {
    const base = simulate(defaultScenario());
    const steps = Array.from({ length: 70_000 }, (_, i) => ({ ...base.steps[i % base.steps.length]!, index: i, label: `label ${i}` }));
    const { message } = encodeTrace({ ...base, steps });
    expect(message.text).toBeInstanceOf(Uint32Array);
    const view = decodeTrace(message);
    expect(view.steps[69_999]!.label).toBe('label 69999');
    expect(view.steps[12]!.name).toBe(base.steps[12 % base.steps.length]!.name);
  });
});
