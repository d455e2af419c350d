/**
 * Where the usage races' steps live in Nova: #1879878's confirm and revert
 * (buggy: the parents of a57800d382 and dc9c7a5ebf; fixed: those commits)
 * and #2025480's unshelve (buggy: 62300d4885, which adds its regression
 * test; fixed: f1dc4ec39b). Merged into `NOVA_REFS`.
 */
import type { NovaRef } from './nova-refs';

const RT = 'nova/compute/resource_tracker.py';
const MANAGER = 'nova/compute/manager.py';
const CONFIRM_BUGGY = '779fd5ea3b0cf5be341b74a21dbb2512c0bcb920';
const CONFIRM_FIX = 'a57800d3825ef2fb833d8024c6f7e5c550f55e2f';
const REVERT_BUGGY = CONFIRM_FIX;
const REVERT_FIX = 'dc9c7a5ebf11253f86127238d33dff7401465155';
const UNSHELVE_BUGGY = '62300d4885549368f874b3e07b756017ff96c659';
const UNSHELVE_FIX = 'f1dc4ec39bcfda1bd4b97e233a9da498b6378c4f';

export const USAGE_NOVA_REFS = {
  'api-confirm-resize': {
    function: 'API.confirm_resize', file: 'nova/compute/api.py', line: 3818, commit: 'buggy', sha: CONFIRM_BUGGY,
    summary: "marks the migration 'confirming' and casts confirm_resize to the source",
  },
  'confirm-status-buggy': {
    function: "ComputeManager._confirm_resize: migration.status = 'confirmed', save()", file: MANAGER, line: 4375, commit: 'buggy', sha: CONFIRM_BUGGY,
    summary: 'marks the migration confirmed before the claim is dropped, without the lock',
  },
  'drop-move-claim': {
    function: 'ResourceTracker.drop_move_claim', file: RT, line: 555, commit: 'buggy', sha: CONFIRM_BUGGY,
    summary: 'under the lock: forgets the tracked migration or instance, and subtracts whatever flavor is known',
  },
  'drop-move-claim-at-source': {
    function: 'ResourceTracker.drop_move_claim_at_source', file: RT, line: 555, commit: 'fixed', sha: CONFIRM_FIX,
    summary: "the fix: 'confirmed', the drop and drop_migration_context while holding the lock",
  },
  'confirm-resize': {
    function: 'ComputeManager._confirm_resize (vm_state active, save)', file: MANAGER, line: 4351, commit: 'buggy', sha: CONFIRM_BUGGY,
    summary: 'the instance is active again on the destination',
  },
  'delete-stashed-flavor': {
    function: 'ComputeManager._delete_stashed_flavor_info', file: MANAGER, line: 4435, commit: 'buggy', sha: CONFIRM_BUGGY,
    summary: 'unsets old_flavor and new_flavor, last, since the tracker reads them',
  },
  'api-revert-resize': {
    function: 'API.revert_resize', file: 'nova/compute/api.py', line: 3710, commit: 'buggy', sha: REVERT_BUGGY,
    summary: "task_state resize_reverting, migration 'reverting', and a cast of revert_resize to the destination",
  },
  'revert-resize': {
    function: 'ComputeManager.revert_resize', file: MANAGER, line: 4841, commit: 'buggy', sha: REVERT_BUGGY,
    summary: 'on the destination: destroys the guest, drops the claim, casts finish_revert_resize to the source',
  },
  'revert-status-buggy': {
    function: "ComputeManager.revert_resize: migration.status = 'reverted', revert_migration_context, save()", file: MANAGER, line: 4876,
    commit: 'buggy', sha: REVERT_BUGGY,
    summary: 'marks the migration reverted and saves the instance before the claim is dropped, without the lock',
  },
  'drop-move-claim-at-dest': {
    function: 'ResourceTracker.drop_move_claim_at_dest', file: RT, line: 571, commit: 'fixed', sha: REVERT_FIX,
    summary: "the fix: 'reverted', the drop with new_flavor and the context revert while holding the lock",
  },
  'finish-revert-resize': {
    function: 'ComputeManager.finish_revert_resize', file: MANAGER, line: 4944, commit: 'buggy', sha: REVERT_BUGGY,
    summary: 'on the source: old flavor, host and node back (saved), the guest powered on; no claim is made',
  },
  'api-unshelve': {
    function: 'API.unshelve', file: 'nova/compute/api.py', line: 4566, commit: 'buggy', sha: UNSHELVE_BUGGY,
    summary: 'task_state unshelving; the conductor schedules the server',
  },
  'conductor-unshelve': {
    function: 'ComputeTaskManager.unshelve_instance', file: 'nova/conductor/manager.py', line: 1004, commit: 'buggy', sha: UNSHELVE_BUGGY,
    summary: 'picks a host and casts unshelve_instance to it',
  },
  'unshelve-instance': {
    function: 'ComputeManager._unshelve_instance', file: MANAGER, line: 7018, commit: 'buggy', sha: UNSHELVE_BUGGY,
    summary: 'task_state spawning (host still unset), then, after spawn, vm_state active',
  },
  'unshelve-instance-claim': {
    function: 'ResourceTracker.instance_claim', file: RT, line: 142, commit: 'buggy', sha: UNSHELVE_BUGGY,
    summary: 'under the lock: host and node set and saved, usage added, the instance tracked',
  },
  'unshelve-spawn': {
    function: 'ComputeManager._unshelve_instance (driver.spawn)', file: MANAGER, line: 7083, commit: 'buggy', sha: UNSHELVE_BUGGY,
    summary: 'the driver spawns the guest; the instance is still SHELVED_OFFLOADED',
  },
  'allow-resource-removal': {
    function: 'vm_states.allow_resource_removal', file: 'nova/compute/vm_states.py', line: 82, commit: 'fixed', sha: UNSHELVE_FIX,
    summary: 'the fix: a SHELVED_OFFLOADED instance that is spawning keeps its usage',
  },
  'win-sleep': {
    function: "the test's injected sleep after the migration's status save", file: 'nova/tests/functional/regressions/test_bug_1879878.py', line: 64,
    commit: 'buggy', sha: CONFIRM_BUGGY,
    summary: "the window the regression test opens by running _run_periodics() between the status save and the drop",
  },
} as const satisfies Record<string, NovaRef>;
