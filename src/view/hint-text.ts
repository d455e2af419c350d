/**
 * What the first visit says under the verdict: what happened, and what to
 * drag to make it go away (or come back), in two sentences; and plain
 * definitions of the words the screen uses (S1/S2, the Nova test's counts).
 */
import type { Scenario } from '../model';
import type { VerdictValue } from '../model';

export interface Hint {
  readonly happened: string;
  readonly tryThis: string;
}

/**
 * @example firstVisitHint('lost', defaultScenario()).tryThis // 'To make it go away, drag migDelay below dropDelay (1000 ms) or tick fix.'
 */
export function firstVisitHint(outcome: VerdictValue, scenario: Scenario): Hint {
  if (scenario.schedule !== null && outcome !== 'incomplete' && scenario.race === '1896463') {
    return {
      happened:
        outcome === 'lost'
          ? "In this schedule host2's periodic read the instance list (S1) before the evacuation saved host=host2 and the migration list (S2) after the migration was done, so clean_usage freed the VF the VM still uses."
          : "In this schedule host2's periodic saw inst-A in at least one of its two snapshots (S1 or S2), so clean_usage kept its VF.",
      tryThis: 'A loaded schedule fixes the order of every step, so the delays do not count here: load another schedule, or go back to the timed run.',
    };
  }
  if (scenario.race !== '1896463') return usageHint(outcome, scenario);
  switch (outcome) {
    case 'lost':
      return {
        happened:
          "host2's periodic read the instance list (S1) before the evacuation saved host=host2 and the migration list (S2) after the migration was done, so neither showed inst-A and clean_usage freed the VF the VM still uses.",
        tryThis: scenario.fix
          ? 'With the fix on, this loss comes through another window (see the reason above); untick fix to compare with the buggy code.'
          : `To make it go away, drag migDelay below dropDelay (${scenario.dropDelay} ms) or tick fix.`,
      };
    case 'kept':
      return {
        happened: "host2's periodic task saw inst-A in at least one of its two snapshots (S1 or S2), so clean_usage kept its VF.",
        tryThis: scenario.fix
          ? 'To see the bug, untick fix: finish_evacuation then runs without the lock.'
          : `To see the bug, drag migDelay above dropDelay (${scenario.dropDelay} ms), as the Nova test does with 2000 ms.`,
      };
    case 'incomplete':
      return {
        happened: 'The model stopped before the race could be decided, so there is no verdict.',
        tryThis: 'Bring the claim request earlier (claimAt) or ask for fewer periodic runs.',
      };
  }
}

/** What the races that count usage (#1879878, #2025480) say on a first visit. */
function usageHint(outcome: VerdictValue, scenario: Scenario): Hint {
  const window =
    scenario.race === '2025480'
      ? 'while the unshelved server spawned (listed, but still SHELVED_OFFLOADED)'
      : scenario.race === '1879878-confirm'
        ? "between the 'confirmed' save and drop_move_claim"
        : 'before the drop or before host1 took the server back';
  const lever =
    scenario.race === '2025480'
      ? `move periodicAt out of the spawn (it starts about 130 ms after the POST and takes ${scenario.spawn} ms)`
      : `move periodicAt out of the window (winDelay, ${scenario.winDelay} ms, starts just after the status save)`;
  switch (outcome) {
    case 'lost':
      return {
        happened: `The test's periodic rebuilt the usage ${window}, so compute_nodes.vcpus_used was wrong when the operation finished; a later periodic rebuilds it (see the usage strip).`,
        tryThis: scenario.fix ? 'Even with the fix this window stays open (see the reason); untick fix to compare.' : `To make it go away, ${lever} or tick fix.`,
      };
    case 'kept':
      return {
        happened: 'No periodic rebuilt the usage where it could go wrong, so vcpus_used is what the Nova test expects when the operation finishes.',
        tryThis: scenario.fix ? 'To see the bug, untick fix.' : `To see the bug, ${lever.replace('out of', 'into')}.`,
      };
    case 'incomplete':
      return { happened: 'The model stopped before the operation finished, so there is no verdict.', tryThis: 'Ask for fewer periodic runs or a shorter spawn.' };
  }
}

/** The words the screen uses, defined once. */
export const DEFINITIONS = {
  snapshots:
    "S1, S2: the two snapshots host2's periodic takes, InstanceList.get_by_host_and_node and MigrationList.get_in_progress_and_error.",
  counts: '“host1: 1 · host2: 0”: pci_devices rows allocated to inst-A per host, which the Nova test asserts (it expects host2: 1).',
  usage:
    "vcpus_used: the compute_nodes row of each host, which the Nova test's assertUsage reads; the verdict reads it when the operation finishes.",
  usageSnapshots:
    'snapshot 1, snapshot 2: the instance list and the in-progress migrations each periodic run reads before it rebuilds the usage from scratch.',
} as const;
