/**
 * What of a scenario Nova's functional-test harness can run: the two
 * injected sleeps, the fix and the number of `_run_periodics()` calls. The
 * rest (the production preset, jitter, the optional actors, the model's own
 * timings) the test cannot set, so the snippet says so and asserts the
 * model's prediction for the part it does run.
 */
import { defaultScenario, type NumericKey, PARAM_BY_KEY, type Scenario } from '../model/scenario';

export interface HarnessFit {
  /** The scenario the test reproduces: nova-test with the exported delays, fix and periodic runs. */
  readonly scenario: Scenario;
  /** One sentence per part of the exported scenario that the test does not reproduce. */
  readonly caveats: readonly string[];
}

/** Timings the model needs but the harness decides by itself (on the machine that runs it). */
const MACHINE_TIMINGS: readonly NumericKey[] = ['spawn', 'dbLatency', 'claimAt', 'periodicAt'];

const ms = (n: number): string => `${n} ms`;

/**
 * @example fitToNovaHarness(defaultScenario()).caveats // []
 */
export function fitToNovaHarness(s: Scenario): HarnessFit {
  const test = defaultScenario('nova-test');
  const caveats: string[] = [];
  if (s.preset === 'production') {
    caveats.push(
      `The scenario uses the production preset (one process and one lock per host, the periodic every ${ms(s.period)}). ` +
        "The functional-test harness runs every service in one process with one shared lock and the test calls _run_periodics() itself, " +
        'so this test runs the nova-test harness with the same sleeps and fix.',
    );
  }
  if (s.jitter > 0) {
    caveats.push(`jitter=${s.jitter} (up to ${ms(s.jitter)} of seeded random time per step) cannot be injected; the machine's own timing applies.`);
  }
  if (s.bootAt !== null) caveats.push(`The new server boot at ${ms(s.bootAt)} is not part of this test.`);
  if (s.host1UpAt !== null) caveats.push(`host1's restart at ${ms(s.host1UpAt)} is not part of this test (the harness cannot place it in the evacuation).`);
  if (s.preset === 'nova-test') {
    for (const key of MACHINE_TIMINGS) {
      if (s[key] !== test[key]) {
        caveats.push(`${key}=${s[key]} (${PARAM_BY_KEY[key].doc}) is the model's; the harness cannot set it (the model's default is ${test[key]}).`);
      }
    }
  }
  const periodicRuns = s.preset === 'nova-test' ? s.periodicRuns : test.periodicRuns;
  return { scenario: { ...test, fix: s.fix, dropDelay: s.dropDelay, migDelay: s.migDelay, periodicRuns }, caveats };
}
