/**
 * Ready-made scenarios worth showing someone: the regression test, the fix,
 * what makes the race go away, what the lost allocation leads to, and the
 * race in production without the test's sleeps. Titles fit the select; the
 * summary under it says the rest.
 */
import { defaultScenario, type RaceId, type Scenario } from '../../model';
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
const race = (id: RaceId, patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('nova-test', id), ...patch });

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
  {
    id: 'two-evacuations', title: 'Two evacuations (buggy)', scenario: test({ evacuees: 2 }),
    summary: 'inst-A and inst-C are evacuated one API call apart; the same periodic run frees both VFs.',
  },
  {
    id: 'two-evacuations-second-lost', title: 'Two evacuations, C lost', scenario: test({ evacuees: 2, spawn: 10, dropDelay: 0 }),
    summary: "inst-A's host save lands just before host2's instance read, inst-C's (one API call later) just after: only inst-C loses its VF.",
  },
  {
    id: 'confirm-nova-test', title: 'The Nova test (buggy)', scenario: race('1879878-confirm'),
    summary: "The periodic runs between the 'confirmed' save and drop_move_claim: host1 ends at -1 vCPU.",
  },
  { id: 'confirm-fixed', title: 'The Nova test, fixed', scenario: race('1879878-confirm', { fix: true }), summary: 'drop_move_claim_at_source holds the lock: the periodic waits and host1 ends at 0.' },
  {
    id: 'confirm-second-periodic', title: 'A second periodic restores', scenario: race('1879878-confirm', { periodicRuns: 2 }),
    summary: 'Wrong when the confirm finished; the next _run_periodics() rebuilds host1 to 0: the race is transient.',
  },
  { id: 'confirm-periodic-late', title: 'Periodic after the drop', scenario: race('1879878-confirm', { periodicAt: 2000 }), summary: 'The periodic comes after drop_move_claim: nothing to race with, host1 0.' },
  {
    id: 'revert-nova-test', title: 'The Nova test (buggy)', scenario: race('1879878-revert'),
    summary: "The periodic runs after 'reverted', before drop_move_claim (no flavor): host1 0, host2 1.",
  },
  {
    id: 'revert-fixed', title: 'Fixed: a window is left', scenario: race('1879878-revert', { fix: true }),
    summary: 'drop_move_claim_at_dest holds the lock, but the periodic then runs before host1 takes the server back: host1 0.',
  },
  {
    id: 'revert-second-periodic', title: 'A second periodic restores', scenario: race('1879878-revert', { periodicRuns: 2 }),
    summary: 'Wrong when the revert finished; the next _run_periodics() rebuilds host1 1, host2 0.',
  },
  {
    id: 'revert-periodic-early', title: 'Periodic before the drop', scenario: race('1879878-revert', { periodicAt: 0 }),
    summary: 'A periodic while the revert is still in the API: host2 then tracks the instance, and the drop subtracts nothing.',
  },
  { id: 'unshelve-nova-test', title: 'The Nova test (buggy)', scenario: race('2025480'), summary: 'The periodic runs during driver.spawn: SHELVED_OFFLOADED is left out, compute1 counts 0.' },
  { id: 'unshelve-fixed', title: 'The Nova test, fixed', scenario: race('2025480', { fix: true }), summary: 'allow_resource_removal keeps the spawning server counted: compute1 1.' },
  {
    id: 'unshelve-second-periodic', title: 'A second periodic restores', scenario: race('2025480', { periodicRuns: 2 }),
    summary: 'Wrong when the unshelve finished; the next _run_periodics() counts the ACTIVE server: 1.',
  },
  { id: 'unshelve-short-spawn', title: 'Spawn before the periodic', scenario: race('2025480', { spawn: 100 }), summary: 'The guest is ACTIVE before the periodic runs: nothing to race with.' },
];

/** The examples of one race, in the order the picker lists them. */
export function examplesOf(raceId: RaceId): Example[] {
  return EXAMPLES.filter((e) => e.scenario.race === raceId);
}

/** The example the scenario is, if any. */
export function matchingExample(scenario: Scenario): Example | undefined {
  const query = scenarioToQuery(scenario, null);
  return EXAMPLES.find((e) => scenarioToQuery(e.scenario, null) === query);
}
