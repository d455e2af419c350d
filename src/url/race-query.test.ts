import { describe, expect, it } from 'vitest';
import { defaultScenario, normalizedScenario, raceParams, scenarioKeysRead } from '../model/scenario';
import { parseScenarioQuery, scenarioToQuery } from './scenario-query';

describe('the race in the URL', () => {
  it('is 1896463 when absent, and stays out of its links', () => {
    const parsed = parseScenarioQuery('v=1');
    expect(parsed.scenario.race).toBe('1896463');
    expect(scenarioToQuery(parsed.scenario, null)).toBe('v=1');
  });

  it('picks a race and its defaults, and round-trips', () => {
    const parsed = parseScenarioQuery('v=1&race=2025480&fix=1');
    expect(parsed.scenario).toMatchObject({ race: '2025480', fix: true, spawn: 1000, periodicAt: 500 });
    expect(parsed.notices).toEqual([]);
    expect(scenarioToQuery(parsed.scenario, null)).toBe('v=1&race=2025480&fix=1');
    expect(scenarioToQuery({ ...defaultScenario('nova-test', '1879878-confirm'), winDelay: 250 }, 4)).toBe('v=1&race=1879878-confirm&winDelay=250&step=5');
  });

  it('is validated like every key: an unknown race falls back to 1896463 with a notice', () => {
    const parsed = parseScenarioQuery('race=1234&fix=1');
    expect(parsed.scenario.race).toBe('1896463');
    expect(parsed.scenario.fix).toBe(true);
    expect(parsed.notices).toEqual([
      { key: 'race', problem: 'race="1234" must be one of 1896463, 1879878-confirm, 1879878-revert, 2025480', action: 'using 1896463' },
    ]);
  });

  it('reports the keys a race ignores, keeps them in the link, and leaves them out of what runs', () => {
    const parsed = parseScenarioQuery('race=2025480&dropDelay=5&preset=production&winDelay=7');
    expect(parsed.ignored).toEqual(['preset', 'dropDelay', 'winDelay']);
    expect(parsed.notices).toEqual([]);
    expect(scenarioToQuery(parsed.scenario, null)).toBe('v=1&race=2025480&preset=production&dropDelay=5&winDelay=7');
    const runs = normalizedScenario(parsed.scenario);
    expect(runs).toMatchObject({ dropDelay: 1000, winDelay: 1000, preset: 'nova-test' });
  });

  it('each race reads its own keys', () => {
    const keys = (race: Parameters<typeof raceParams>[0]) => raceParams(race).map((p) => p.key);
    expect(keys('1896463')).toEqual(['dropDelay', 'migDelay', 'spawn', 'dbLatency', 'claimAt', 'periodicAt', 'period', 'periodicRuns', 'jitter', 'seed', 'bootAt', 'host1UpAt', 'evacuees']);
    expect(keys('1879878-confirm')).toEqual(['winDelay', 'dbLatency', 'periodicAt', 'periodicRuns', 'jitter', 'seed']);
    expect(keys('1879878-revert')).toEqual(keys('1879878-confirm'));
    expect(keys('2025480')).toEqual(['spawn', 'dbLatency', 'periodicAt', 'periodicRuns', 'jitter', 'seed']);
  });

  it('a golden file records the keys its race reads: #1896463’s look as they did before there were races', () => {
    expect(Object.keys(scenarioKeysRead(defaultScenario())).sort()).toEqual(
      ['bootAt', 'claimAt', 'dbLatency', 'dropDelay', 'fix', 'host1UpAt', 'jitter', 'migDelay', 'period', 'periodicAt', 'periodicRuns', 'preset', 'schedule', 'seed', 'spawn'],
    );
    expect(scenarioKeysRead(defaultScenario('nova-test', '2025480'))).toEqual({
      race: '2025480', fix: false, spawn: 1000, dbLatency: 10, periodicAt: 500, periodicRuns: 1, jitter: 0, seed: 1, schedule: null,
    });
  });
});
