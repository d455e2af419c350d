import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { verdictOutcome, verdictReason } from './verdict-outcome';

const run = (patch: Partial<Scenario> = {}, preset: Scenario['preset'] = 'nova-test') => simulate({ ...defaultScenario(preset), ...patch });

describe('verdictOutcome', () => {
  it('lost and kept as the Nova test counts them', () => {
    expect(verdictOutcome(run())).toBe('lost');
    expect(verdictOutcome(run({ fix: true }))).toBe('kept');
  });

  it('incomplete when the model stops before the claim: no green "kept" for a race that never ran', () => {
    const trace = run({ claimAt: 3_600_000, periodicRuns: 10_000, period: 1000 }, 'production');
    expect(trace.stopped).not.toBeNull();
    expect(trace.verdict.bugReproduced).toBe(false);
    expect(verdictOutcome(trace)).toBe('incomplete');
    expect(verdictReason(trace)).toMatch(/^Not reached: the evacuation never asked host2 for its claim.*stopped after 1000 periodic runs/);
  });

  it('incomplete when a kept run stopped early; a loss before the stop is still a loss', () => {
    const kept = run({ fix: true, periodicRuns: 5000, period: 1000 }, 'production');
    expect(kept.stopped).not.toBeNull();
    expect(verdictOutcome(kept)).toBe('incomplete');
    expect(verdictReason(kept)).toMatch(/^Not decided/);
    const lost = run({ periodicRuns: 5000, period: 1000 }, 'production');
    expect(lost.stopped).not.toBeNull();
    expect(verdictOutcome(lost)).toBe('lost');
    expect(verdictReason(lost)).toBe(lost.verdict.reason);
  });
});
