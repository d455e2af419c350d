/**
 * Golden traces for the headline scenarios. A mismatch writes
 * `__golden__/<name>-changed.json` next to the expected file and fails; look
 * at the diff, and if the change is intended, replace the file with it (or run
 * with UPDATE_GOLDEN=1). Nothing is regenerated silently.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from './scenario';
import { simulate } from './simulate';

const GOLDEN_DIR = join(import.meta.dirname, '__golden__');

const test = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario(), ...patch });
const production = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario('production'), ...patch });

const GOLDEN_SCENARIOS: Readonly<Record<string, Scenario>> = {
  'nova-test-buggy': test({}),
  'nova-test-fixed': test({ fix: true }),
  'nova-test-no-mig-sleep': test({ migDelay: 0 }),
  'production-buggy': production({}),
  'boot-after-race-and-host1-back': test({ bootAt: 6000, host1UpAt: 8000 }),
  'jitter-seed-7': production({ jitter: 300, seed: 7, periodicRuns: 3 }),
};

function goldenText(scenario: Scenario): string {
  const { steps, lockSpans, violations, verdict, stopped, endTime, traceHash } = simulate(scenario);
  return `${JSON.stringify({ scenario, verdict, traceHash, stopped, endTime, violations, lockSpans, steps }, null, 2)}\n`;
}

describe('golden traces', () => {
  for (const [name, scenario] of Object.entries(GOLDEN_SCENARIOS)) {
    it(`${name} matches its committed trace`, () => {
      const expectedPath = join(GOLDEN_DIR, `${name}.json`);
      const changedPath = join(GOLDEN_DIR, `${name}-changed.json`);
      const actual = goldenText(scenario);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedPath, actual);
      if (!existsSync(expectedPath)) {
        writeFileSync(changedPath, actual);
        throw new Error(`No golden trace ${expectedPath}; wrote ${changedPath} to review (or run with UPDATE_GOLDEN=1).`);
      }
      const expected = readFileSync(expectedPath, 'utf8');
      if (actual !== expected) writeFileSync(changedPath, actual);
      else if (existsSync(changedPath)) rmSync(changedPath);
      expect(actual, `trace changed; see ${changedPath}`).toBe(expected);
    });
  }
});
