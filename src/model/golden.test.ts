/**
 * Golden traces for the headline scenarios: the structure of each trace
 * (threads, steps, times, locks, what changed, the facts and the outcome),
 * with sorted keys and without the words: labels and reasons are checked by
 * the unit tests, so rewording one never breaks a golden file. Of the
 * scenario, a file records the keys its race reads (`race` only when it is
 * not the default, as in a link): a key another race added never changes
 * the files of the races that ignore it.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGolden, stableJson } from './__golden__/files.golden';
import { defaultScenario, type RaceId, type Scenario, scenarioKeysRead } from './scenario';
import { simulate } from './simulate';
import type { Trace } from './types';

const GOLDEN_DIR = join(import.meta.dirname, '__golden__');

const test = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario(), ...patch });
const production = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario('production'), ...patch });
const race = (id: RaceId, patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('nova-test', id), ...patch });

const GOLDEN_SCENARIOS: Readonly<Record<string, Scenario>> = {
  'nova-test-buggy': test({}),
  'nova-test-fixed': test({ fix: true }),
  'nova-test-no-mig-sleep': test({ migDelay: 0 }),
  'production-buggy': production({}),
  'boot-after-race-and-host1-back': test({ bootAt: 6000, host1UpAt: 8000 }),
  'jitter-seed-7': production({ jitter: 300, seed: 7, periodicRuns: 3 }),
  '1879878-confirm-buggy': race('1879878-confirm', { periodicRuns: 2 }),
  '1879878-confirm-fixed': race('1879878-confirm', { fix: true, periodicRuns: 2 }),
  '1879878-revert-buggy': race('1879878-revert', { periodicRuns: 2 }),
  '1879878-revert-fixed': race('1879878-revert', { fix: true, periodicRuns: 2 }),
  '2025480-buggy': race('2025480', { periodicRuns: 2 }),
  '2025480-fixed': race('2025480', { fix: true, periodicRuns: 2 }),
};

/** The trace without its words. */
function traceStructure(scenario: Scenario, trace: Trace): unknown {
  const { reason: _reason, ...outcome } = trace.verdict;
  return {
    scenario: scenarioKeysRead(scenario),
    outcome,
    traceHash: trace.traceHash,
    stopped: trace.stopped ? { limit: trace.stopped.limit } : null,
    endTime: trace.endTime,
    violations: trace.violations.map(({ message: _message, ...v }) => v),
    lockSpans: trace.lockSpans,
    facts: trace.facts,
    steps: trace.steps.map(({ label: _label, read: _read, ...step }) => step),
  };
}

describe('golden traces', () => {
  for (const [name, scenario] of Object.entries(GOLDEN_SCENARIOS)) {
    it(`${name} matches its committed trace`, () => {
      const problem = checkGolden(GOLDEN_DIR, name, stableJson(traceStructure(scenario, simulate(scenario))), process.env);
      expect(problem).toBeNull();
    });
  }

  it('does not depend on the words: a reworded label leaves the golden text alone', () => {
    const scenario = GOLDEN_SCENARIOS['nova-test-buggy']!;
    const trace = simulate(scenario);
    const reworded: Trace = { ...trace, steps: trace.steps.map((s) => ({ ...s, label: `${s.label} (reworded)`, read: 'x' })) };
    expect(stableJson(traceStructure(scenario, reworded))).toBe(stableJson(traceStructure(scenario, trace)));
  });

  it('sorts keys, so the order fields are built in does not matter', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 3 } })).toBe(stableJson({ a: { c: 3, d: [{ y: 2, z: 1 }] }, b: 1 }));
  });

  it('writes a -changed file on a mismatch, and refuses UPDATE_GOLDEN=1 under CI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    expect(checkGolden(dir, 'g', 'one\n', { UPDATE_GOLDEN: '1' })).toBeNull();
    expect(readFileSync(join(dir, 'g.json'), 'utf8')).toBe('one\n');
    expect(checkGolden(dir, 'g', 'two\n', {})).toMatch(/g changed/);
    expect(readFileSync(join(dir, 'g-changed.json'), 'utf8')).toBe('two\n');
    expect(() => checkGolden(dir, 'g', 'two\n', { UPDATE_GOLDEN: '1', CI: '1' })).toThrow(/refused where CI is set/);
    expect(readFileSync(join(dir, 'g.json'), 'utf8')).toBe('one\n');
    expect(checkGolden(dir, 'g', 'one\n', {})).toBeNull();
    expect(existsSync(join(dir, 'g-changed.json'))).toBe(false);
  });
});
