/**
 * What the explorer's worker does, as a plain function so unit tests run it
 * without a Worker: explore the scenario's buggy code, then its fixed code,
 * each within the budget, reporting as it goes. `now` is injected.
 */
import { isScenarioInRange, type Scenario } from '../model';
import { exploreScenario } from '../model/explore/scenario-explorer';
import type { ExploreRequest, ExploreResponse, Variant } from './explore-protocol';

export const VARIANTS: readonly Variant[] = ['buggy', 'fixed'];

export function handleExplore(request: ExploreRequest, now: () => number, post: (reply: ExploreResponse) => void): void {
  const { id, scenario } = request;
  if (typeof scenario !== 'object' || scenario === null || !isScenarioInRange(scenario)) {
    post({ type: 'error', id, message: 'The explorer received a scenario that is out of range or malformed.' });
    return;
  }
  for (const variant of VARIANTS) {
    const explored: Scenario = { ...scenario, fix: variant === 'fixed', schedule: null };
    const started = now();
    const deadline = started + request.seconds * 1000;
    try {
      const result = exploreScenario(explored, {
        reduction: 'dpor',
        maxSchedules: request.maxSchedules,
        shouldStop: () => now() > deadline,
        onProgress: (schedules) => post({ type: 'progress', id, variant, schedules }),
      });
      post({ type: 'variant-done', id, variant, result, elapsedMs: now() - started });
    } catch (error) {
      post({ type: 'error', id, message: `The explorer failed: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
  }
}
