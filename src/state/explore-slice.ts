/**
 * The schedule explorer's state: asked for by the Schedules panel, run by
 * `connect-explorer` in a worker of its own, for the buggy and the fixed
 * code of the scenario on screen.
 */
import type { Scenario, ScenarioExploration } from '../model';
import type { Variant } from '../worker/explore-protocol';
import type { SliceCreator } from './store';
import { scenarioToQuery } from '../url/scenario-query';

export type ExploreStatus = 'idle' | 'running' | 'done' | 'error';

export interface VariantResult {
  readonly result: ScenarioExploration;
  readonly elapsedMs: number;
}

export interface Exploration {
  readonly status: ExploreStatus;
  /** The scenario explored (both variants), as its timed link without the fix or a loaded schedule. */
  readonly query: string | null;
  /** Bumped by each request: the connector starts an exploration when it changes. */
  readonly requested: number;
  readonly progress: Readonly<Record<Variant, number>>;
  readonly results: Readonly<Partial<Record<Variant, VariantResult>>>;
  readonly error: string | null;
}

export interface ExploreSlice {
  readonly exploration: Exploration;
  /** Explore every schedule of the scenario on screen. */
  requestExploration(): void;
  cancelExploration(): void;
  receiveExploreProgress(variant: Variant, schedules: number): void;
  receiveExploreResult(variant: Variant, result: VariantResult): void;
  receiveExploreError(message: string): void;
}

/** What an exploration is for: the scenario without the variant (both are explored) or a loaded schedule. */
export function explorationQuery(scenario: Scenario): string {
  return scenarioToQuery({ ...scenario, fix: false, schedule: null }, null);
}

const IDLE: Exploration = { status: 'idle', query: null, requested: 0, progress: { buggy: 0, fixed: 0 }, results: {}, error: null };

export const createExploreSlice: SliceCreator<ExploreSlice> = (set, get) => ({
  exploration: IDLE,
  requestExploration() {
    const query = explorationQuery(get().scenario);
    set({ exploration: { ...IDLE, status: 'running', query, requested: get().exploration.requested + 1 } });
  },
  cancelExploration() {
    const { exploration } = get();
    if (exploration.status === 'running') set({ exploration: { ...exploration, status: 'idle' } });
  },
  receiveExploreProgress(variant, schedules) {
    const { exploration } = get();
    if (exploration.status !== 'running') return;
    set({ exploration: { ...exploration, progress: { ...exploration.progress, [variant]: schedules } } });
  },
  receiveExploreResult(variant, result) {
    const { exploration } = get();
    if (exploration.status !== 'running') return;
    const results = { ...exploration.results, [variant]: result };
    const done = results.buggy !== undefined && results.fixed !== undefined;
    set({
      exploration: {
        ...exploration,
        results,
        progress: { ...exploration.progress, [variant]: result.result.schedules },
        status: done ? 'done' : 'running',
      },
    });
  },
  receiveExploreError(message) {
    set({ exploration: { ...get().exploration, status: 'error', error: message } });
  },
});
