/**
 * The Python of the usage races' Nova tests: the pre-fix sequences patched
 * in for the buggy variant, and the test classes. Modelled on the structure
 * of Nova's nova/tests/functional/regressions/test_bug_1879878.py (two
 * computes, a cold migration to VERIFY_RESIZE, `vcpus_used` per compute
 * node) and test_bug_2025480.py (one compute, shelve-offload, unshelve);
 * the text is our own. Unlike those tests, `_run_periodics()` is not called
 * from inside a patched method: it starts in its own green thread
 * `PERIODIC_AT` s after the POST, as the model's test thread does.
 */
import type { UsageRaceId } from '../model/types';
import { NOVA_FUNCTIONAL_TEST_IMPORTS, preFixPatch } from './nova-test-text';

/** Both halves of #1879878 before their fixes: the locked drop, alone under the lock. */
const DROP_MOVE_CLAIM_BEFORE_FIX = `@utils.synchronized(rt.COMPUTE_RESOURCE_SEMAPHORE, fair=True)
def drop_move_claim_before_fix(tracker, context, instance, nodename,
                               flavor=None, prefix='new_'):
    # ResourceTracker.drop_move_claim before the fix: only the drop itself
    # holds the tracker's lock, not the writes that decide what it drops.
    tracker._drop_move_claim(context, instance, nodename, flavor,
                             prefix=prefix)
`;

/** The buggy code as it was before each fix, patched over the fixed function Nova 26.2.2 calls. */
export const PRE_FIX: Readonly<Record<UsageRaceId, string>> = {
  '1879878-confirm': `${DROP_MOVE_CLAIM_BEFORE_FIX}

def confirm_without_lock(self, context, instance, migration):
    # What ComputeManager._confirm_resize did before the fix: 'confirmed' is
    # saved outside the lock, so a periodic can run before the drop, stop
    # counting the old flavor here, and the drop then subtracts it again.
    migration.status = 'confirmed'
    migration.save()
    drop_move_claim_before_fix(
        self, context, instance, migration.source_node, instance.old_flavor,
        prefix='old_')
    instance.drop_migration_context()`,
  '1879878-revert': `${DROP_MOVE_CLAIM_BEFORE_FIX}

def revert_without_lock(self, context, instance, migration):
    # What ComputeManager.revert_resize did before the fix: 'reverted' and
    # the reverted migration context are saved outside the lock; the drop
    # gets no flavor, so it subtracts only for a migration host2 tracks.
    migration.status = 'reverted'
    migration.save()
    instance.revert_migration_context()
    instance.save()
    drop_move_claim_before_fix(self, context, instance, instance.node)`,
  '2025480': `def allow_resource_removal_before_fix(vm_state, task_state=None):
    # vm_states.ALLOW_RESOURCE_REMOVAL before the fix: a SHELVED_OFFLOADED
    # instance is left out of the usage whatever its task_state, SPAWNING
    # (an unshelve under way) included.
    return vm_state in (vm_states.DELETED, vm_states.SHELVED_OFFLOADED)`,
};

const RESIZE_PATCH: Readonly<Record<'1879878-confirm' | '1879878-revert', { target: string; fn: string }>> = {
  '1879878-confirm': { target: 'drop_move_claim_at_source', fn: 'confirm_without_lock' },
  '1879878-revert': { target: 'drop_move_claim_at_dest', fn: 'revert_without_lock' },
};

function resizeOperation(race: '1879878-confirm' | '1879878-revert'): string {
  if (race === '1879878-confirm') {
    return `        self.api.post_server_action(server['id'], {'confirmResize': None})
        self._wait_for_server_parameter(
            server, {'status': 'ACTIVE', 'OS-EXT-STS:task_state': None},
            max_retries=OPERATION_TIMEOUT * 2)
        self._wait_for_instance_action_event(
            server, 'confirmResize', 'compute_confirm_resize', 'success')`;
  }
  return `        self.api.post_server_action(server['id'], {'revertResize': None})
        self._wait_for_server_parameter(
            server, {'status': 'ACTIVE', 'OS-EXT-STS:task_state': None,
                     'OS-EXT-SRV-ATTR:host': 'host1'},
            max_retries=OPERATION_TIMEOUT * 2)
        self._wait_for_migration_status(server, ['reverted'])
        # finish_revert_resize on host1 is over when this is sent.
        self.notifier.wait_for_versioned_notifications(
            'instance.resize_revert.end', timeout=OPERATION_TIMEOUT)`;
}

/** After the first assertion: the later `_run_periodics()` calls, when the scenario has them. */
function laterPeriodics(runs: number): string {
  if (runs <= 1) return '';
  return `
        # The test thread's later calls, as the model runs them: once the
        # operation has finished and the first call has returned.
        for _ in range(PERIODIC_RUNS - 1):
            self._run_periodics()
        self.assertEqual(EXPECTED_AFTER_PERIODICS, self._vcpus_used())
`;
}

const START_PERIODICS = `    def _start_periodics(self):
        """_run_periodics() in its own green thread, PERIODIC_AT s from now:
        the POST that follows right away is the model's time 0."""
        return eventlet.spawn_after(PERIODIC_AT, self._run_periodics)`;

function resizeBody(race: '1879878-confirm' | '1879878-revert', fix: boolean, runs: number): string {
  const { target, fn } = RESIZE_PATCH[race];
  const op = race === '1879878-confirm' ? 'confirm' : 'revert';
  const status = op === 'confirm' ? 'confirmed' : 'reverted';
  const patch = preFixPatch(fix, ['nova.compute.resource_tracker.ResourceTracker.', target], fn);
  return `class TestResize${op === 'confirm' ? 'Confirm' : 'Revert'}RacesPeriodicRacelab(
    integrated_helpers._IntegratedTestBase,
):
    """A cold migration from host1 to host2 ${op === 'confirm' ? 'confirmed' : 'reverted'} while the test's
    _run_periodics() runs, with the timing of the scenario above."""

    ADMIN_API = True  # cold migration is admin-only by default
    compute_driver = 'fake.MediumFakeDriver'
    microversion = 'latest'

    def setUp(self):
        self.flags(compute_driver=self.compute_driver)
        super().setUp()
        self.ctxt = context.get_admin_context()

    def _setup_compute_service(self):
        # The source, then the destination: _run_periodics() visits them in
        # this order, as the model's periodic does.
        self._start_compute('host1')
        self._start_compute('host2')

    def _vcpus_used(self):
        return {
            host: objects.ComputeNode.get_by_nodename(
                self.ctxt, host).vcpus_used
            for host in ('host1', 'host2')}

    def _sleep_after_status_save(self, status, delay):
        """Sleep right after the migration is first saved with status: the
        window the race needs. In the fixed code that save happens under
        COMPUTE_RESOURCE_SEMAPHORE, so the sleep does too."""
        if not delay:
            return  # no patch at all, as in the model
        original = objects.Migration.save
        slept = []

        def save(migration, *args, **kwargs):
            result = original(migration, *args, **kwargs)
            if migration.status == status and not slept:
                slept.append(status)
                time.sleep(delay)
            return result

        self.useFixture(fixtures.MockPatch(
            'nova.objects.migration.Migration.save', new=save))

${START_PERIODICS}

    def test_${op}_resize_races_with_update_available_resource(self):
        server = self._create_server(networks='none', host='host1')
        self.addCleanup(self._delete_server, server)
        self.api.post_server_action(server['id'], {'migrate': None})
        self._wait_for_state_change(server, 'VERIFY_RESIZE')
        # host1 still counts the old flavor, host2 the new one.
        self.assertEqual({'host1': 1, 'host2': 1}, self._vcpus_used())

        self._sleep_after_status_save('${status}', WINDOW_SLEEP)
${patch}        periodics = self._start_periodics()
${resizeOperation(race)}
        # A periodic under way when the ${op} finished still saves its
        # counts: the model reads its verdict after that save.
        periodics.wait()
        self.assertEqual(EXPECTED_WHEN_FINISHED, self._vcpus_used())
${laterPeriodics(runs)}`;
}

function unshelveBody(fix: boolean, runs: number): string {
  const patch = preFixPatch(fix, ['nova.compute.vm_states.allow_resource_removal'], 'allow_resource_removal_before_fix');
  return `class TestUnshelveRacesPeriodicRacelab(
    test.TestCase, integrated_helpers.InstanceHelperMixin,
):
    """An offloaded server unshelved on compute1 while the test's
    _run_periodics() runs, with the timing of the scenario above."""

    def setUp(self):
        super().setUp()
        self.useFixture(func_fixtures.PlacementFixture())
        self.neutron = self.useFixture(nova_fixtures.NeutronFixture(self))
        self.useFixture(nova_fixtures.GlanceFixture(self))
        self.api = self.useFixture(nova_fixtures.OSAPIFixture(
            api_version='v2.1')).admin_api
        self.api.microversion = 'latest'
        self.notifier = self.useFixture(
            nova_fixtures.NotificationFixture(self))
        self.start_service('conductor')
        self.start_service('scheduler')
        self.ctxt = context.get_admin_context()

    def _vcpus_used(self):
        return {'compute1': objects.ComputeNode.get_by_nodename(
            self.ctxt, 'compute1').vcpus_used}

    def _slow_spawn(self, compute, delay):
        """driver.spawn takes delay s: the window the race needs."""
        if not delay:
            return  # no patch at all, as in the model
        original = compute.driver.spawn

        def spawn(*args, **kwargs):
            time.sleep(delay)
            return original(*args, **kwargs)

        self.useFixture(fixtures.MockPatchObject(
            compute.driver, 'spawn', new=spawn))

${START_PERIODICS}

    def test_unshelve_races_with_update_available_resource(self):
        compute = self._start_compute('compute1')
        server = self._create_server(
            networks=[{'port': self.neutron.port_1['id']}])
        self.assertEqual({'compute1': 1}, self._vcpus_used())
        # Shelving offloads at once with the default shelved_offload_time.
        self.api.post_server_action(server['id'], {'shelve': {}})
        self._wait_for_server_parameter(
            server, {'status': 'SHELVED_OFFLOADED',
                     'OS-EXT-SRV-ATTR:host': None})
        self.assertEqual({'compute1': 0}, self._vcpus_used())

        self._slow_spawn(compute, SPAWN_SLEEP)
${patch}        periodics = self._start_periodics()
        self.api.post_server_action(server['id'], {'unshelve': None})
        self._wait_for_server_parameter(
            server, {'status': 'ACTIVE', 'OS-EXT-STS:task_state': None,
                     'OS-EXT-SRV-ATTR:host': 'compute1'},
            max_retries=OPERATION_TIMEOUT * 2)
        # A periodic under way when the unshelve finished still saves its
        # counts: the model reads its verdict after that save.
        periodics.wait()
        self.assertEqual(EXPECTED_WHEN_FINISHED, self._vcpus_used())
${laterPeriodics(runs)}`;
}

/** The test class for a usage race, buggy (with the pre-fix patch) or fixed. */
export function usageTestBody(race: UsageRaceId, fix: boolean, periodicRuns: number): string {
  return race === '2025480' ? unshelveBody(fix, periodicRuns) : resizeBody(race, fix, periodicRuns);
}

/** The imports each race's test needs. */
export function usageImports(race: UsageRaceId, fix: boolean): string[] {
  const nova =
    race === '2025480'
      ? [
          ...(fix ? [] : ['from nova.compute import vm_states']),
          ...NOVA_FUNCTIONAL_TEST_IMPORTS,
        ]
      : [
          ...(fix ? [] : ['from nova.compute import resource_tracker as rt']),
          'from nova import context',
          'from nova import objects',
          'from nova.tests.functional import integrated_helpers',
          ...(fix ? [] : ['from nova import utils']),
        ];
  return ['import time', '', 'import eventlet', 'import fixtures', '', ...nova];
}
