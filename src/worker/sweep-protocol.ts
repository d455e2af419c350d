/**
 * The typed boundary between the page and the sweep workers (race map,
 * nearest flip, odds). Separate from the simulation worker's protocol: these
 * workers run many small outcome-only simulations, never a trace. Plain data
 * only; every request carries an id and every reply names the id it answers.
 */
import type { Scenario } from '../model';
import type { FlipKey, FlipSearch } from '../sweep/flips';
import type { MapSpec } from '../sweep/map-spec';
import type { OddsTally } from '../sweep/odds';

/** One piece of a sweep, as the pool hands it to a worker. */
export type SweepTask =
  /** Cells `[start, end)` of a race map, row-major from the bottom row. */
  | { readonly type: 'map-cells'; readonly scenario: Scenario; readonly spec: MapSpec; readonly start: number; readonly end: number }
  /** The nearest flip along one key. */
  | { readonly type: 'flip'; readonly scenario: Scenario; readonly key: FlipKey }
  /** Seeded runs `[seedStart, seedEnd)` of a jittered scenario. */
  | { readonly type: 'odds'; readonly scenario: Scenario; readonly seedStart: number; readonly seedEnd: number }
  /** Runs nobody reads, varied by `seed`, so that V8 compiles the model before an input needs it (`warm-up.ts`). */
  | { readonly type: 'warm-up'; readonly scenario: Scenario; readonly seed: number; readonly runs: number };

export type SweepRequest = SweepTask & { readonly id: number };

/** What a task produced. */
export type SweepResult =
  | { readonly type: 'map-cells'; readonly start: number; readonly cells: Uint8Array }
  | { readonly type: 'flip'; readonly search: FlipSearch }
  | { readonly type: 'odds'; readonly tally: OddsTally }
  | { readonly type: 'warm-up'; readonly runs: number };

export type SweepResponse =
  | { readonly type: 'done'; readonly id: number; readonly result: SweepResult; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export function assertNeverSweep(value: never): never {
  throw new Error(`unexpected sweep message ${JSON.stringify(value)}`);
}
