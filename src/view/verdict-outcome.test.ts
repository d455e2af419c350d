import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { OUTCOME_TITLE, usageAgainstExpected, verdictReason } from './verdict-outcome';

const run = (patch: Partial<Scenario> = {}, preset: Scenario['preset'] = 'nova-test') => simulate({ ...defaultScenario(preset), ...patch });

describe('the verdict in the screen\'s words', () => {
  it('gives the model\'s reason with times in the one human format', () => {
    const { verdict } = run({ spawn: 120_000 });
    expect(verdict.reason).toMatch(/\d{5,} ms/);
    expect(verdictReason(verdict)).not.toMatch(/\d{5,} ms/);
    expect(verdictReason(verdict)).toMatch(/2 min/);
  });

  it('names each of the model\'s verdicts, "Race not reached" for a run that never got to it', () => {
    const incomplete = run({ claimAt: 3_600_000, periodicRuns: 10_000, period: 1000 }, 'production').verdict;
    expect(incomplete.verdict).toBe('incomplete');
    expect(OUTCOME_TITLE[incomplete.verdict]).toBe('Race not reached');
    expect(verdictReason(incomplete)).toMatch(/^Not reached: the evacuation never reached its claim on host2\..*1500 periodic runs/);
    expect(OUTCOME_TITLE[run().verdict.verdict]).toBe('PCI allocation LOST on host2');
    expect(OUTCOME_TITLE[run({ fix: true }).verdict.verdict]).toBe('PCI allocation kept on host2');
  });
});

describe('usageAgainstExpected', () => {
  it('puts what the Nova test expects beside the hosts that differ only', () => {
    expect(usageAgainstExpected({ host1: -1, host2: 1 }, { host1: 0, host2: 1 })).toBe('host1: -1 (expected 0) · host2: 1');
    expect(usageAgainstExpected({ host1: 0, host2: 1 }, { host1: 1, host2: 0 })).toBe('host1: 0 (expected 1) · host2: 1 (expected 0)');
    expect(usageAgainstExpected({ compute1: 1 }, { compute1: 1 })).toBe('compute1: 1');
  });
});
