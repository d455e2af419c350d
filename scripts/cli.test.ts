/** `npm run simulate` as a user's CI would call it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src', 'cli', 'simulate.ts');

function run(...args: string[]) {
  return JSON.parse(execFileSync(tsx, [cli, ...args], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 })) as {
    verdict: 'lost' | 'kept' | 'incomplete';
    allocationLost: boolean;
    mechanism: string | null;
    bugReproduced: boolean;
    pciAllocated: { host1: number; host2: number };
    traceHash: string;
    query: string;
    steps: { thread: string; kind: string | null; host: string | null; address: string | null; start: number; end: number; lock: string }[];
    violations: { step: number; invariant: string }[];
  };
}

describe('npm run simulate', () => {
  it("reproduces the Nova test's outcomes", () => {
    const buggy = run();
    expect(buggy).toMatchObject({
      verdict: 'lost', allocationLost: true, mechanism: 'stale-snapshots', bugReproduced: true, pciAllocated: { host1: 1, host2: 0 }, query: 'v=1',
    });
    expect(buggy.steps.find((s) => s.kind === 'pci-freed')).toMatchObject({ host: 'host2', address: '0000:02:00.1' });
    expect(buggy.violations.length).toBeGreaterThan(0);
    expect(run('fix=1')).toMatchObject({ verdict: 'kept', allocationLost: false, mechanism: null, bugReproduced: false, pciAllocated: { host1: 1, host2: 1 } });
    expect(run('?v=1&migDelay=0').bugReproduced).toBe(false);
    // host1 back mid-evacuation: lost by the other mechanism, with the fix too.
    expect(run('preset=production&fix=1&spawn=3000&periodicAt=1000&host1UpAt=500')).toMatchObject({
      verdict: 'lost', allocationLost: true, mechanism: 'migration-completed-by-source', bugReproduced: false,
    });
    // A run that never reached the race is not a green "kept".
    expect(run('preset=production&claimAt=3600000&periodicRuns=10000&period=1000')).toMatchObject({ verdict: 'incomplete', bugReproduced: false });
    // Several arguments are joined with '&'.
    expect(run('fix=1', 'migDelay=0').query).toBe('v=1&fix=1&migDelay=0');
  }, 60_000);

  it('replays a schedule given as schedule=, and exits 2 when it does not fit the scenario', () => {
    const replayed = run('schedule=1.a5b9a3b4');
    expect(replayed).toMatchObject({ verdict: 'lost', mechanism: 'stale-snapshots' });
    expect(replayed.steps.map((s) => [s.start, s.end]).slice(0, 3)).toEqual([[0, 1], [1, 2], [2, 3]]);
    const misfit = spawnSync(tsx, [cli, 'fix=1&schedule=1.a5b9a3b4'], { encoding: 'utf8', cwd: root });
    expect(misfit.status).toBe(2);
    expect(misfit.stderr.split('\n').filter((l) => l.startsWith('simulate:'))).toEqual([expect.stringMatching(/^simulate: schedule= does not fit this scenario: /)]);
  }, 60_000);

  it('exits with code 2 and one line naming the bad key', () => {
    const result = spawnSync(tsx, [cli, 'migDelay=soon'], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const ours = result.stderr.split('\n').filter((l) => l.startsWith('simulate:'));
    expect(ours).toEqual(['simulate: migDelay="soon" is not a plain decimal number']);
  }, 60_000);
});
