/** `npm run export` as a user's CI would call it: each format on stdout, exit 2 with one line for bad input. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSvg } from '../src/export/svg';
import { traceEventProblems } from '../src/export/trace-event-schema';
import { simulate } from '../src/model/simulate';
import { parseScenarioQuery } from '../src/url/scenario-query';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src', 'cli', 'export.ts');

const run = (...args: string[]): string => execFileSync(tsx, [cli, ...args], { encoding: 'utf8', cwd: root });

describe('npm run export', () => {
  it('prints each format for the query', () => {
    const chrome = JSON.parse(run('--format', 'chrome', 'fix=1')) as { otherData: { query: string; traceHash: string } };
    expect(traceEventProblems(chrome)).toEqual([]);
    expect(chrome.otherData).toMatchObject({ query: 'v=1&fix=1', traceHash: simulate(parseScenarioQuery('fix=1').scenario).traceHash });
    expect(run('--format=markdown', '?v=1', 'migDelay=500')).toContain("Headless: `npm run -s simulate -- 'v=1&migDelay=500'`");
    const py = run('--format', 'nova-test');
    expect(py).toContain('IN_PROGRESS_MIGRATIONS_SLEEP = 2  # s');
    expect(py).toContain('EXPECTED_ON_HOST2 = 0');
  }, 60_000);

  it('prints the same SVG as the function the app calls, with links on --base-url', () => {
    const svg = run('--format', 'svg', '--base-url', 'https://racelab.example/app/', 'v=1&step=10');
    const parsed = parseScenarioQuery('v=1&step=10');
    expect(parsed.cursor).toBe(9); // step=10 on screen
    expect(svg).toBe(scenarioSvg(simulate(parsed.scenario), { scenario: parsed.scenario, cursor: 9, baseUrl: 'https://racelab.example/app/' }));
    expect(svg).toContain('Scenario: https://racelab.example/app/?v=1&amp;step=10');
  }, 60_000);

  it.each([
    [['--format', 'svg', 'migDelay=soon'], 'export: migDelay="soon" is not a plain decimal number'],
    [['--format', 'pdf'], 'export: --format must be one of chrome, svg, markdown, nova-test'],
    [['v=1'], 'export: --format must be one of chrome, svg, markdown, nova-test'],
    [['--format', 'svg', '--base-url', 'javascript:alert(1)'], 'export: --base-url must be an http(s) URL'],
    [['--format', 'svg', '--colour'], 'export: unknown option --colour'],
  ])('exits with code 2 and one line for %j', (args, line) => {
    const result = spawnSync(tsx, [cli, ...args], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((l) => l.startsWith('export:'))).toEqual([line]);
  }, 60_000);
});
