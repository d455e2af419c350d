/**
 * Mazurkiewicz traces of a run: its happens-before order, the number of
 * interleavings that only reorder its independent transitions (the trace's
 * size, which the explorer adds up to give an exact reduction factor), and
 * an estimate of how many schedules a full exploration would run, without
 * running it.
 *
 * Both counts are Knuth's estimator of the size of a tree (Knuth, "Estimating
 * the efficiency of backtrack programs", 1975): a random walk from the root
 * picks one of the `b` ready threads at each node, uniformly; the product of
 * the `b`s along the walk is an unbiased estimate of the number of leaves,
 * that is of every interleaving (what `reduction: 'none'` runs). Weighting
 * each walk by one over the size of its Mazurkiewicz trace (the number of
 * interleavings that only reorder its independent transitions) gives an
 * unbiased estimate of the number of traces, which is what DPOR with sleep
 * sets runs: one schedule per trace (`estimate.test.ts` checks that on
 * scenarios small enough to enumerate).
 *
 * The size of a trace is the number of linear extensions of its
 * happens-before order, counted exactly by dynamic programming over its
 * downward-closed sets (a vector of how far each thread has got). The
 * estimates are unbiased but heavy-tailed: the standard error is given, and
 * it can understate the error when a rare, very heavy walk has not been drawn
 * (on the bigger scenario 100,000 walks gave 6.9 million traces for
 * 12.8 million). So they are a cross-check in the benchmark, never a number
 * the app shows.
 */
import { runEngine } from '../engine/engine';
import type { EngineLimits } from '../engine/limits';
import { OutcomeRecorder } from '../engine/recorder';
import { createRng } from '../engine/rng';
import { untimedScheduler } from '../engine/scheduler';
import type { ActorSpec, Footprint } from '../engine/types';
import { dependent } from '../footprint';
import type { World } from '../types';

/** One transition of a run, as the explorer sees it. */
export interface Transition {
  readonly thread: number;
  readonly footprint: Footprint;
  /** The transition (by position) that made this one's thread ready, when another thread's. */
  readonly enabledBy: number | null;
}

export interface RunConfig {
  readonly world: World;
  /** Fresh threads for every run, in their fixed order (a thread's id is its position). */
  readonly actors: () => readonly ActorSpec[];
  readonly limits: EngineLimits;
}

/** An estimated count: the mean of the probes and its standard error. */
export interface Estimate {
  readonly mean: number;
  readonly standardError: number;
}

export interface ScheduleEstimate {
  readonly probes: number;
  /** Every interleaving: the schedules an exploration without reduction runs. */
  readonly interleavings: Estimate;
  /** Mazurkiewicz traces: the schedules DPOR runs. */
  readonly traces: Estimate;
}

/**
 * For each transition, how many transitions of each thread happen before it
 * (itself included for its own thread): program order, the transition that
 * enabled it, and every earlier transition it depends on, transitively.
 */
export function happensBefore(transitions: readonly Transition[], threadCount: number): Int32Array[] {
  const seen = new Int32Array(threadCount);
  const clocks: Int32Array[] = [];
  transitions.forEach((t, k) => {
    const clock = new Int32Array(threadCount);
    // Latest first: an earlier transition already ordered before this one through a later one needs no check.
    for (let j = k - 1; j >= 0; j--) {
      const earlier = transitions[j]!;
      const before = clocks[j]!;
      if (clock[earlier.thread]! >= before[earlier.thread]!) continue;
      if (earlier.thread !== t.thread && j !== t.enabledBy && !dependent(earlier.footprint, t.footprint)) continue;
      for (let u = 0; u < threadCount; u++) if (before[u]! > clock[u]!) clock[u] = before[u]!;
    }
    clock[t.thread] = ++seen[t.thread]!;
    clocks.push(clock);
  });
  return clocks;
}

/**
 * How many interleavings reorder only independent transitions of this run:
 * the linear extensions of its happens-before order.
 */
export function traceSize(transitions: readonly Transition[], threadCount: number): number {
  const clocks = happensBefore(transitions, threadCount);
  const byThread: number[][] = Array.from({ length: threadCount }, () => []);
  transitions.forEach((t, k) => byThread[t.thread]!.push(k));
  const lengths = byThread.map((ks) => ks.length);
  const done = new Int32Array(threadCount);
  // A downward-closed set is a vector of how far each thread got: a mixed-radix number indexes it.
  const radix = new Int32Array(threadCount);
  let states = 1;
  for (let u = threadCount - 1; u >= 0; u--) {
    radix[u] = states;
    states *= lengths[u]! + 1;
  }
  // Counted so far, by state (NaN: not yet); a table while it fits in a few MB, else a map.
  const table = states <= 1 << 22 ? new Float64Array(states).fill(Number.NaN) : null;
  const memo = table ? null : new Map<number, number>();
  let key = 0;
  const count = (placed: number): number => {
    if (placed === transitions.length) return 1;
    const k = key;
    const known = table ? table[k]! : memo!.get(k);
    if (known !== undefined && !Number.isNaN(known)) return known;
    let total = 0;
    for (let t = 0; t < threadCount; t++) {
      if (done[t]! >= lengths[t]!) continue;
      const clock = clocks[byThread[t]![done[t]!]!]!;
      let ready = true;
      for (let u = 0; u < threadCount && ready; u++) if (u !== t && clock[u]! > done[u]!) ready = false;
      if (!ready) continue;
      done[t]!++;
      key += radix[t]!;
      total += count(placed + 1);
      key -= radix[t]!;
      done[t]!--;
    }
    if (table) table[k] = total;
    else memo!.set(k, total);
    return total;
  };
  return count(0);
}

/** Run once, each ready thread taken by `choose`; what ran, and how many threads were ready at each choice. */
export function recordRun(config: RunConfig, choose: (threads: readonly number[]) => number): { transitions: Transition[]; branching: number[] } {
  const transitions: Transition[] = [];
  const branching: number[] = [];
  runEngine({
    world: config.world,
    actors: config.actors(),
    jitter: 0,
    seed: 0,
    limits: config.limits,
    recorder: new OutcomeRecorder(),
    scheduler: untimedScheduler((threads) => {
      branching.push(threads.length);
      return choose(threads);
    }),
    onTransition: (thread, footprint, enabledBy) => void transitions.push({ thread, footprint, enabledBy }),
  });
  return { transitions, branching };
}

function estimateOf(sum: number, sumSquares: number, n: number): Estimate {
  const mean = sum / n;
  const variance = Math.max(0, sumSquares / n - mean * mean);
  return { mean, standardError: Math.sqrt(variance / Math.max(1, n - 1)) };
}

/**
 * Estimate the interleavings and the Mazurkiewicz traces of `config`'s threads
 * from `probes` random walks (seeded: the same seed gives the same estimate).
 *
 * @example estimateSchedules({ world, actors, limits }, 10_000, 1).traces.mean
 */
export function estimateSchedules(config: RunConfig, probes: number, seed: number): ScheduleEstimate {
  const threadCount = config.actors().length;
  const random = createRng(seed);
  let sumAll = 0;
  let sumAllSquares = 0;
  let sumTraces = 0;
  let sumTracesSquares = 0;
  for (let p = 0; p < probes; p++) {
    const { transitions, branching } = recordRun(config, (threads) => threads[Math.floor(random() * threads.length)]!);
    let logWeight = 0;
    for (const b of branching) logWeight += Math.log(b);
    const all = Math.exp(logWeight);
    const traces = Math.exp(logWeight - Math.log(traceSize(transitions, threadCount)));
    sumAll += all;
    sumAllSquares += all * all;
    sumTraces += traces;
    sumTracesSquares += traces * traces;
  }
  return { probes, interleavings: estimateOf(sumAll, sumAllSquares, probes), traces: estimateOf(sumTraces, sumTracesSquares, probes) };
}
