/** `npm run simulate` as a user's CI would call it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src', 'cli', 'simulate.ts');

function run(...args: string[]) {
  return JSON.parse(execFileSync(tsx, [cli, ...args], { encoding: 'utf8', cwd: root })) as {
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
    expect(buggy).toMatchObject({ bugReproduced: true, pciAllocated: { host1: 1, host2: 0 }, query: 'v=1' });
    expect(buggy.steps.find((s) => s.kind === 'pci-freed')).toMatchObject({ host: 'host2', address: '0000:02:00.1' });
    expect(buggy.violations.length).toBeGreaterThan(0);
    expect(run('fix=1')).toMatchObject({ bugReproduced: false, pciAllocated: { host1: 1, host2: 1 } });
    expect(run('?v=1&migDelay=0').bugReproduced).toBe(false);
    // Several arguments are joined with '&'.
    expect(run('fix=1', 'migDelay=0').query).toBe('v=1&fix=1&migDelay=0');
  }, 60_000);

  it('exits with code 2 and one line naming the bad key', () => {
    const result = spawnSync(tsx, [cli, 'migDelay=soon'], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const ours = result.stderr.split('\n').filter((l) => l.startsWith('simulate:'));
    expect(ours).toEqual(['simulate: migDelay="soon" is not a plain decimal number']);
  }, 60_000);
});
