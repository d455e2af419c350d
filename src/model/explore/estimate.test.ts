/**
 * The schedule estimator: trace sizes counted by hand, DPOR running exactly
 * one schedule per Mazurkiewicz trace (so that the trace estimate is an
 * estimate of what DPOR runs), and the estimates agreeing with complete
 * explorations where those finish.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario';
import { happensBefore, recordRun, type RunConfig, traceSize, type Transition } from './estimate';
import { explore } from './explorer';
import { estimateScenario, runConfigOf } from './scenario-explorer';
import { acquire, program, release, step } from './test-programs';

/** A key that two runs share exactly when they are the same Mazurkiewicz trace. */
function traceKey(transitions: readonly Transition[], threadCount: number): string {
  const clocks = happensBefore(transitions, threadCount);
  const parts = transitions.map((t, k) => ({
    thread: t.thread,
    text: `${t.footprint.reads.join(',')}/${t.footprint.writes.join(',')}@${clocks[k]!.join('.')}`,
  }));
  // Per thread, in program order: each transition's footprint and what happens before it.
  return Array.from({ length: threadCount }, (_, u) => parts.filter((p) => p.thread === u).map((p) => p.text).join(' ')).join(' | ');
}

const first = (threads: readonly number[]): number => threads[0]!;

/** Every complete schedule, each as the transitions it ran. */
function everySchedule(config: RunConfig, reduction: 'dpor' | 'none'): Transition[][] {
  const runs: Transition[][] = [];
  explore({ ...config, reduction, maxSchedules: 1e6 }, (e) => {
    let k = 0;
    runs.push(recordRun(config, () => e.choices[k++]!).transitions);
  });
  return runs;
}

describe('trace sizes', () => {
  it('two threads of two independent steps: one trace of all 6 interleavings', () => {
    const config = program([step('a1', { writes: ['x'] }), step('a2', { writes: ['x'] })], [step('b1', { writes: ['y'] }), step('b2', { writes: ['y'] })]);
    const { transitions, branching } = recordRun(config, first);
    expect(transitions.map((t) => t.thread)).toEqual([0, 0, 1, 1]);
    expect(branching).toEqual([2, 2, 1, 1]);
    expect(traceSize(transitions, 2)).toBe(6);
  });

  it('a write both threads need first: each interleaving its own trace', () => {
    const config = program([step('a1', { writes: ['x'] }), step('a2', { writes: ['x'] })], [step('b1', { writes: ['x'] }), step('b2', { writes: ['x'] })]);
    expect(traceSize(recordRun(config, first).transitions, 2)).toBe(1);
  });

  it('a read before a write, with an independent step each: 3 of the 6 interleavings read first', () => {
    const config = program([step('r', { reads: ['x'] }), step('a', { writes: ['p'] })], [step('w', { writes: ['x'] }), step('b', { writes: ['q'] })]);
    const { transitions } = recordRun(config, first);
    // r happens before w; a and b are free: r a w b, r w a b, r w b a.
    expect(traceSize(transitions, 2)).toBe(3);
    expect([...happensBefore(transitions, 2).map((c) => [...c])]).toEqual([[1, 0], [2, 0], [1, 1], [1, 2]]);
  });
});

describe('DPOR runs one schedule per Mazurkiewicz trace', () => {
  const check = (config: RunConfig) => {
    const threads = config.actors().length;
    const all = everySchedule(config, 'none').map((t) => traceKey(t, threads));
    const reduced = everySchedule(config, 'dpor').map((t) => traceKey(t, threads));
    // No trace twice, and every trace of every interleaving.
    expect(new Set(reduced).size).toBe(reduced.length);
    expect(new Set(reduced)).toEqual(new Set(all));
    // Each trace's size is how many interleavings fall in it.
    const counts = new Map<string, number>();
    for (const key of all) counts.set(key, (counts.get(key) ?? 0) + 1);
    return { all: all.length, traces: reduced.length, counts };
  };

  it('on hand-made programs with a lock', () => {
    const config = program(
      [acquire('L'), step('a', { writes: ['x'] }), release('L'), step('a2', { reads: ['z'] })],
      [acquire('L'), step('b', { writes: ['y'] }), release('L')],
      [step('c1', { writes: ['z'] }), step('c2', { writes: ['x'] })],
    );
    const { all, traces } = check(config);
    expect(traces).toBeLessThan(all);
  });

  it.each([
    ['#1896463, the Nova test', defaultScenario()],
    ['#1879878 confirm', { ...defaultScenario('nova-test', '1879878-confirm') }],
  ] as [string, Scenario][])('on %s, and the trace sizes add up to every interleaving', (_name, scenario) => {
    const config = runConfigOf(scenario);
    const { all, traces, counts } = check(config);
    const threads = config.actors().length;
    let total = 0;
    for (const transitions of everySchedule(config, 'dpor')) {
      const size = traceSize(transitions, threads);
      expect(size).toBe(counts.get(traceKey(transitions, threads)));
      total += size;
    }
    expect(total).toBe(all);
    expect(traces).toBeGreaterThan(1);
  }, 120_000);
});

describe('estimates', () => {
  it('come close to the counts of complete explorations, the same for the same seed', () => {
    // 38,597 interleavings and 87 traces (both explorations complete; see explore-stats and the README).
    const estimate = estimateScenario(defaultScenario(), 4000, 7);
    expect(estimate).toEqual(estimateScenario(defaultScenario(), 4000, 7));
    expect(Math.abs(estimate.interleavings.mean - 38_597)).toBeLessThan(Math.max(0.1 * 38_597, 3 * estimate.interleavings.standardError));
    expect(Math.abs(estimate.traces.mean - 87)).toBeLessThan(Math.max(0.15 * 87, 3 * estimate.traces.standardError));
    expect(estimate.traces.standardError).toBeGreaterThan(0);
  }, 60_000);
});
