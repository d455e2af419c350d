import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulate';
import { bugReportMarkdown } from './summary';
import { ctxFor } from './test-scenarios';

const summaryOf = (overrides: Parameters<typeof ctxFor>[0] = {}) => {
  const ctx = ctxFor(overrides);
  return bugReportMarkdown(simulate(ctx.scenario), ctx);
};

describe('bugReportMarkdown', () => {
  it('gives the verdict, the key times, the link and the command for the Nova test', () => {
    const text = summaryOf();
    const hash = simulate(ctxFor({}).scenario).traceHash;
    expect(text).toContain(`**Racelab: PCI allocation LOST on host2** (Nova bug #1896463, scenario \`v=1\`, trace #${hash})`);
    expect(text).toContain("host2's periodic read the instance list at 2353 ms, before the evacuation saved host=host2");
    expect(text).toContain('inst-A allocated in pci_devices: host1 1, host2 0');
    expect(text).toContain(
      [
        '- 2343 ms: rebuild_claim on host2',
        '- 2353 ms: host2 periodic, snapshot 1 (InstanceList.get_by_host_and_node) (inst-A not listed)',
        '- 2403 ms: evacuation saves instance.host = host2',
        "- 3423 ms: migration.status = 'done'",
        '- 4364 ms: host2 periodic, snapshot 2 (MigrationList.get_in_progress_and_error) (migration not in progress)',
        "- 4366 ms: clean_usage frees inst-A's device 0000:02:00.1",
      ].join('\n'),
    );
    expect(text).toContain('Scenario: http://127.0.0.1:5173/?v=1\n');
    expect(text).toContain("Headless: `npm run -s simulate -- 'v=1'`");
  });

  it('says when nothing was freed and the periodic saw the migration (the fix)', () => {
    const text = summaryOf({ fix: true });
    expect(text).toContain('**Racelab: PCI allocation kept on host2**');
    expect(text).toContain('(migration in progress)');
    // In the order they happened: snapshot 2 before the host save; the free never.
    expect(text).toMatch(/- 4364 ms: host2 periodic, snapshot 2 [^\n]*\n- 4386 ms: evacuation saves/);
    expect(text).toContain("- never: clean_usage frees inst-A's device\n");
    expect(text).toContain("simulate -- 'v=1&fix=1'");
  });

  it('links the selected step but gives the command without it', () => {
    const ctx = ctxFor({ migDelay: 500 }, 7);
    const text = bugReportMarkdown(simulate(ctx.scenario), ctx);
    expect(text).toContain('Scenario: http://127.0.0.1:5173/?v=1&migDelay=500&step=8');
    expect(text).toContain("simulate -- 'v=1&migDelay=500'");
  });
});
