/**
 * Every schedule of a set of threads, by stateless exploration: each
 * schedule is a run of the engine from the start (generators cannot be
 * cloned, so a prefix is replayed), with the engine's untimed scheduler
 * choosing which ready thread takes the next atomic step.
 *
 * With `reduction: 'dpor'`, dynamic partial-order reduction with source sets
 * and sleep sets (Abdulla, Aronis, Jonsson and Sagonas, POPL 2014; after
 * Flanagan and Godefroid, POPL 2005) runs one schedule per Mazurkiewicz
 * trace at most: two schedules that differ only in the order of independent
 * steps are the same trace, and only one is run. Two transitions are
 * dependent when they touch one resource and one of them writes it (their
 * declared footprints, plus the locks they took or released); happens-before
 * is tracked with vector clocks, including the hand-over of a fair lock,
 * which no reordering can undo. With `reduction: 'none'` every interleaving
 * is run, which is how the reduction is checked.
 */
import { runEngine, type EngineResult } from '../engine/engine';
import type { EngineLimits } from '../engine/limits';
import { OutcomeRecorder } from '../engine/recorder';
import { untimedScheduler } from '../engine/scheduler';
import type { ActorSpec, Footprint } from '../engine/types';
import { dependent } from '../footprint';
import type { World } from '../types';
import { traceSize } from './estimate';

export type Reduction = 'dpor' | 'none';

export interface ExploreConfig {
  readonly world: World;
  /** Fresh threads for every run, in their fixed order (a thread's id is its position). */
  readonly actors: () => readonly ActorSpec[];
  readonly limits: EngineLimits;
  readonly reduction: Reduction;
  /** Stop after this many complete schedules. */
  readonly maxSchedules: number;
  /** Asked after every run; `true` stops the exploration (a time budget, a cancel). */
  readonly shouldStop?: () => boolean;
  /** With DPOR: count each schedule's Mazurkiewicz trace (the interleavings it stands for); costs a fraction of a ms each. */
  readonly measureTraces?: boolean;
}

/** One complete schedule and what it ended with. */
export interface Execution {
  /** The thread that took each transition, in order: replaying these choices gives the same run. */
  readonly choices: readonly number[];
  readonly result: EngineResult;
  /** Steps recorded (what a timeline of this schedule shows). */
  readonly steps: number;
  /** How often consecutive transitions belong to different threads. */
  readonly contextSwitches: number;
  /** The interleavings this schedule stands for (its trace's size): with `measureTraces`, else 1. */
  readonly interleavings: number;
}

export interface ExploreStats {
  /** Complete schedules run. */
  readonly schedules: number;
  /** Runs cut short because every ready thread was asleep (an equivalent schedule was run already). */
  readonly redundant: number;
  /** Every schedule was covered (no budget cut it short). */
  readonly complete: boolean;
}

interface Node {
  /** Threads ready at this state. */
  readonly enabled: readonly number[];
  /** Threads that must still be tried here. */
  readonly backtrack: Set<number>;
  /** Threads tried here. */
  readonly done: Set<number>;
  /** Threads that need not be tried here, with the footprint of their next transition. */
  readonly sleep: Map<number, Footprint>;
  chosen: number;
  /** What the chosen transition touched, who made it ready, and its vector clock (set when it runs). */
  footprint: Footprint;
  enabledBy: number | null;
  clock: Int32Array;
}

const EMPTY: Footprint = { reads: [], writes: [] };

function join(into: Int32Array, from: Int32Array): void {
  for (let t = 0; t < into.length; t++) if (from[t]! > into[t]!) into[t] = from[t]!;
}

/**
 * Explore the schedules of `config.actors`, calling `visit` for each complete one.
 *
 * @example explore({ world, actors, limits, reduction: 'dpor', maxSchedules: 1e6 }, (e) => outcomes.add(key(e)))
 */
export function explore(config: ExploreConfig, visit: (execution: Execution) => void): ExploreStats {
  const threadCount = config.actors().length;
  const dpor = config.reduction === 'dpor';
  const stack: Node[] = [];
  let schedules = 0;
  let redundant = 0;
  /** Positions before this were run before: their races are known. */
  let firstNew = 0;

  const childSleep = (depth: number): Map<number, Footprint> => {
    const parent = stack[depth - 1];
    const sleep = new Map<number, Footprint>();
    if (!dpor || !parent) return sleep;
    for (const [thread, footprint] of parent.sleep) {
      if (thread !== parent.chosen && !dependent(footprint, parent.footprint)) sleep.set(thread, footprint);
    }
    return sleep;
  };

  const newNode = (depth: number, threads: readonly number[]): Node | null => {
    const sleep = childSleep(depth);
    const awake = threads.filter((t) => !sleep.has(t));
    if (awake.length === 0) return null;
    // Keep running the thread that ran last when it can: fewer context switches in what is shown.
    const previous = stack[depth - 1]?.chosen;
    const chosen = previous !== undefined && awake.includes(previous) ? previous : awake[0]!;
    return {
      enabled: threads,
      backtrack: new Set(dpor ? [chosen] : threads),
      done: new Set([chosen]),
      sleep,
      chosen,
      footprint: EMPTY,
      enabledBy: null,
      clock: new Int32Array(threadCount),
    };
  };

  /** Does the transition at `a` happen before the one at `b` (both run, `a < b`)? */
  const happensBefore = (a: number, b: number): boolean => stack[b]!.clock[stack[a]!.chosen]! >= a + 1;

  /**
   * Source-DPOR (Abdulla et al., POPL 2014): for every earlier transition
   * `e` the new one races with (dependent, another thread, and ordered
   * only by that dependence), some thread that can start the reversal
   * must be tried just before `e`. The candidates are the initials of
   * "what ran after `e` without depending on it, then the new transition":
   * threads whose first transition there waits for nothing else there.
   */
  const detectRaces = (position: number): void => {
    const node = stack[position]!;
    const thread = node.chosen;
    const past = new Int32Array(threadCount);
    for (let j = position - 1; j >= 0; j--) {
      if (stack[j]!.chosen === thread) {
        join(past, stack[j]!.clock);
        break;
      }
    }
    if (node.enabledBy !== null) join(past, stack[node.enabledBy]!.clock);
    const candidates: number[] = [];
    for (let j = position - 1; j >= 0; j--) {
      const other = stack[j]!;
      if (other.chosen === thread || past[other.chosen]! >= j + 1) continue;
      if (dependent(other.footprint, node.footprint)) candidates.push(j);
    }
    for (const e of candidates) {
      // A race only when no later candidate already follows `e`: then `e` is ordered before us through it.
      if (candidates.some((later) => later > e && happensBefore(e, later))) continue;
      const before = stack[e]!;
      const initials = initialsAfter(e, position);
      if (initials.some((t) => before.backtrack.has(t))) continue;
      before.backtrack.add(initials.includes(thread) ? thread : initials[0]!);
    }
  };

  /** The initials of notdep(e).new: threads whose first transition there depends on nothing before it there. */
  const initialsAfter = (e: number, position: number): number[] => {
    const v: number[] = [];
    for (let k = e + 1; k < position; k++) if (!happensBefore(e, k)) v.push(k);
    v.push(position);
    const initials: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < v.length; i++) {
      const k = v[i]!;
      const t = stack[k]!.chosen;
      if (seen.has(t)) continue;
      seen.add(t);
      let waits = false;
      for (let m = 0; m < i && !waits; m++) waits = happensBefore(v[m]!, k);
      if (!waits) initials.push(t);
    }
    return initials;
  };

  /** The vector clock of the transition at `position`: its thread's past, its enabler's, and every earlier dependent one. */
  const stampClock = (position: number): void => {
    const node = stack[position]!;
    const clock = node.clock;
    clock.fill(0);
    for (let j = position - 1; j >= 0; j--) {
      const other = stack[j]!;
      if (other.chosen === node.chosen || j === node.enabledBy || dependent(other.footprint, node.footprint)) join(clock, other.clock);
    }
    clock[node.chosen] = position + 1;
  };

  for (;;) {
    let depth = 0;
    let blocked = false;
    const recorder = new OutcomeRecorder();
    const result = runEngine({
      world: config.world,
      actors: config.actors(),
      jitter: 0,
      seed: 0,
      limits: config.limits,
      recorder,
      scheduler: untimedScheduler((threads) => {
        if (depth < stack.length) {
          const chosen = stack[depth]!.chosen;
          if (!threads.includes(chosen)) throw new Error(`schedule replay diverged at transition ${depth}`);
          return chosen;
        }
        const node = newNode(depth, threads);
        if (!node) {
          blocked = true;
          return null;
        }
        stack.push(node);
        return node.chosen;
      }),
      onTransition: (thread, footprint, enabledBy) => {
        const node = stack[depth]!;
        if (node.chosen !== thread) throw new Error(`schedule replay diverged at transition ${depth}`);
        // A replayed transition is the same as before: its clock and races are known.
        if (depth >= firstNew) {
          node.footprint = footprint;
          node.enabledBy = enabledBy;
          if (dpor) {
            stampClock(depth);
            detectRaces(depth);
          }
        }
        depth++;
      },
    });
    if (blocked) redundant++;
    else {
      schedules++;
      const choices = stack.slice(0, depth).map((n) => n.chosen);
      let contextSwitches = 0;
      for (let i = 1; i < choices.length; i++) if (choices[i] !== choices[i - 1]) contextSwitches++;
      const interleavings = dpor && config.measureTraces
        ? traceSize(stack.slice(0, depth).map((n) => ({ thread: n.chosen, footprint: n.footprint, enabledBy: n.enabledBy })), threadCount)
        : 1;
      visit({ choices, result, steps: recorder.size, contextSwitches, interleavings });
    }
    // The run may end before the last node's transition (a model limit): drop what did not run.
    stack.length = Math.min(stack.length, depth);
    // Backtrack: the deepest node with a thread still to try.
    let next = -1;
    while (stack.length > 0) {
      const node = stack[stack.length - 1]!;
      if (dpor) node.sleep.set(node.chosen, node.footprint);
      const candidate = [...node.backtrack].find((t) => !node.done.has(t) && !node.sleep.has(t));
      if (candidate !== undefined) {
        node.done.add(candidate);
        node.chosen = candidate;
        next = stack.length - 1;
        break;
      }
      stack.pop();
    }
    if (next < 0) return { schedules, redundant, complete: true };
    firstNew = next;
    if (schedules >= config.maxSchedules || config.shouldStop?.()) return { schedules, redundant, complete: false };
  }
}
