/**
 * Ready-made scenarios worth showing someone: the regression test, the fix,
 * what makes the race go away, and what the lost allocation leads to.
 */
import { defaultScenario, type Scenario } from '../../model';
import { scenarioToQuery } from '../../url/scenario-query';

export interface Example {
  readonly id: string;
  readonly title: string;
  readonly scenario: Scenario;
}

const test = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario(), ...patch });
const production = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('production'), ...patch });

export const EXAMPLES: readonly Example[] = [
  { id: 'nova-test', title: "Nova's regression test (buggy code)", scenario: test() },
  { id: 'nova-test-fixed', title: 'The same test on the fixed code', scenario: test({ fix: true }) },
  { id: 'no-sleeps', title: 'Without the injected sleeps: no race', scenario: test({ migDelay: 0, dropDelay: 0 }) },
  { id: 'short-mig-sleep', title: 'migDelay shorter than the finish: no race', scenario: test({ migDelay: 500 }) },
  { id: 'production', title: 'Production: a periodic between claim and host save', scenario: production() },
  { id: 'two-vms', title: 'A new boot gets the freed VF: one device, two VMs', scenario: test({ bootAt: 6000 }) },
  { id: 'host1-cleanup', title: 'host1 comes back and cleans up (fixed code)', scenario: test({ fix: true, host1UpAt: 8000 }) },
  {
    id: 'host1-mid-evacuation',
    title: 'host1 back mid-evacuation: a different window the fix leaves open',
    scenario: production({ fix: true, spawn: 3000, periodicAt: 1000, host1UpAt: 500 }),
  },
  { id: 'jitter', title: 'Production with seeded jitter, three periodic runs', scenario: production({ jitter: 300, seed: 7, periodicRuns: 3 }) },
];

/** The example the scenario is, if any. */
export function matchingExample(scenario: Scenario): Example | undefined {
  const query = scenarioToQuery(scenario, null);
  return EXAMPLES.find((e) => scenarioToQuery(e.scenario, null) === query);
}
