/**
 * "Back to Nova": a functional test for Nova's tree that runs the exported
 * delays against real code and asserts what the model predicts. Modelled on
 * the structure of nova/tests/functional/regressions/test_bug_1896463.py
 * (services and fake PCI driver in setUp, a server with an SR-IOV port on
 * host1, host1 down, the two sleeps patched in, evacuate, _run_periodics,
 * count pci_devices per compute node); the text is our own.
 *
 * For the buggy variant the snippet patches the pre-fix sequence (no
 * COMPUTE_RESOURCE_SEMAPHORE) over `ResourceTracker.finish_evacuation`, so it
 * reproduces on a Nova that already has the fix; for the fixed variant it
 * runs Nova's own code.
 */
import { BUG_URL, FIX_COMMIT } from '../model/nova-refs';
import { simulate } from '../model/simulate';
import { isUsageOutcome, type PciVerdict, type Trace } from '../model/types';
import { type ExportContext, scenarioLink, scenarioQuery } from './links';
import { fitToNovaHarness } from './nova-harness';
import { bullet, comment, footer, NOVA_FUNCTIONAL_TEST_IMPORTS, preFixPatch, seconds } from './nova-test-text';
import { usageRaceNovaTest } from './nova-test-usage';
import { verdictTitle } from './verdict-text';

export { ExportNotAvailable, NOVA_TEST_FILES } from './nova-test-text';

function header(trace: Trace, asserted: Trace, ctx: ExportContext, caveats: readonly string[], fix: boolean): string[] {
  const counts = (t: Trace) => (t.verdict as PciVerdict).pciAllocated;
  const out = [
    '# Nova bug #1896463 with the delays of a Racelab scenario.',
    `# ${BUG_URL}`,
    `# Scenario: ${comment(scenarioLink(ctx))}`,
    `# Model (trace #${trace.traceHash}): ${verdictTitle(trace.verdict)};`,
    `#   pci_devices of the server: host1 ${counts(trace).host1}, host2 ${counts(trace).host2}.`,
  ];
  if (caveats.length > 0) {
    out.push('#', '# What this harness cannot reproduce (the test runs the rest):');
    for (const c of caveats) out.push(...bullet(c));
    out.push(
      `# For what it does run (${scenarioQuery(fitToNovaHarness(ctx.scenario).scenario)}) the model predicts: ${verdictTitle(asserted.verdict)};`,
      `#   host1 ${counts(asserted).host1}, host2 ${counts(asserted).host2}. That is what it asserts.`,
    );
  }
  out.push('#');
  if (fix) {
    out.push(
      "# Code under test: Nova's own, with the fix: ResourceTracker.finish_evacuation",
      '# holds COMPUTE_RESOURCE_SEMAPHORE while it sets the host and marks the',
      '# migration done.',
    );
  } else {
    out.push(
      `# Code under test: the sequence from before the fix (commit ${FIX_COMMIT.slice(0, 10)}),`,
      '# patched in over ResourceTracker.finish_evacuation without the lock, so the',
      '# race reproduces on a Nova that has the fix (23.0.0 and later). On an older',
      '# Nova, drop that patch.',
    );
  }
  out.push('#', ...footer('1896463'));
  return out;
}

const PRE_FIX_SEQUENCE = `def finish_evacuation_without_lock(self, instance, node, migration):
    # What rebuild_instance did itself before the fix, outside the tracker's
    # lock: a periodic update_available_resource can read between these writes.
    instance.apply_migration_context()
    instance.host = self.host
    instance.node = node
    instance.save()
    instance.drop_migration_context()
    if migration:
        migration.status = 'done'
        migration.save()`;

function body(fix: boolean): string {
  const patch = preFixPatch(fix, ['nova.compute.resource_tracker.ResourceTracker.finish_evacuation'], 'finish_evacuation_without_lock');
  return `class TestEvacuationRacesPeriodicRacelab(
    test.TestCase, integrated_helpers.InstanceHelperMixin,
):
    """An evacuation finishing on host2 while host2's periodic
    update_available_resource runs, with the sleeps of the scenario above."""

    def setUp(self):
        super().setUp()
        self.neutron = self.useFixture(nova_fixtures.NeutronFixture(self))
        self.useFixture(nova_fixtures.GlanceFixture(self))
        self.useFixture(func_fixtures.PlacementFixture())
        api = self.useFixture(nova_fixtures.OSAPIFixture(api_version='v2.1'))
        self.admin_api = self.api = api.admin_api
        self.admin_api.microversion = 'latest'
        self.start_service('conductor')
        self.start_service('scheduler')

        # Three PFs with one VF each; physnet2 is where the SR-IOV port is.
        self.flags(compute_driver='fake.FakeDriverWithPciResources')
        self.useFixture(fake.FakeDriverWithPciResources.
                        FakeDriverWithPciResourcesConfigFixture())
        self.compute1 = self._start_compute('host1')
        self._start_compute('host2')

        # The SR-IOV port and its network are not in the fixture by default.
        port = self.neutron.sriov_port
        self.neutron._ports[port['id']] = copy.deepcopy(port)
        for kind, item in (('_networks', self.neutron.network_2),
                           ('_subnets', self.neutron.subnet_2)):
            getattr(self.neutron, kind)[item['id']] = item

        self.ctxt = context.get_admin_context()
        self.node_ids = {
            host: objects.ComputeNode.get_by_host_and_nodename(
                self.ctxt, host, host).id
            for host in ('host1', 'host2')}

    def _pci_devices_on(self, server, host):
        """pci_devices rows of the server on host's compute node."""
        rows = objects.PciDeviceList.get_by_instance_uuid(
            self.ctxt, server['id'])
        return [row for row in rows
                if row.compute_node_id == self.node_ids[host]]

    def _sleep_before(self, target, original, delay):
        """Replace target with original, delayed: the race gets wider."""
        if not delay:
            return  # no patch at all, as in the model (sleep(0) yields)

        def delayed(*args, **kwargs):
            time.sleep(delay)
            return original(*args, **kwargs)

        self.useFixture(fixtures.MockPatch(target, new=delayed))

    def _wait_for_evacuation(self, server):
        """Until the evacuation's migration is finished, one way or another."""
        deadline = time.monotonic() + EVACUATION_TIMEOUT
        while time.monotonic() < deadline:
            migrations = self.admin_api.api_get(
                '/os-migrations').body['migrations']
            statuses = [m['status'] for m in migrations
                        if m['instance_uuid'] == server['id'] and
                        m['migration_type'] == 'evacuation']
            if statuses and statuses[-1] in ('done', 'failed', 'error'):
                return statuses[-1]
            time.sleep(0.1)
        self.fail('the evacuation did not finish in %s s' % EVACUATION_TIMEOUT)

    def test_evacuate_races_with_update_available_resource(self):
        server = self._create_server(
            name='racelab-bug-1896463',
            networks=[{'port': self.neutron.sriov_port['id']}],
            host='host1')
        self.assertEqual(1, len(self._pci_devices_on(server, 'host1')))
        self.assertEqual(0, len(self._pci_devices_on(server, 'host2')))

        # host1 is stopped and forced down, so its server can be evacuated.
        self.compute1.stop()
        service = self.admin_api.get_services(
            host='host1', binary='nova-compute')[0]
        self.admin_api.put_service(service['id'], {'forced_down': 'true'})

        self._sleep_before(
            'nova.objects.instance.Instance.drop_migration_context',
            objects.Instance.drop_migration_context,
            DROP_MIGRATION_CONTEXT_SLEEP)
        self._sleep_before(
            'nova.objects.migration.MigrationList.get_in_progress_and_error',
            objects.MigrationList.get_in_progress_and_error,
            IN_PROGRESS_MIGRATIONS_SLEEP)
${patch}
        self.admin_api.post_server_action(server['id'], {'evacuate': {}})
        # The periodic runs while the evacuation is on its way to host2.
        for _ in range(PERIODIC_RUNS):
            self._run_periodics()
        self._wait_for_evacuation(server)

        self.assertEqual(
            EXPECTED_ON_HOST1, len(self._pci_devices_on(server, 'host1')))
        self.assertEqual(
            EXPECTED_ON_HOST2, len(self._pci_devices_on(server, 'host2')))
`;
}

/**
 * The test file for a trace's scenario.
 *
 * @example novaFunctionalTest(simulate(defaultScenario()), ctx) // '... EXPECTED_ON_HOST2 = 0 ...'
 */
export function novaFunctionalTest(trace: Trace, ctx: ExportContext): string {
  if (isUsageOutcome(trace.verdict)) return usageRaceNovaTest(trace, ctx);
  const fit = fitToNovaHarness(ctx.scenario);
  const same = scenarioQuery(fit.scenario) === scenarioQuery(ctx.scenario);
  const asserted = same ? trace : simulate(fit.scenario);
  const s = fit.scenario;
  const { host1, host2 } = (asserted.verdict as PciVerdict).pciAllocated;
  const evacuationTimeout = Math.ceil(((s.dropDelay + s.migDelay) * (s.periodicRuns + 1)) / 1000) + 30;
  const constants = [
    `DROP_MIGRATION_CONTEXT_SLEEP = ${seconds(s.dropDelay)}  # s (dropDelay=${s.dropDelay} ms)`,
    `IN_PROGRESS_MIGRATIONS_SLEEP = ${seconds(s.migDelay)}  # s (migDelay=${s.migDelay} ms)`,
    `PERIODIC_RUNS = ${s.periodicRuns}  # _run_periodics() calls`,
    `EVACUATION_TIMEOUT = ${evacuationTimeout}  # s`,
    '# What the model predicts for the pci_devices of the server:',
    `EXPECTED_ON_HOST1 = ${host1}`,
    `EXPECTED_ON_HOST2 = ${host2}  # ${host2 === 0 ? 'lost: the race freed it' : 'kept'}`,
  ];
  const imports = [
    'import copy',
    'import time',
    '',
    'import fixtures',
    '',
    ...NOVA_FUNCTIONAL_TEST_IMPORTS,
    'from nova.virt import fake',
  ];
  const sections = [[...header(trace, asserted, ctx, fit.caveats, s.fix), '', ...imports].join('\n'), constants.join('\n')];
  if (!s.fix) sections.push(PRE_FIX_SEQUENCE);
  sections.push(body(s.fix));
  // PEP 8: two blank lines between top-level parts.
  return sections.join('\n\n\n');
}
