/**
 * Ready-made scenarios worth showing someone: the regression test, the fix,
 * what makes the race go away, what the lost allocation leads to, and the
 * race in production without the test's sleeps. Titles fit the select; the
 * summary under it says the rest.
 */
import { defaultScenario, type Scenario } from '../../model';
import { scenarioToQuery } from '../../url/scenario-query';

export interface Example {
  readonly id: string;
  /** Short enough for the select at every desktop width. */
  readonly title: string;
  /** One or two sentences under the select. */
  readonly summary: string;
  readonly scenario: Scenario;
}

const test = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario(), ...patch });
const production = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('production'), ...patch });

export const EXAMPLES: readonly Example[] = [
  {
    id: 'nova-test', title: 'The Nova test (buggy)', scenario: test(),
    summary: "Nova's regression test on the buggy code: its two sleeps put host2's periodic in the race.",
  },
  { id: 'nova-test-fixed', title: 'The Nova test, fixed', scenario: test({ fix: true }), summary: 'The same test on the fixed code: finish_evacuation runs under the lock.' },
  { id: 'no-sleeps', title: 'No injected sleeps', scenario: test({ migDelay: 0, dropDelay: 0 }), summary: 'Without the test’s sleeps the periodic never lands in the window: no race.' },
  { id: 'short-mig-sleep', title: 'Short migDelay', scenario: test({ migDelay: 500 }), summary: 'migDelay shorter than the evacuation’s finish: snapshot 2 still sees the migration.' },
  {
    id: 'production', title: 'Production, test sleeps', scenario: production(),
    summary: 'One process per host, a periodic between claim and host save; it keeps the test’s injected 1 s / 2 s sleeps.',
  },
  {
    id: 'production-jitter', title: 'Production, jitter only', scenario: production({ dropDelay: 0, migDelay: 0, jitter: 100, seed: 27, periodicRuns: 5 }),
    summary: 'No injected sleeps at all: up to 100 ms of random delay per step (seed 27) is enough to lose the VF.',
  },
  { id: 'two-vms', title: 'New boot gets the freed VF', scenario: test({ bootAt: 6000 }), summary: 'A new server is given the VF inst-A still uses: one device, two VMs.' },
  { id: 'host1-cleanup', title: 'host1 back, cleans up', scenario: test({ fix: true, host1UpAt: 8000 }), summary: 'Fixed code; host1’s nova-compute comes back and cleans up the evacuated instance.' },
  {
    id: 'host1-mid-evacuation', title: 'host1 back mid-evacuation', scenario: production({ fix: true, spawn: 3000, periodicAt: 1000, host1UpAt: 500 }),
    summary: 'host1 returns during the evacuation and marks the migration completed: a different window the fix leaves open.',
  },
  {
    id: 'jitter', title: 'Production, jitter (seed 7)', scenario: production({ jitter: 300, seed: 7, periodicRuns: 3 }),
    summary: 'Production with the test’s sleeps, up to 300 ms of seeded jitter and three periodic runs.',
  },
];

/** The example the scenario is, if any. */
export function matchingExample(scenario: Scenario): Example | undefined {
  const query = scenarioToQuery(scenario, null);
  return EXAMPLES.find((e) => scenarioToQuery(e.scenario, null) === query);
}
