import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import type { UsageRaceId } from '../model/types';
import { exportTrace } from './index';
import { fitToNovaHarness } from './nova-harness';
import { novaFunctionalTest } from './nova-test';
import { ExportNotAvailable } from './nova-test-text';
import { BASE_URL } from './test-scenarios';

const ctxOf = (race: UsageRaceId, overrides: Partial<Scenario> = {}) => ({
  scenario: { ...defaultScenario('nova-test', race), ...overrides },
  cursor: null,
  baseUrl: BASE_URL,
});
const snippetOf = (race: UsageRaceId, overrides: Partial<Scenario> = {}) => {
  const ctx = ctxOf(race, overrides);
  return novaFunctionalTest(simulate(ctx.scenario), ctx);
};

describe('novaFunctionalTest for #1879878 confirm', () => {
  it("buggy: the window sleep, the periodic's start, host1 -1 and host2 1, with the pre-fix sequence patched in", () => {
    const py = snippetOf('1879878-confirm');
    expect(py).toContain('WINDOW_SLEEP = 1  # s (winDelay=1000 ms)');
    expect(py).toContain('PERIODIC_AT = 0.5  # s after the POST of confirmResize (periodicAt=500 ms)');
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'host1': -1, 'host2': 1}\n# Wrong (bug #1879878): Nova's test expects {'host1': 0, 'host2': 1}.");
    expect(py).toContain("self._sleep_after_status_save('confirmed', WINDOW_SLEEP)");
    expect(py).toContain('def confirm_without_lock(self, context, instance, migration):');
    expect(py).toContain("'nova.compute.resource_tracker.ResourceTracker.'\n            'drop_move_claim_at_source',\n            new=confirm_without_lock))");
    expect(py).toContain('from nova.compute import resource_tracker as rt');
    expect(py).toContain('eventlet.spawn_after(PERIODIC_AT, self._run_periodics)');
    expect(py).toContain("self.api.post_server_action(server['id'], {'confirmResize': None})");
    // The periodic starts right before the POST, which is the model's time 0.
    expect(py.indexOf('periodics = self._start_periodics()')).toBeLessThan(py.indexOf("{'confirmResize': None}"));
    expect(py).toContain('periodics.wait()\n        self.assertEqual(EXPECTED_WHEN_FINISHED, self._vcpus_used())');
    expect(py.replace(/\n# /g, ' ')).toContain("the model's counts come right only after a later _run_periodics()");
    expect(py).not.toContain('EXPECTED_AFTER_PERIODICS');
    expect(py).not.toContain('cannot reproduce');
  });

  it("fixed: Nova's own code, host1 0 and host2 1, and no pre-fix patch", () => {
    const py = snippetOf('1879878-confirm', { fix: true });
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'host1': 0, 'host2': 1}\n# Right:");
    expect(py).not.toContain('confirm_without_lock');
    expect(py).not.toContain('drop_move_claim_before_fix');
    expect(py).not.toContain('resource_tracker as rt');
    expect(py).toContain("# Code under test: Nova's own, with the fix:");
    expect(py).toContain("self._sleep_after_status_save('confirmed', WINDOW_SLEEP)");
  });

  it('a periodic after the drop keeps the counts right on the buggy code too', () => {
    const py = snippetOf('1879878-confirm', { periodicAt: 2000 });
    expect(py).toContain('PERIODIC_AT = 2  # s');
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'host1': 0, 'host2': 1}\n# Right:");
    expect(py).toContain('confirm_without_lock');
  });

  it('carries the chosen sleeps in seconds, and later periodics with what the model has them restore', () => {
    const py = snippetOf('1879878-confirm', { winDelay: 2500, periodicAt: 1250, periodicRuns: 2 });
    expect(py).toContain('WINDOW_SLEEP = 2.5  # s (winDelay=2500 ms)');
    expect(py).toContain('PERIODIC_AT = 1.25  # s');
    expect(py).toContain('PERIODIC_RUNS = 2 ');
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'host1': -1, 'host2': 1}");
    expect(py).toContain("EXPECTED_AFTER_PERIODICS = {'host1': 0, 'host2': 1}");
    expect(py).toContain('for _ in range(PERIODIC_RUNS - 1):\n            self._run_periodics()\n        self.assertEqual(EXPECTED_AFTER_PERIODICS, self._vcpus_used())');
  });
});

describe('novaFunctionalTest for #1879878 revert', () => {
  it("buggy: host1 0, host2 1, with the pre-fix revert patched over drop_move_claim_at_dest", () => {
    const py = snippetOf('1879878-revert');
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'host1': 0, 'host2': 1}");
    expect(py).toContain("self._sleep_after_status_save('reverted', WINDOW_SLEEP)");
    expect(py).toContain("'drop_move_claim_at_dest',\n            new=revert_without_lock))");
    expect(py).toContain("{'revertResize': None}");
  });

  it('fixed: the model finds host1 0, host2 0, a window the fix does not close, and says so', () => {
    const py = snippetOf('1879878-revert', { fix: true });
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'host1': 0, 'host2': 0}");
    expect(py).toContain('a window the fix does not close');
    expect(py).not.toContain('revert_without_lock');
  });
});

describe('novaFunctionalTest for #2025480', () => {
  it('buggy: the spawn sleep, compute1 0, with the old allow_resource_removal patched in', () => {
    const py = snippetOf('2025480');
    expect(py).toContain('SPAWN_SLEEP = 1  # s in driver.spawn (spawn=1000 ms)');
    expect(py).toContain('PERIODIC_AT = 0.5  # s after the POST of unshelve (periodicAt=500 ms)');
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'compute1': 0}");
    expect(py).toContain('def allow_resource_removal_before_fix(vm_state, task_state=None):');
    expect(py).toContain("'nova.compute.vm_states.allow_resource_removal',\n            new=allow_resource_removal_before_fix))");
    expect(py).toContain('self._slow_spawn(compute, SPAWN_SLEEP)');
    expect(py).not.toContain('WINDOW_SLEEP');
  });

  it("fixed: Nova's own predicate, compute1 1", () => {
    const py = snippetOf('2025480', { fix: true });
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'compute1': 1}\n# Right:");
    expect(py).not.toContain('allow_resource_removal_before_fix');
    expect(py).not.toContain('from nova.compute import vm_states');
  });

  it('saves under its own file name', () => {
    const ctx = ctxOf('2025480');
    expect(exportTrace('nova-test', simulate(ctx.scenario), ctx).fileName).toBe('test_bug_2025480_racelab.py');
    expect(exportTrace('nova-test', simulate(ctxOf('1879878-revert').scenario), ctxOf('1879878-revert')).fileName).toBe(
      'test_bug_1879878_revert_racelab.py',
    );
  });
});

describe('what the harness cannot reproduce for the usage races', () => {
  it('names jitter, a replayed schedule and the model’s DB latency, and asserts the prediction for what it runs', () => {
    const py = snippetOf('1879878-confirm', { jitter: 20, dbLatency: 30 });
    expect(py).toContain('# What this harness cannot reproduce');
    expect(py).toMatch(/jitter=20/);
    expect(py).toMatch(/dbLatency=30/);
    const replay = fitToNovaHarness({ ...defaultScenario('nova-test', '1879878-revert'), schedule: [0, 1, 0] });
    expect(replay.caveats.join(' ')).toMatch(/replays a schedule/);
    expect(replay.scenario.schedule).toBeNull();
    expect(py).toContain('# For what it does run (v=1&race=1879878-confirm) the model predicts: vcpus_used WRONG after the confirm;');
    expect(py).toContain("EXPECTED_WHEN_FINISHED = {'host1': -1, 'host2': 1}");
  });

  it('keeps the keys the test sets: winDelay or spawn, periodicAt, periodicRuns and the fix', () => {
    const fit = fitToNovaHarness({ ...defaultScenario('nova-test', '2025480'), spawn: 3000, periodicAt: 100, periodicRuns: 2, fix: true, dbLatency: 1 });
    expect(fit.scenario).toMatchObject({ spawn: 3000, periodicAt: 100, periodicRuns: 2, fix: true, dbLatency: 10 });
    expect(fit.caveats.map((c) => c.split(' ')[0])).toEqual(['dbLatency=1']);
  });

  it('says it is not available when the model never finishes the operation', () => {
    const ctx = ctxOf('2025480');
    const trace = simulate(ctx.scenario);
    const never = { ...trace, verdict: { ...trace.verdict, verdict: 'incomplete', usageWhenFinished: null } } as typeof trace;
    // The harness's own scenario is the exported one, so the trace given is the one asserted.
    expect(() => novaFunctionalTest(never, ctx)).toThrow(ExportNotAvailable);
  });
});
