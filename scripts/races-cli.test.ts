/**
 * The usage races headless, as a user's CI would call them: `simulate`
 * prints each race's Nova-test numbers, `explore` finds each race's
 * schedules, map and flips, and `export` writes every format for every
 * race, the Nova test included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const json = (script: string, ...args: string[]): Record<string, unknown> =>
  JSON.parse(execFileSync(tsx, [join(root, 'src', 'cli', script), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 }));
const simulate = (...args: string[]) => json('simulate.ts', ...args);

describe('npm run simulate, every race', () => {
  it('prints race, verdict, bugReproduced and usage for each race: the Nova tests’ own outcomes', () => {
    expect(simulate('race=1879878-confirm')).toMatchObject({
      race: '1879878-confirm', verdict: 'lost', bugReproduced: true, mechanism: 'periodic-before-drop',
      usage: { host1: -1, host2: 1 }, usageWhenFinished: { host1: -1, host2: 1 }, expectedUsage: { host1: 0, host2: 1 },
    });
    expect(simulate('race=1879878-confirm&fix=1')).toMatchObject({ verdict: 'kept', bugReproduced: false, usage: { host1: 0, host2: 1 } });
    expect(simulate('race=1879878-revert')).toMatchObject({ verdict: 'lost', bugReproduced: true, usage: { host1: 0, host2: 1 } });
    expect(simulate('race=1879878-revert&fix=1')).toMatchObject({
      verdict: 'lost', bugReproduced: false, mechanism: 'reverted-before-host-save', usage: { host1: 0, host2: 0 },
    });
    expect(simulate('race=2025480')).toMatchObject({ race: '2025480', verdict: 'lost', bugReproduced: true, usage: { compute1: 0 } });
    expect(simulate('race=2025480&fix=1')).toMatchObject({ verdict: 'kept', usage: { compute1: 1 } });
  }, 60_000);

  it('a second periodic restores the expected usage in each; the verdict still says it was wrong when the operation finished', () => {
    expect(simulate('race=1879878-confirm&periodicRuns=2')).toMatchObject({ verdict: 'lost', usageWhenFinished: { host1: -1, host2: 1 }, usage: { host1: 0, host2: 1 } });
    expect(simulate('race=1879878-revert&periodicRuns=2')).toMatchObject({ verdict: 'lost', usageWhenFinished: { host1: 0, host2: 1 }, usage: { host1: 1, host2: 0 } });
    expect(simulate('race=2025480&periodicRuns=2')).toMatchObject({ verdict: 'lost', usageWhenFinished: { compute1: 0 }, usage: { compute1: 1 } });
  }, 60_000);

  it('#1896463 keeps pciAllocated and prints race and usage (null: it counts PCI devices, not vCPUs)', () => {
    const out = simulate('v=1');
    expect(out).toMatchObject({ race: '1896463', verdict: 'lost', usage: null, pciAllocated: { host1: 1, host2: 0 } });
    expect(out['scenario']).not.toHaveProperty('race');
  }, 60_000);

  it('keys a race ignores are listed, not failed on; an unknown race exits 2 with one line', () => {
    expect(simulate('race=2025480&dropDelay=5')).toMatchObject({ ignoredKeys: ['dropDelay'], usage: { compute1: 0 } });
    const bad = spawnSync(tsx, [join(root, 'src', 'cli', 'simulate.ts'), 'race=42'], { encoding: 'utf8', cwd: root });
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n').filter((l) => l.startsWith('simulate:'))).toEqual([
      'simulate: race="42" must be one of 1896463, 1879878-confirm, 1879878-revert, 2025480',
    ]);
  }, 60_000);
});

describe('npm run explore and export, every race', () => {
  it('schedules: the counts the README gives, and the fixed revert loses only through the window after the drop', () => {
    const counts = (query: string) => {
      const r = json('explore.ts', 'schedules', query) as { schedules: number; losingSchedules: number; complete: boolean; outcomes: { mechanism: string | null }[] };
      expect(r.complete).toBe(true);
      return [r.schedules, r.losingSchedules];
    };
    expect(counts('race=1879878-confirm')).toEqual([28, 4]);
    expect(counts('race=1879878-confirm&fix=1')).toEqual([18, 0]);
    expect(counts('race=2025480')).toEqual([6, 2]);
    expect(counts('race=2025480&fix=1')).toEqual([6, 0]);
    const fixed = json('explore.ts', 'schedules', 'race=1879878-revert&fix=1') as { losingSchedules: number; outcomes: { verdict: string; mechanism: string | null }[] };
    expect(fixed.losingSchedules).toBe(7);
    expect(new Set(fixed.outcomes.filter((o) => o.verdict === 'lost').map((o) => o.mechanism))).toEqual(new Set(['reverted-before-host-save']));
  }, 120_000);

  it('map and flip use the race’s own keys; a key the race does not read is refused', () => {
    const map = json('explore.ts', 'map', 'race=2025480', '--res', '10') as { x: { key: string }; y: { key: string }; lostCells: number };
    expect(map).toMatchObject({ x: { key: 'spawn' }, y: { key: 'periodicAt' } });
    expect(map.lostCells).toBeGreaterThan(0);
    const flips = json('explore.ts', 'flip', 'race=1879878-confirm') as { verdict: string; flips: { key: string }[] };
    expect(flips.verdict).toBe('lost');
    expect(flips.flips.map((f) => f.key).every((k) => ['winDelay', 'dbLatency', 'periodicAt'].includes(k))).toBe(true);
    const bad = spawnSync(tsx, [join(root, 'src', 'cli', 'explore.ts'), 'map', 'race=2025480', '--x', 'dropDelay'], { encoding: 'utf8', cwd: root });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^explore: --x must be one of spawn, dbLatency, periodicAt, jitter\n/);
  }, 120_000);

  it('export: every format, the Nova test included, with the race’s own test and counts', () => {
    const svg = execFileSync(tsx, [join(root, 'src', 'cli', 'export.ts'), '--format', 'svg', 'race=1879878-confirm'], { encoding: 'utf8', cwd: root });
    expect(svg).toMatch(/vcpus_used WRONG after the confirm/);
    const py = (query: string) => execFileSync(tsx, [join(root, 'src', 'cli', 'export.ts'), '--format', 'nova-test', query], { encoding: 'utf8', cwd: root });
    const unshelve = py('race=2025480');
    expect(unshelve).toMatch(/^# Nova bug #2025480 \(unshelve\)/);
    expect(unshelve).toContain("EXPECTED_WHEN_FINISHED = {'compute1': 0}");
    expect(unshelve).toContain('new=allow_resource_removal_before_fix))');
    expect(py('race=2025480&fix=1')).toContain("EXPECTED_WHEN_FINISHED = {'compute1': 1}");
    expect(py('race=1879878-confirm')).toContain("EXPECTED_WHEN_FINISHED = {'host1': -1, 'host2': 1}");
    expect(py('race=1879878-revert&fix=1')).toContain("EXPECTED_WHEN_FINISHED = {'host1': 0, 'host2': 0}");
  }, 60_000);
});
