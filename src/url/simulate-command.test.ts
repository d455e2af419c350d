import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { simulateCommand } from './simulate-command';

describe('simulateCommand', () => {
  it('is the npm command with the scenario\'s query, quoted', () => {
    expect(simulateCommand(defaultScenario())).toBe("npm run -s simulate -- 'v=1'");
    expect(simulateCommand({ ...defaultScenario('production'), fix: true, bootAt: 6000 })).toBe(
      "npm run -s simulate -- 'v=1&preset=production&fix=1&bootAt=6000'",
    );
  });

  it('reruns the same trace through a shell', () => {
    const scenario = { ...defaultScenario(), migDelay: 1500, jitter: 40, seed: 9 };
    const out = execFileSync('sh', ['-c', simulateCommand(scenario)], { encoding: 'utf8' });
    expect(JSON.parse(out).traceHash).toBe(simulate(scenario).traceHash);
  }, 30_000);
});
