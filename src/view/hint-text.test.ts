import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { firstVisitHint } from './hint-text';

describe('firstVisitHint', () => {
  it('says what happened and what to drag, and the advice works', () => {
    const scenario = defaultScenario();
    const hint = firstVisitHint(simulate(scenario).verdict.verdict, scenario);
    expect(hint.happened).toMatch(/neither showed inst-A/);
    expect(hint.tryThis).toBe('To make it go away, drag migDelay below dropDelay (1000 ms) or tick fix.');
    // Following it: migDelay just below dropDelay, or the fix, keeps the VF.
    expect(simulate({ ...scenario, migDelay: scenario.dropDelay - 10 }).verdict.verdict).toBe('kept');
    expect(simulate({ ...scenario, fix: true }).verdict.verdict).toBe('kept');
  });

  it('tells a kept run how to see the bug, and an incomplete one how to reach it', () => {
    expect(firstVisitHint('kept', { ...defaultScenario(), fix: true }).tryThis).toMatch(/untick fix/);
    expect(firstVisitHint('kept', { ...defaultScenario(), migDelay: 0 }).tryThis).toMatch(/migDelay above dropDelay \(1000 ms\)/);
    expect(firstVisitHint('incomplete', defaultScenario()).happened).toMatch(/no verdict/);
  });

  it('with a loaded schedule, does not advise dragging delays that no longer count', () => {
    const scenario = { ...defaultScenario(), schedule: [0, 1] };
    expect(firstVisitHint('lost', scenario).tryThis).toMatch(/delays do not count/);
    expect(firstVisitHint('lost', scenario).tryThis).not.toMatch(/drag/);
    expect(firstVisitHint('kept', scenario).happened).toMatch(/In this schedule/);
  });
});
