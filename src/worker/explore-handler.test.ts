import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { handleExplore } from './explore-handler';
import type { ExploreResponse } from './explore-protocol';

describe("the explorer's worker", () => {
  it('explores the buggy then the fixed code, each within the budget, and says which one the budget cut short', () => {
    const replies: ExploreResponse[] = [];
    let t = 0;
    handleExplore({ type: 'explore', id: 3, scenario: defaultScenario(), maxSchedules: 50, seconds: 60 }, () => (t += 1), (r) => replies.push(r));
    const done = replies.filter((r) => r.type === 'variant-done');
    expect(done.map((r) => [r.variant, r.result.schedules, r.result.complete])).toEqual([
      ['buggy', 50, false],
      ['fixed', 33, true],
    ]);
    expect(replies.filter((r) => r.type === 'progress')).toEqual([]); // fewer than 256 schedules: no progress message
  });

  it('refuses a malformed scenario with a message', () => {
    const replies: ExploreResponse[] = [];
    handleExplore({ type: 'explore', id: 1, scenario: { nonsense: true } as never, maxSchedules: 5, seconds: 1 }, () => 0, (r) => replies.push(r));
    expect(replies).toEqual([{ type: 'error', id: 1, message: 'The explorer received a scenario that is out of range or malformed.' }]);
  });
});
