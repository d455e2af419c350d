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

describe('the first-visit hint of the usage races', () => {
  it('says what went wrong and what to move, in the race’s own terms', () => {
    const confirm = firstVisitHint('lost', { ...defaultScenario('nova-test', '1879878-confirm') });
    expect(confirm.happened).toMatch(/between the 'confirmed' save and drop_move_claim/);
    expect(confirm.tryThis).toMatch(/move periodicAt out of the window \(winDelay, 1000 ms/);
    expect(firstVisitHint('kept', { ...defaultScenario('nova-test', '2025480'), fix: true }).tryThis).toBe('To see the bug, untick fix.');
  });
});
