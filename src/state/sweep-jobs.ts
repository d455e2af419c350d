/**
 * The three sweeps as jobs for the worker pool: how each is cut into tasks
 * and how its results add up. Each job reports through plain callbacks, so
 * it is tested without a store or a Worker.
 */
import type { Scenario } from '../model';
import { createChunker } from '../sweep/chunker';
import { flipKeysFor, type FlipReport, type FlipSearch, flipReport } from '../sweep/flips';
import type { MapSpec } from '../sweep/map-spec';
import { EMPTY_TALLY, mergeTallies, type OddsTally } from '../sweep/odds';
import type { JobSource } from '../worker/sweep-pool';

/** What a task should take: short enough that a new input is answered within about one of them. */
const TASK_TARGET_MS = 25;

export interface MapJobEvents {
  cells(start: number, cells: Uint8Array): void;
  done(): void;
  error(message: string): void;
}

export interface FlipJobEvents {
  done(report: FlipReport): void;
  error(message: string): void;
}

export interface OddsJobEvents {
  progress(tally: OddsTally): void;
  done(tally: OddsTally): void;
  error(message: string): void;
}

/** A race map: cells in row-major runs from the bottom row, sized to about `TASK_TARGET_MS` each. */
export function mapJob(scenario: Scenario, spec: MapSpec, events: MapJobEvents): JobSource {
  const total = spec.res * spec.res;
  // The first task is small: a cell of a 7,000-step production run takes 30 ms, and it is not timed yet.
  const chunker = createChunker(total, { first: 8, targetMs: TASK_TARGET_MS, max: 8 * spec.res });
  return {
    next() {
      const range = chunker.next();
      if (!range) return null;
      const [start, end] = range;
      return { task: { type: 'map-cells', scenario, spec, start, end }, expectedMs: chunker.expectedMs(end - start) };
    },
    onResult(result, _task, elapsedMs) {
      if (result.type !== 'map-cells') return;
      chunker.observe(result.cells.length, elapsedMs);
      events.cells(result.start, result.cells);
    },
    onDone: () => events.done(),
    onError: (message) => events.error(message),
  };
}

/** The nearest flip: one task per timing key, reported once all are in (a partial answer could name a flip that is not the nearest). */
export function flipJob(scenario: Scenario, events: FlipJobEvents): JobSource {
  const keys = flipKeysFor(scenario.race);
  const searches: FlipSearch[] = [];
  const report = (): FlipReport => flipReport(searches[0]?.from ?? 'kept', searches);
  return {
    next() {
      const key = keys.shift();
      return key ? { task: { type: 'flip', scenario, key }, expectedMs: null } : null;
    },
    onResult(result) {
      if (result.type !== 'flip') return;
      searches.push(result.search);
    },
    onDone: () => events.done(report()),
    onError: (message) => events.error(message),
  };
}

/** Odds: seeds 1..runs in tasks of about `TASK_TARGET_MS`, tallied as they come. */
export function oddsJob(scenario: Scenario, runs: number, events: OddsJobEvents): JobSource {
  const chunker = createChunker(runs, { first: 8, targetMs: TASK_TARGET_MS, max: 2000 });
  let tally = EMPTY_TALLY;
  return {
    next() {
      const range = chunker.next();
      if (!range) return null;
      // Seeds are 1-based: seed 0 is a valid seed, but "seeds 1..N" is what the README promises.
      const [start, end] = range;
      return { task: { type: 'odds', scenario, seedStart: start + 1, seedEnd: end + 1 }, expectedMs: chunker.expectedMs(end - start) };
    },
    onResult(result, _task, elapsedMs) {
      if (result.type !== 'odds') return;
      chunker.observe(result.tally.runs, elapsedMs);
      tally = mergeTallies(tally, result.tally);
      events.progress(tally);
    },
    onDone: () => events.done(tally),
    onError: (message) => events.error(message),
  };
}
