/**
 * Random scenarios for property tests (fast-check): both harnesses, the fix,
 * every timing key over its interesting range, jitter, the optional
 * actors and one or two evacuees. Test-only (imported by *.test.ts files).
 */
import fc from 'fast-check';
import { defaultScenario, type Scenario } from './scenario';

/** Random scenarios across both harnesses, the fix, jitter and the optional actors. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    preset: fc.constantFrom('nova-test' as const, 'production' as const),
    fix: fc.boolean(),
    dropDelay: fc.integer({ min: 0, max: 4000 }),
    migDelay: fc.integer({ min: 0, max: 4000 }),
    spawn: fc.integer({ min: 0, max: 3000 }),
    dbLatency: fc.integer({ min: 0, max: 50 }),
    claimAt: fc.integer({ min: 0, max: 3000 }),
    periodicAt: fc.integer({ min: 0, max: 6000 }),
    period: fc.integer({ min: 1000, max: 10_000 }),
    periodicRuns: fc.integer({ min: 1, max: 3 }),
    jitter: fc.integer({ min: 0, max: 500 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    bootAt: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    host1UpAt: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    evacuees: fc.constantFrom(1, 2),
  })
  .map((r) => ({ ...defaultScenario(r.preset), ...r }));
