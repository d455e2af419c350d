/**
 * The typed boundary between the page and the simulation worker. Plain data
 * only; every request carries an id and every reply names the id it answers.
 */
import type { Scenario } from '../model/scenario';
import type { Trace } from '../model/types';

export type SimRequest =
  /** Simulate a scenario. A newer `simulate` makes older queued ones moot. */
  | { readonly type: 'simulate'; readonly id: number; readonly scenario: Scenario }
  /** Drop a queued request that has not started yet. */
  | { readonly type: 'cancel'; readonly id: number }
  /** Make the worker die (an uncaught error), to exercise recovery. */
  | { readonly type: 'crash'; readonly id: number };

export type SimResponse =
  | { readonly type: 'result'; readonly id: number; readonly trace: Trace; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export function assertNever(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}
