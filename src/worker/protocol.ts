/**
 * The typed boundary between the page and the simulation worker. Plain data
 * only; every request carries an id and every reply names the id it answers.
 */
import type { Scenario, StepWorlds, Verdict } from '../model';
import type { EncodedTrace } from './trace-codec';

export type SimRequest =
  /**
   * Simulate a scenario. A newer `simulate` makes older queued ones moot.
   * `until` (virtual ms): the screen shows a big trace only up to about
   * there, so the steps up to it are sent first, as a partial trace.
   */
  | { readonly type: 'simulate'; readonly id: number; readonly scenario: Scenario; readonly until?: number }
  /** Drop a queued request that has not started yet. */
  | { readonly type: 'cancel'; readonly id: number }
  /** The worlds around step `step` of the trace that `simulate` request `trace` produced. */
  | { readonly type: 'worlds'; readonly id: number; readonly trace: number; readonly step: number }
  /** Make the worker die (an uncaught error), to exercise recovery. */
  | { readonly type: 'crash'; readonly id: number };

export type SimResponse =
  /** The verdict first (the fast path), while the full trace is being simulated. */
  | { readonly type: 'preview'; readonly id: number; readonly verdict: Verdict; readonly elapsedMs: number }
  /** A trace; with `partial`, only its steps up to `partial.until` (the whole trace follows unless a newer request came). */
  | { readonly type: 'result'; readonly id: number; readonly trace: EncodedTrace; readonly elapsedMs: number; readonly partial?: PartialTrace }
  | { readonly type: 'worlds'; readonly id: number; readonly worlds: StepWorlds }
  /** `scheduleMismatch`: the scenario's schedule does not fit it (the timed run is what to show instead). */
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly scheduleMismatch?: boolean };

/** A partial trace: how far it reaches, and the whole trace's size (from the fast path). */
export interface PartialTrace {
  /** Steps that end after this (virtual ms) are not in it yet. */
  readonly until: number;
  /** Steps of the whole trace. */
  readonly steps: number;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}
