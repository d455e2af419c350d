/**
 * The boundary to the schedule explorer's worker: one exploration at a time
 * for a scenario, the buggy and the fixed code one after the other, with
 * progress as it goes. Cancelling is terminating the worker.
 */
import type { Scenario } from '../model';
import type { ScenarioExploration } from '../model/explore/scenario-explorer';

export type Variant = 'buggy' | 'fixed';

export interface ExploreRequest {
  readonly type: 'explore';
  readonly id: number;
  readonly scenario: Scenario;
  /** Stop each variant after this many schedules... */
  readonly maxSchedules: number;
  /** ...or after this many seconds. */
  readonly seconds: number;
}

export type ExploreResponse =
  | { readonly type: 'progress'; readonly id: number; readonly variant: Variant; readonly schedules: number }
  | { readonly type: 'variant-done'; readonly id: number; readonly variant: Variant; readonly result: ScenarioExploration; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
