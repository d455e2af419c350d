/**
 * What the screen and the tools need to know about each race without
 * running it: its title, hosts, lanes, what the fix toggle does, where it
 * lives in Nova, and (for the usage races) what the Nova test expects. The
 * definitions in this folder add the behaviour; this file imports none of
 * it, so the page's start-up bundle stays free of the simulation.
 */
import type { HostMap, HostName, Lane, RaceId } from '../types';

/** Where a race lives in Nova: the bug, its regression test, the buggy and the fixed code. */
export interface RaceRefs {
  readonly bugUrl: string;
  /** The regression test, e.g. `nova/tests/functional/regressions/test_bug_1879878.py`. */
  readonly testPath: string;
  /** The parent of the fix: what the buggy code links to. */
  readonly buggyCommit: string;
  readonly fixCommit: string;
  /** The fix's title, as its commit says it. */
  readonly fixTitle: string;
  readonly fixUrl: string;
}

export interface RaceInfo {
  readonly id: RaceId;
  /** The Launchpad bug number. */
  readonly bug: string;
  /** Short, for the picker (fits its select, about 28 characters): "#1879878 confirm resize". */
  readonly title: string;
  /** One sentence: what goes wrong. */
  readonly summary: string;
  /** What the fix toggle does, in a few words, and in a sentence under it. */
  readonly fixLabel: string;
  readonly fixDoc: string;
  /** `pci`: #1896463's lost PCI allocation; `usage`: `compute_nodes.vcpus_used` wrong after the operation. */
  readonly kind: 'pci' | 'usage';
  /** The racing operation, as in "when the confirm finished". */
  readonly operation: string;
  /** What time 0 is, in a few words (the timeline's axis says it). */
  readonly timeZero: string;
  readonly hosts: readonly HostName[];
  /** The threads' lanes, in the order the timeline shows them. */
  readonly lanes: readonly Lane[];
  /** What the Nova test expects `vcpus_used` to be once the operation has finished (usage races). */
  readonly expectedUsage: HostMap<number> | null;
  readonly refs: RaceRefs;
}

const commit = (sha: string): string => `https://github.com/openstack/nova/commit/${sha}`;
const BUG_1879878 = 'https://bugs.launchpad.net/nova/+bug/1879878';
const TEST_1879878 = 'nova/tests/functional/regressions/test_bug_1879878.py';

export const RACE_INFO: Readonly<Record<RaceId, RaceInfo>> = {
  '1896463': {
    id: '1896463',
    bug: '1896463',
    title: '#1896463 evacuation (PCI)',
    summary: "An evacuation finishing on host2 races host2's periodic, whose clean_usage frees the VF the evacuated server runs on.",
    fixLabel: 'finish_evacuation under the lock',
    fixDoc: 'Sets the host, drops the migration context and marks the migration done while holding COMPUTE_RESOURCE_SEMAPHORE.',
    kind: 'pci',
    operation: 'evacuation',
    timeZero: 'API accepts evacuation',
    hosts: ['host1', 'host2'],
    lanes: ['api', 'evacuation', 'evacuation-2', 'periodic-host1', 'periodic-host2', 'boot', 'host1-restart'],
    expectedUsage: null,
    refs: {
      bugUrl: 'https://bugs.launchpad.net/nova/+bug/1896463',
      testPath: 'nova/tests/functional/regressions/test_bug_1896463.py',
      buggyCommit: '3f348602ae4a40c52c7135b2cb48deaa6052c488',
      fixCommit: '7675964af81472f3dd57db952d704539e61a3e6e',
      fixTitle: 'Set instance host and drop migration under lock',
      fixUrl: commit('7675964af81472f3dd57db952d704539e61a3e6e'),
    },
  },
  '1879878-confirm': {
    id: '1879878-confirm',
    bug: '1879878',
    title: '#1879878 confirm resize',
    summary: "A periodic between the confirm's 'confirmed' save and drop_move_claim stops counting the source; the drop then subtracts again: host1 ends at -1.",
    fixLabel: 'drop_move_claim_at_source under the lock',
    fixDoc: "Saves 'confirmed', drops the move claim and the migration context while holding COMPUTE_RESOURCE_SEMAPHORE (winDelay is then slept under it).",
    kind: 'usage',
    operation: 'confirm',
    timeZero: 'POST confirmResize',
    hosts: ['host1', 'host2'],
    lanes: ['api', 'confirm-resize', 'periodic-host1', 'periodic-host2'],
    expectedUsage: { host1: 0, host2: 1 },
    refs: {
      bugUrl: BUG_1879878,
      testPath: TEST_1879878,
      buggyCommit: '779fd5ea3b0cf5be341b74a21dbb2512c0bcb920',
      fixCommit: 'a57800d3825ef2fb833d8024c6f7e5c550f55e2f',
      fixTitle: 'Move confirm resize under semaphore',
      fixUrl: commit('a57800d3825ef2fb833d8024c6f7e5c550f55e2f'),
    },
  },
  '1879878-revert': {
    id: '1879878-revert',
    bug: '1879878',
    title: '#1879878 revert resize',
    summary: "A periodic before the revert's drop_move_claim, or after it and before host1 takes the server back, leaves host1 at 0 and host2 at 1.",
    fixLabel: 'drop_move_claim_at_dest under the lock',
    fixDoc: "Saves 'reverted', drops the move claim with new_flavor and reverts the migration context while holding COMPUTE_RESOURCE_SEMAPHORE.",
    kind: 'usage',
    operation: 'revert',
    timeZero: 'POST revertResize',
    hosts: ['host1', 'host2'],
    lanes: ['api', 'revert-resize', 'finish-revert-resize', 'periodic-host1', 'periodic-host2'],
    expectedUsage: { host1: 1, host2: 0 },
    refs: {
      bugUrl: BUG_1879878,
      testPath: TEST_1879878,
      buggyCommit: 'a57800d3825ef2fb833d8024c6f7e5c550f55e2f',
      fixCommit: 'dc9c7a5ebf11253f86127238d33dff7401465155',
      fixTitle: 'Move revert resize under semaphore',
      fixUrl: commit('dc9c7a5ebf11253f86127238d33dff7401465155'),
    },
  },
  '2025480': {
    id: '2025480',
    bug: '2025480',
    title: '#2025480 unshelve',
    summary: 'A periodic while the unshelved server spawns lists it SHELVED_OFFLOADED and leaves it out: compute1 counts 0 vCPUs for a running server.',
    fixLabel: 'count a SHELVED_OFFLOADED server that is spawning',
    fixDoc: 'The new allow_resource_removal (of vm_state and task_state) keeps a SHELVED_OFFLOADED server that is SPAWNING counted. No lock changes: a predicate does.',
    kind: 'usage',
    operation: 'unshelve',
    timeZero: 'POST unshelve',
    hosts: ['compute1'],
    lanes: ['api', 'unshelve', 'periodic-compute1'],
    expectedUsage: { compute1: 1 },
    refs: {
      bugUrl: 'https://bugs.launchpad.net/nova/+bug/2025480',
      testPath: 'nova/tests/functional/regressions/test_bug_2025480.py',
      buggyCommit: '62300d4885549368f874b3e07b756017ff96c659',
      fixCommit: 'f1dc4ec39bcfda1bd4b97e233a9da498b6378c4f',
      fixTitle: 'Do not untrack resources of a server being unshelved',
      fixUrl: commit('f1dc4ec39bcfda1bd4b97e233a9da498b6378c4f'),
    },
  },
};
