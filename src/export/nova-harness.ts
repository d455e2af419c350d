/**
 * What of a scenario Nova's functional-test harness can run. #1896463: the
 * two injected sleeps, the fix and the number of `_run_periodics()` calls.
 * The usage races: the window sleep (#1879878) or the driver's spawn time
 * (#2025480), when the test thread starts `_run_periodics()`, the fix and
 * the number of calls. The rest (the production preset, jitter, a replayed
 * schedule, the optional actors, the model's own timings) the test cannot
 * set, so the snippet says so and asserts the model's prediction for the
 * part it does run.
 */
import { defaultScenario, type NumericKey, PARAM_BY_KEY, paramDoc, type RaceId, raceReads, type Scenario } from '../model/scenario';

export interface HarnessFit {
  /** The scenario the test reproduces: nova-test with the exported delays, fix and periodic runs. */
  readonly scenario: Scenario;
  /** One sentence per part of the exported scenario that the test does not reproduce. */
  readonly caveats: readonly string[];
}

/** The keys each race's exported test sets itself (sleeps it patches in, when it calls `_run_periodics()`). */
export const HARNESS_KEYS: Readonly<Record<RaceId, readonly NumericKey[]>> = {
  '1896463': ['dropDelay', 'migDelay', 'periodicRuns'],
  '1879878-confirm': ['winDelay', 'periodicAt', 'periodicRuns'],
  '1879878-revert': ['winDelay', 'periodicAt', 'periodicRuns'],
  '2025480': ['spawn', 'periodicAt', 'periodicRuns'],
};

/** Keys that are not timings (jitter and its seed have their own caveat). */
const NOT_TIMINGS: readonly NumericKey[] = ['jitter', 'seed', 'bootAt', 'host1UpAt', 'period'];

const ms = (n: number): string => `${n} ms`;

/** Timings the model needs but the harness decides by itself (on the machine that runs it). */
function machineTimings(race: RaceId): NumericKey[] {
  const keys = Object.keys(PARAM_BY_KEY) as NumericKey[];
  return keys.filter((k) => raceReads(race, k) && !HARNESS_KEYS[race].includes(k) && !NOT_TIMINGS.includes(k));
}

function evacuationCaveats(s: Scenario): string[] {
  const caveats: string[] = [];
  if (s.preset === 'production') {
    caveats.push(
      `The scenario uses the production preset (one process and one lock per host, the periodic every ${ms(s.period)}). ` +
        "The functional-test harness runs every service in one process with one shared lock and the test calls _run_periodics() itself, " +
        'so this test runs the nova-test harness with the same sleeps and fix.',
    );
  }
  if (s.bootAt !== null) caveats.push(`The new server boot at ${ms(s.bootAt)} is not part of this test.`);
  if (s.host1UpAt !== null) caveats.push(`host1's restart at ${ms(s.host1UpAt)} is not part of this test (the harness cannot place it in the evacuation).`);
  return caveats;
}

/**
 * @example fitToNovaHarness(defaultScenario()).caveats // []
 * @example fitToNovaHarness({ ...defaultScenario('nova-test', '2025480'), jitter: 5 }).caveats // ['jitter=5 (...) cannot be injected; ...']
 */
export function fitToNovaHarness(s: Scenario): HarnessFit {
  const test = defaultScenario('nova-test', s.race);
  const caveats = s.race === '1896463' ? evacuationCaveats(s) : [];
  if (s.jitter > 0) {
    caveats.push(`jitter=${s.jitter} (up to ${ms(s.jitter)} of seeded random time per step) cannot be injected; the machine's own timing applies.`);
  }
  if (s.schedule !== null) {
    caveats.push('The scenario replays a schedule (schedule=) the explorer printed; the test cannot choose the order of the threads, it runs by timing.');
  }
  if (s.preset === 'nova-test') {
    for (const key of machineTimings(s.race)) {
      if (s[key] !== test[key]) {
        caveats.push(`${key}=${s[key]} (${paramDoc(PARAM_BY_KEY[key], s.race)}) is the model's; the harness cannot set it (the model's default is ${test[key]}).`);
      }
    }
  }
  const fitted: Record<string, unknown> = { ...test, fix: s.fix };
  for (const key of HARNESS_KEYS[s.race]) fitted[key] = s[key];
  // #1896463's production preset counts periodic runs per host, not _run_periodics() calls.
  if (s.preset !== 'nova-test') fitted['periodicRuns'] = test.periodicRuns;
  return { scenario: fitted as unknown as Scenario, caveats };
}
