/**
 * The scenario: every input of one simulation. Its keys are the query-string
 * keys of the app's URL and of `npm run simulate`, so they are stable.
 */

export const PRESETS = ['nova-test', 'production'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Scenario {
  /** Which harness runs the threads: Nova's functional test, or one process per host. */
  readonly preset: Preset;
  /** Run the fixed code: `finish_evacuation` under `COMPUTE_RESOURCE_SEMAPHORE`. */
  readonly fix: boolean;
  /** ms slept before `drop_migration_context` (the test's first patch). */
  readonly dropDelay: number;
  /** ms slept before `MigrationList.get_in_progress_and_error` (the test's second patch). */
  readonly migDelay: number;
  /** ms the driver takes to rebuild/spawn the guest on host2. */
  readonly spawn: number;
  /** ms each database read or write takes. */
  readonly dbLatency: number;
  /** ms after the API accepted the evacuation when host2 asks for the rebuild claim. */
  readonly claimAt: number;
  /** ms when the periodic first runs (nova-test: when the test calls `_run_periodics()`). */
  readonly periodicAt: number;
  /** ms between periodic runs (production only: `update_resources_interval`). */
  readonly period: number;
  /** How many periodic runs: `_run_periodics()` calls (nova-test) or runs per live host (production). */
  readonly periodicRuns: number;
  /** Up to this many ms are added at random to every step (not to sleeps). */
  readonly jitter: number;
  /** Seed of the PRNG behind `jitter`. */
  readonly seed: number;
  /** ms when a new server asking for a physnet2 VF is booted on host2; `null`: no boot. */
  readonly bootAt: number | null;
  /** ms when host1's nova-compute comes back; `null`: it stays down. */
  readonly host1UpAt: number | null;
  /**
   * A schedule to replay instead of timing: the thread that takes each
   * transition (see `explore/`). `null`: time decides, as in Nova.
   */
  readonly schedule: readonly number[] | null;
}

export type NumericKey = Exclude<keyof Scenario, 'preset' | 'fix' | 'schedule'>;

export interface NumericParam {
  readonly key: NumericKey;
  readonly label: string;
  readonly unit: 'ms' | 'runs' | '';
  readonly min: number;
  readonly max: number;
  /** `null` means "off" (only for optional actors). */
  readonly defaults: Readonly<Record<Preset, number | null>>;
  /** Whether the value may be absent (an optional actor that is off). */
  readonly optional: boolean;
  /** Only meaningful for one preset. */
  readonly presets: readonly Preset[];
  readonly doc: string;
}

const HOUR_MS = 3_600_000;
const both: readonly Preset[] = PRESETS;

/** Every numeric scenario key, in the order the UI and the README show them. */
export const NUMERIC_PARAMS: readonly NumericParam[] = [
  {
    key: 'dropDelay', label: 'dropDelay', unit: 'ms', min: 0, max: 60_000, optional: false, presets: both,
    defaults: { 'nova-test': 1000, production: 1000 },
    doc: 'sleep injected before drop_migration_context (the regression test uses 1 s)',
  },
  {
    key: 'migDelay', label: 'migDelay', unit: 'ms', min: 0, max: 60_000, optional: false, presets: both,
    defaults: { 'nova-test': 2000, production: 2000 },
    doc: 'sleep injected before the in-progress migration query (the regression test uses 2 s)',
  },
  {
    key: 'spawn', label: 'spawn', unit: 'ms', min: 0, max: 600_000, optional: false, presets: both,
    defaults: { 'nova-test': 50, production: 50 },
    doc: 'time the driver takes to rebuild the guest on host2',
  },
  {
    key: 'dbLatency', label: 'DB latency', unit: 'ms', min: 0, max: 5_000, optional: false, presets: both,
    defaults: { 'nova-test': 10, production: 10 },
    doc: 'time of each database read or write',
  },
  {
    key: 'claimAt', label: 'claim request at', unit: 'ms', min: 0, max: HOUR_MS, optional: false, presets: both,
    defaults: { 'nova-test': 400, production: 400 },
    doc: 'when the rebuild request reaches host2 and asks for the claim',
  },
  {
    key: 'periodicAt', label: 'periodic at', unit: 'ms', min: 0, max: HOUR_MS, optional: false, presets: both,
    defaults: { 'nova-test': 300, production: 420 },
    doc: "nova-test: when the test calls _run_periodics(); production: host2's first periodic run",
  },
  {
    key: 'period', label: 'period', unit: 'ms', min: 1_000, max: HOUR_MS, optional: false, presets: ['production'],
    defaults: { 'nova-test': 60_000, production: 60_000 },
    doc: 'update_resources_interval between periodic runs (production only)',
  },
  {
    key: 'periodicRuns', label: 'periodic runs', unit: 'runs', min: 1, max: 10_000, optional: false, presets: both,
    defaults: { 'nova-test': 1, production: 2 },
    doc: 'nova-test: _run_periodics() calls; production: runs per live host',
  },
  {
    key: 'jitter', label: 'jitter', unit: 'ms', min: 0, max: 10_000, optional: false, presets: both,
    defaults: { 'nova-test': 0, production: 0 },
    doc: 'up to this much random time added to every step (seeded)',
  },
  {
    key: 'seed', label: 'seed', unit: '', min: 0, max: 4_294_967_295, optional: false, presets: both,
    defaults: { 'nova-test': 1, production: 1 },
    doc: 'seed of the jitter PRNG',
  },
  {
    key: 'bootAt', label: 'new boot at', unit: 'ms', min: 0, max: HOUR_MS, optional: true, presets: both,
    defaults: { 'nova-test': null, production: null },
    doc: 'boot a second server asking for a physnet2 VF on host2 (absent: no boot)',
  },
  {
    key: 'host1UpAt', label: 'host1 back at', unit: 'ms', min: 0, max: HOUR_MS, optional: true, presets: both,
    defaults: { 'nova-test': null, production: null },
    doc: 'restart nova-compute on host1, which cleans up the evacuated instance (absent: stays down)',
  },
];

export const PARAM_BY_KEY: Readonly<Record<NumericKey, NumericParam>> = Object.fromEntries(
  NUMERIC_PARAMS.map((p) => [p.key, p]),
) as Record<NumericKey, NumericParam>;

/**
 * The scenario of Nova's regression test (or the production preset's defaults).
 *
 * @example defaultScenario() // the test: buggy code, dropDelay 1000, migDelay 2000
 */
export function defaultScenario(preset: Preset = 'nova-test'): Scenario {
  const numeric = Object.fromEntries(NUMERIC_PARAMS.map((p) => [p.key, p.defaults[preset]]));
  return { ...(numeric as Record<NumericKey, number | null>), preset, fix: false, schedule: null } as Scenario;
}

/** Clamp a number into a parameter's range and round it to an integer. */
export function clampParam(param: NumericParam, value: number): number {
  const rounded = Math.round(value);
  return Math.min(param.max, Math.max(param.min, rounded));
}

/** Most transitions a schedule may name (far more than the step limit lets a run take). */
export const MAX_SCHEDULE_CHOICES = 100_000;
/** Threads a schedule may name. */
export const MAX_SCHEDULE_THREADS = 26;

/** True when every numeric value is an integer within its range, and a schedule names threads only. */
export function isScenarioInRange(s: Scenario): boolean {
  const numbersOk = NUMERIC_PARAMS.every((p) => {
    const v = s[p.key];
    if (v === null) return p.optional;
    return Number.isInteger(v) && v >= p.min && v <= p.max;
  });
  const schedule = s.schedule;
  const scheduleOk =
    schedule === null ||
    (Array.isArray(schedule) &&
      schedule.length <= MAX_SCHEDULE_CHOICES &&
      schedule.every((t) => Number.isInteger(t) && t >= 0 && t < MAX_SCHEDULE_THREADS));
  return numbersOk && scheduleOk;
}
