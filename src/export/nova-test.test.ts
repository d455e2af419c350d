import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulate';
import { fitToNovaHarness } from './nova-harness';
import { novaFunctionalTest } from './nova-test';
import { ctxFor } from './test-scenarios';

const snippetOf = (overrides: Parameters<typeof ctxFor>[0] = {}) => {
  const ctx = ctxFor(overrides);
  return novaFunctionalTest(simulate(ctx.scenario), ctx);
};

describe('novaFunctionalTest', () => {
  it("carries the Nova test's 1 s / 2 s sleeps and expects the allocation lost on host2, with the pre-fix sequence", () => {
    const py = snippetOf();
    expect(py).toContain('DROP_MIGRATION_CONTEXT_SLEEP = 1  # s (dropDelay=1000 ms)');
    expect(py).toContain('IN_PROGRESS_MIGRATIONS_SLEEP = 2  # s (migDelay=2000 ms)');
    expect(py).toContain('EXPECTED_ON_HOST1 = 1\n');
    expect(py).toContain('EXPECTED_ON_HOST2 = 0  # lost');
    expect(py).toContain('def finish_evacuation_without_lock(self, instance, node, migration):');
    expect(py).toContain("'nova.compute.resource_tracker.ResourceTracker.finish_evacuation',\n            new=finish_evacuation_without_lock))");
    expect(py).toContain('# Scenario: http://127.0.0.1:5173/?v=1\n');
    expect(py).not.toContain('cannot reproduce');
  });

  it("with fix=1 runs Nova's own code and expects the allocation kept", () => {
    const py = snippetOf({ fix: true });
    expect(py).toContain('EXPECTED_ON_HOST2 = 1  # kept');
    expect(py).not.toContain('finish_evacuation_without_lock');
    expect(py).toContain("# Code under test: Nova's own, with the fix:");
  });

  it('patches the chosen sleeps in seconds', () => {
    const py = snippetOf({ dropDelay: 250, migDelay: 2500, periodicRuns: 2 });
    expect(py).toContain('DROP_MIGRATION_CONTEXT_SLEEP = 0.25  # s');
    expect(py).toContain('IN_PROGRESS_MIGRATIONS_SLEEP = 2.5  # s');
    expect(py).toContain('PERIODIC_RUNS = 2 ');
  });

  it('says what the harness cannot reproduce, and asserts the prediction for what it runs', () => {
    const py = snippetOf({ preset: 'production', jitter: 20, bootAt: 5000, host1UpAt: 900, periodicAt: 600 });
    expect(py).toContain('# What this harness cannot reproduce');
    expect(py).toMatch(/production preset/);
    expect(py).toMatch(/jitter=20/);
    expect(py).toMatch(/new server boot at 5000 ms/);
    expect(py).toMatch(/host1's restart at 900 ms/);
    expect(py).toContain('For what it does run (v=1) the model predicts: PCI allocation LOST on host2;');
    expect(py).toContain('EXPECTED_ON_HOST2 = 0');
  });

  it('names non-default model timings of the nova-test harness as not settable', () => {
    const fit = fitToNovaHarness({ ...ctxFor().scenario, spawn: 3000, claimAt: 100 });
    expect(fit.caveats.map((c) => c.split(' ')[0])).toEqual(['spawn=3000', 'claimAt=100']);
    expect(fit.scenario.spawn).toBe(50);
    const py = snippetOf({ spawn: 3000 });
    expect(py).toMatch(/# {3}- spawn=3000/);
  });
});
