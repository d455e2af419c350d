import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate, simulateVerdict } from '../model/simulate';
import { partialTrace } from '../worker/handler';
import { PARTIAL_TRACE_STEPS, partialUntil } from './connect-simulation';
import { relocateCursor } from './cursor';
import { selectIsIdle } from './selectors';
import { createAppStore } from './store';

const big = (migDelay: number) => ({ ...defaultScenario('production'), periodicRuns: 1000, period: 1000, migDelay });
const partOf = (scenario: ReturnType<typeof big>, until: number) => partialTrace(scenario, until, simulateVerdict(scenario));

describe('partialUntil', () => {
  it('sends a small trace whole', () => {
    const store = createAppStore();
    store.getState().receiveTrace(simulate(defaultScenario()), defaultScenario(), 0, 1);
    expect(partialUntil(store.getState())).toBeUndefined();
  });

  it('asks for the view of a big trace, and some room past it, first', () => {
    const store = createAppStore();
    const trace = simulate(big(2000));
    expect(trace.steps.length).toBeGreaterThan(PARTIAL_TRACE_STEPS);
    store.getState().receiveTrace(trace, big(2000), 0, 1);
    // It opens framed on the race, a few seconds of a 2-hour trace.
    const until = partialUntil(store.getState())!;
    expect(until).toBeGreaterThan(2000);
    expect(until).toBeLessThan(10_000);
    store.getState().setTimeDomain([100_000, 200_000]);
    expect(partialUntil(store.getState())).toBe(250_000);
    // Most of the trace on screen: the whole trace at once.
    store.getState().setTimeDomain([0, trace.endTime * 0.9]);
    expect(partialUntil(store.getState())).toBeUndefined();
  });

  it('counts a partial trace on screen as the whole trace it is part of', () => {
    const store = createAppStore();
    const { trace, partial } = partOf(big(2000), 4000);
    store.getState().receiveTrace(trace, big(2000), 0, 1, partial);
    expect(trace.steps.length).toBeLessThan(PARTIAL_TRACE_STEPS);
    expect(partialUntil(store.getState())).toBeDefined();
  });
});

describe('a partial trace in the store', () => {
  it('is shown, with the whole run\'s verdict, but the run is not idle until the whole trace comes', () => {
    const store = createAppStore();
    store.getState().receiveTrace(simulate(big(2000)), big(2000), 0, 1);
    store.getState().loadScenario(big(1500), 'replace');
    const shown = store.getState().scenario;
    const { trace, partial } = partOf(big(1500), 4000);
    store.getState().receiveTrace(trace, shown, 0, 2, partial);
    expect(store.getState().tracePartial).toEqual(partial);
    expect(store.getState().trace!.verdict).toEqual(simulate(big(1500)).verdict);
    expect(store.getState().runStatus).toBe('running');
    expect(selectIsIdle(store.getState())).toBe(false);
    store.getState().receiveTrace(simulate(big(1500)), shown, 0, 2, null);
    expect(store.getState().tracePartial).toBeNull();
    expect(selectIsIdle(store.getState())).toBe(true);
  });

  it('keeps the view: its extent is the whole trace\'s', () => {
    const store = createAppStore();
    store.getState().receiveTrace(simulate(big(2000)), big(2000), 0, 1);
    store.getState().setTimeDomain([1000, 3000]);
    const { trace, partial } = partOf(big(1900), 6000);
    store.getState().receiveTrace(trace, big(1900), 0, 2, partial);
    expect(store.getState().timeDomain).toEqual([1000, 3000]);
  });

  it('carries the cursor from the whole trace before to the whole trace after, through partial ones', () => {
    const store = createAppStore();
    const before = simulate(big(2000));
    store.getState().receiveTrace(before, big(2000), 0, 1);
    // A step far past the part on screen.
    store.getState().setCursor(5000);
    for (const [id, migDelay] of [[2, 1990], [3, 1980]] as const) {
      const { trace, partial } = partOf(big(migDelay), 4000);
      store.getState().receiveTrace(trace, big(migDelay), 0, id, partial);
      // Not in the partial trace: its last step stands in for it.
      expect(store.getState().cursor).toBe(trace.steps.length - 1);
    }
    const after = simulate(big(1980));
    store.getState().receiveTrace(after, big(1980), 0, 3, null);
    // As if the partial traces had not been there.
    expect(store.getState().cursor).toBe(relocateCursor(before, 5000, after));
    expect(store.getState().cursor).toBeGreaterThan(4000);
  });

  it('follows the user: a step chosen on a partial trace is the one carried to the whole trace', () => {
    const store = createAppStore();
    store.getState().receiveTrace(simulate(big(2000)), big(2000), 0, 1);
    const { trace, partial } = partOf(big(1990), 4000);
    store.getState().receiveTrace(trace, big(1990), 0, 2, partial);
    store.getState().setCursor(3);
    store.getState().receiveTrace(simulate(big(1990)), big(1990), 0, 2, null);
    expect(store.getState().cursor).toBe(3);
  });
});
