/**
 * Where each modelled step lives in Nova. Links point at the buggy code (the
 * parent of the fix, which is the commit that added the regression test) or
 * at the fix itself.
 */

import { USAGE_NOVA_REFS } from './nova-refs-usage';

/** "Reproduce bug 1896463 in func env": the regression test, and the parent of the fix. */
export const BUGGY_COMMIT = '3f348602ae4a40c52c7135b2cb48deaa6052c488';
/** "Set instance host and drop migration under lock". */
export const FIX_COMMIT = '7675964af81472f3dd57db952d704539e61a3e6e';
export const BUG_URL = 'https://bugs.launchpad.net/nova/+bug/1896463';
export const FIX_REVIEW_URL = 'https://review.opendev.org/q/Ica180165184b319651d22fe77e076af036228860';

export interface NovaRef {
  /** The Python function (or call) the step stands for. */
  readonly function: string;
  readonly file: string;
  readonly line: number;
  readonly commit: 'buggy' | 'fixed';
  /** The commit, where it is not #1896463's buggy or fixed one (the other races link to their own). */
  readonly sha?: string;
  /** What the step does there, in our words. */
  readonly summary: string;
}

const RT = 'nova/compute/resource_tracker.py';
const MANAGER = 'nova/compute/manager.py';
const TEST = 'nova/tests/functional/regressions/test_bug_1896463.py';

const REFS_1896463 = {
  'compute-api-evacuate': {
    function: 'API.evacuate', file: 'nova/compute/api.py', line: 5175, commit: 'buggy',
    summary: 'sets task_state=rebuilding and creates the evacuation migration (status accepted)',
  },
  'conductor-rebuild': {
    function: 'ComputeTaskManager.rebuild_instance', file: 'nova/conductor/manager.py', line: 1066, commit: 'buggy',
    summary: 'asks the scheduler for a destination and casts rebuild_instance to it',
  },
  lock: {
    function: 'utils.synchronized(COMPUTE_RESOURCE_SEMAPHORE, fair=True)', file: RT, line: 56, commit: 'buggy',
    summary: 'the fair "compute_resources" lock every tracker method takes',
  },
  'rebuild-claim': {
    function: 'ResourceTracker.rebuild_claim -> _move_claim', file: RT, line: 246, commit: 'buggy',
    summary: 'claims a VF for the migration, sets the migration context and allocates the device',
  },
  'setup-instance-network': {
    function: 'API.setup_instance_network_on_host -> _update_port_binding_for_instance', file: 'nova/network/neutron.py',
    line: 3340, commit: 'buggy',
    summary: "binds the port to the destination and moves binding:profile's pci_slot to the claimed device",
  },
  spawn: {
    function: 'ComputeManager._do_rebuild_instance (driver.rebuild / spawn)', file: MANAGER, line: 3516, commit: 'buggy',
    summary: 'the driver recreates the guest with the new devices; the instance becomes active',
  },
  'rebuild-finish-buggy': {
    function: 'ComputeManager.rebuild_instance: apply_migration_context, instance.host = self.host, save()',
    file: MANAGER, line: 3468, commit: 'buggy',
    summary: 'sets the instance host without the tracker lock',
  },
  'drop-migration-context': {
    function: 'Instance.drop_migration_context', file: 'nova/objects/instance.py', line: 1077, commit: 'buggy',
    summary: 'removes the migration context from the instance',
  },
  'migration-done': {
    function: "ComputeManager._set_migration_status(migration, 'done')", file: MANAGER, line: 3480, commit: 'buggy',
    summary: 'marks the migration done, which hides it from the in-progress query',
  },
  'finish-evacuation': {
    function: 'ResourceTracker.finish_evacuation', file: RT, line: 1975, commit: 'fixed',
    summary: 'the fix: host, migration context and status change while holding the lock',
  },
  'drop-sleep': {
    function: 'slow_drop (the test patches Instance.drop_migration_context)', file: TEST, line: 193, commit: 'buggy',
    summary: 'the injected sleep before drop_migration_context',
  },
  'mig-sleep': {
    function: 'slow_get_mig (the test patches MigrationList.get_in_progress_and_error)', file: TEST, line: 204, commit: 'buggy',
    summary: 'the injected sleep before the in-progress migration query',
  },
  'run-periodics': {
    function: 'TestCase._run_periodics', file: 'nova/test.py', line: 437, commit: 'buggy',
    summary: 'calls update_available_resource on every compute manager in turn',
  },
  'instance-list': {
    function: 'InstanceList.get_by_host_and_node', file: RT, line: 929, commit: 'buggy',
    summary: 'snapshot 1: the instances whose host is this host',
  },
  'update-usage-from-instances': {
    function: 'ResourceTracker._update_usage_from_instances', file: RT, line: 1486, commit: 'buggy',
    summary: 'tracks every listed instance and allocates its claimed PCI devices',
  },
  'migration-list': {
    function: 'MigrationList.get_in_progress_and_error', file: RT, line: 941, commit: 'buggy',
    summary: 'snapshot 2: migrations from or to this host that are not finished',
  },
  'update-usage-from-migrations': {
    function: 'ResourceTracker._update_usage_from_migrations', file: RT, line: 1369, commit: 'buggy',
    summary: 'allocates the claimed devices of incoming, untracked migrations',
  },
  'clean-usage': {
    function: 'PciDevTracker.clean_usage', file: 'nova/pci/manager.py', line: 366, commit: 'buggy',
    summary: 'frees the claims and allocations of every instance in neither snapshot',
  },
  'rt-update': {
    function: 'ResourceTracker._update -> PciDevTracker.save', file: RT, line: 1212, commit: 'buggy',
    summary: "writes the tracker's devices to the pci_devices table",
  },
  'compute-api-create': {
    function: 'API.create', file: 'nova/compute/api.py', line: 2007, commit: 'buggy',
    summary: 'creates the new instance (building, scheduling)',
  },
  'instance-claim': {
    function: 'ResourceTracker.instance_claim', file: RT, line: 127, commit: 'buggy',
    summary: 'sets the host, claims a VF and allocates it to the new instance',
  },
  'allocate-for-instance': {
    function: 'API.allocate_for_instance', file: 'nova/network/neutron.py', line: 991, commit: 'buggy',
    summary: "binds the new server's port to the host with its VF in binding:profile's pci_slot",
  },
  'build-spawn': {
    function: 'ComputeManager._build_and_run_instance (driver.spawn)', file: MANAGER, line: 2322, commit: 'buggy',
    summary: 'the driver starts the new guest with its devices',
  },
  'init-host': {
    function: 'ComputeManager.init_host', file: MANAGER, line: 1385, commit: 'buggy',
    summary: 'nova-compute starts: a new ResourceTracker loads the saved pci_devices rows',
  },
  'destroy-evacuated': {
    function: 'ComputeManager._destroy_evacuated_instances', file: MANAGER, line: 675, commit: 'buggy',
    summary: 'destroys guests evacuated away while the host was down and completes their migrations',
  },
} as const satisfies Record<string, NovaRef>;

/** Every step's Nova function, of every race. */
export const NOVA_REFS = { ...REFS_1896463, ...USAGE_NOVA_REFS } as const satisfies Record<string, NovaRef>;

export type NovaRefId = keyof typeof NOVA_REFS;

/** A link to the code a step stands for, on GitHub's mirror of Nova. */
export function novaUrl(ref: NovaRef): string {
  const sha = ref.sha ?? (ref.commit === 'fixed' ? FIX_COMMIT : BUGGY_COMMIT);
  return `https://github.com/openstack/nova/blob/${sha}/${ref.file}#L${ref.line}`;
}
