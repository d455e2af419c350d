/** `npm run explore` as a user's CI would call it: one JSON object per command, exit 2 with one line for bad input. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../src/model/scenario';
import { lostRows } from '../src/sweep/cells';
import { defaultMapSpec } from '../src/sweep/map-spec';
import { evaluateMap } from '../src/sweep/map-run';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src', 'cli', 'explore.ts');

const run = (...args: string[]): Record<string, unknown> => JSON.parse(execFileSync(tsx, [cli, ...args], { encoding: 'utf8', cwd: root }));

describe('npm run explore', () => {
  it('map: the cell centres, lost rows from the lowest y up, counts and time', () => {
    const map = run('map', 'v=1', '--res', '20') as {
      x: { key: string; values: number[] }; y: { key: string; values: number[] }; lost: boolean[][]; lostCells: number; cells: number; elapsedMs: number;
    };
    expect(map.x).toEqual({ key: 'dropDelay', values: Array.from({ length: 20 }, (_, i) => 75 + 150 * i) });
    expect(map.y.key).toBe('migDelay');
    expect(map.lost).toEqual(lostRows(evaluateMap(defaultScenario(), { ...defaultMapSpec(), res: 20 }), 20));
    expect(map.lost[0]!.every((lost) => !lost)).toBe(true); // migDelay 75: kept whatever dropDelay is
    expect(map.lost[19]![0]).toBe(true); // migDelay 2925, dropDelay 75: lost
    expect(map.lostCells).toBe(map.lost.flat().filter(Boolean).length);
    expect(map.cells).toBe(400);
    expect(map.elapsedMs).toBeGreaterThan(0);
    const other = run('map', 'fix=1', '--x', 'spawn', '--y=dbLatency', '--res', '10') as { x: { key: string }; y: { key: string }; lostCells: number };
    expect(other).toMatchObject({ x: { key: 'spawn' }, y: { key: 'dbLatency' }, lostCells: 0 });
    // The map's URL keys work too, and --x naming the y key swaps them.
    expect(run('map', 'mapRes=10&mapXMax=500', '--x', 'migDelay')).toMatchObject({ x: { key: 'migDelay' }, y: { key: 'dropDelay' }, cells: 100 });
  }, 60_000);

  it('schedules: every order of the steps; losing ones for the buggy code, none for the fix; a replayable shortest one', () => {
    type Report = {
      schedules: number; outcomes: { verdict: string; mechanism: string | null; count: number }[]; losingSchedules: number;
      shortestLosing: { steps: { step: number; thread: string; kind: string | null }[]; schedule: string; link: string } | null;
      reduction: string; complete: boolean; elapsedMs: number; schedulesPerSecond: number;
    };
    const buggy = run('schedules', 'v=1') as Report;
    expect(buggy).toMatchObject({ reduction: 'dpor', complete: true });
    expect(buggy.losingSchedules).toBeGreaterThan(0);
    expect(buggy.outcomes.reduce((n, o) => n + o.count, 0)).toBe(buggy.schedules);
    expect(buggy.schedulesPerSecond).toBeGreaterThan(0);
    const { steps, link, schedule } = buggy.shortestLosing!;
    expect(link).toBe(`?v=1&schedule=${schedule}`);
    const kinds = steps.map((s) => `${s.thread}:${s.kind}`);
    expect(kinds.indexOf('periodic-host2:instance-list')).toBeLessThan(kinds.indexOf('evacuation:host-saved'));
    expect(kinds.indexOf('evacuation:migration-done')).toBeLessThan(kinds.indexOf('periodic-host2:migration-list'));
    // The link replays headless: the same schedule loses.
    const replayed = JSON.parse(execFileSync(tsx, [join(root, 'src', 'cli', 'simulate.ts'), link], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 }));
    expect(replayed).toMatchObject({ verdict: 'lost', bugReproduced: true, clock: 'step' });
    const fixed = run('schedules', 'fix=1') as Report;
    expect(fixed).toMatchObject({ losingSchedules: 0, shortestLosing: null, complete: true });
    const unreduced = run('schedules', 'fix=1', '--no-reduction') as Report;
    expect(unreduced.reduction).toBe('none');
    expect(unreduced.schedules).toBeGreaterThan(fixed.schedules * 10);
    expect(new Set(unreduced.outcomes.map((o) => o.verdict))).toEqual(new Set(fixed.outcomes.map((o) => o.verdict)));
    expect(run('schedules', 'v=1', '--budget', '5')).toMatchObject({ schedules: 5, complete: false });
    const bad = spawnSync(tsx, [cli, 'schedules', 'v=1', '--runs', '3'], { encoding: 'utf8', cwd: root });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/explore: --runs is an option of odds, not schedules/);
  }, 120_000);

  it('flip: every key that flips, nearest first', () => {
    const flip = run('flip', 'v=1') as { verdict: string; flips: { key: string; value: number; delta: number }[] };
    expect(flip.verdict).toBe('lost');
    expect(flip.flips[0]).toEqual({ key: 'spawn', value: 0, delta: -50 });
    expect(flip.flips).toContainEqual({ key: 'migDelay', value: 1058, delta: -942 });
    const deltas = flip.flips.map((f) => Math.abs(f.delta));
    expect(deltas).toEqual([...deltas].sort((a, b) => a - b));
    expect(run('flip', 'fix=1')).toEqual({ verdict: 'kept', flips: [] });
  }, 60_000);

  it('odds: the share of seeded runs lost, with its 95 % interval', () => {
    const odds = run('odds', 'dropDelay=1900&jitter=100', '--runs', '300') as { runs: number; lost: number; share: number; ci95: [number, number] };
    expect(odds.runs).toBe(300);
    expect(odds.lost).toBeGreaterThan(0);
    expect(odds.lost).toBeLessThan(300);
    expect(odds.share).toBe(odds.lost / 300);
    expect(odds.ci95[0]).toBeLessThan(odds.share);
    expect(odds.ci95[1]).toBeGreaterThan(odds.share);
    expect(run('odds', 'v=1')).toEqual({ runs: 1000, lost: 1000, share: 1, ci95: [expect.closeTo(0.99617, 4), 1] });
  }, 60_000);

  it.each([
    [['map', 'migDelay=soon'], 'explore: migDelay="soon" is not a plain decimal number'],
    [['sweep', 'v=1'], 'explore: the first argument must be one of map, flip, odds, schedules'],
    [[], 'explore: the first argument must be one of map, flip, odds, schedules'],
    [['map', '--x', 'seed'], 'explore: --x must be one of dropDelay, migDelay, spawn, dbLatency, claimAt, periodicAt, period, jitter, bootAt, host1UpAt'],
    [['map', '--x', 'spawn', '--y', 'spawn'], 'explore: --x and --y both name spawn'],
    [['map', '--res', '1000'], 'explore: --res must be a whole number from 10 to 400'],
    [['odds', '--runs', '-1'], 'explore: --runs must be a whole number from 1 to 100000'],
    [['flip', '--runs', '5'], 'explore: --runs is an option of odds, not flip'],
    [['map', '--colour'], 'explore: unknown option --colour'],
    [['odds', '--runs'], 'explore: --runs needs a value'],
  ])('exits with code 2 and one line for %j', (args, line) => {
    const result = spawnSync(tsx, [cli, ...args], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((l) => l.startsWith('explore:'))).toEqual([line]);
  }, 60_000);
});
