/**
 * The scenario: every input of one simulation. Its keys are the query-string
 * keys of the app's URL and of `npm run simulate`, so they are stable. Each
 * race reads the keys it lists (`raceKeys`); the others keep their defaults
 * and are ignored for it.
 */
import { RACE_IDS, type RaceId } from './types';

export const PRESETS = ['nova-test', 'production'] as const;
export type Preset = (typeof PRESETS)[number];

export { RACE_IDS, type RaceId };
/** The race a scenario without `race=` runs: the one Racelab began with. */
export const DEFAULT_RACE: RaceId = '1896463';

export interface Scenario {
  /** Which race of the library runs (see `races/`). */
  readonly race: RaceId;
  /** Which harness runs the threads: Nova's functional test, or one process per host. */
  readonly preset: Preset;
  /** Run the fixed code: `finish_evacuation` under `COMPUTE_RESOURCE_SEMAPHORE`. */
  readonly fix: boolean;
  /** ms slept before `drop_migration_context` (the test's first patch). */
  readonly dropDelay: number;
  /** ms slept before `MigrationList.get_in_progress_and_error` (the test's second patch). */
  readonly migDelay: number;
  /** #1879878: ms slept right after the migration's status save (inside the lock in the fixed code). */
  readonly winDelay: number;
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
  /** Servers evacuated from host1: `inst-A` (1), or `inst-A` then `inst-C` (2). */
  readonly evacuees: number;
  /**
   * A schedule to replay instead of timing: the thread that takes each
   * transition (see `explore/`). `null`: time decides, as in Nova.
   */
  readonly schedule: readonly number[] | null;
}

/**
 * The same scenario as a fresh object with its keys in one order. Scenarios
 * reach the model built in many ways (parsed from a URL, copied by a worker
 * message, spread with one key changed by a sweep), and each way gave the
 * object its own hidden class: the threads, which read the scenario at
 * every step, were deoptimized by V8 each time a new one came by ("wrong
 * map"), and a sweep worker spent its first seconds compiling them again.
 * Its `race` and `preset` are the model's own strings (see `interned`).
 */
export function shapedScenario(s: Scenario): Scenario {
  return {
    race: interned(RACE_IDS, s.race), preset: interned(PRESETS, s.preset), fix: s.fix,
    dropDelay: s.dropDelay, migDelay: s.migDelay, winDelay: s.winDelay, spawn: s.spawn, dbLatency: s.dbLatency,
    claimAt: s.claimAt, periodicAt: s.periodicAt, period: s.period, periodicRuns: s.periodicRuns,
    jitter: s.jitter, seed: s.seed, bootAt: s.bootAt, host1UpAt: s.host1UpAt, evacuees: s.evacuees, schedule: s.schedule,
  };
}

export type NumericKey = Exclude<keyof Scenario, 'race' | 'preset' | 'fix' | 'schedule'>;

/**
 * The model's own copy of a string equal to `value`, found by comparing
 * contents. A string that crossed a worker boundary is a new string with
 * the same characters, and V8 compiles a keyed lookup (`RACES[s.race]`,
 * `scenario[spec.xKey] = v`) against the string it saw, by identity: each
 * task's copy threw the sweep's optimized code away ("unexpected name in
 * keyed access") and had it compiled again, about 100 ms of a core per
 * race-map input in Chromium. Keys and names that go into keyed lookups
 * pass through here first.
 *
 * @example interned(PRESETS, JSON.parse('"production"')) === PRESETS[1] // the same string, not a copy
 */
export function interned<T extends string>(values: readonly T[], value: T): T {
  for (const known of values) if (known === value) return known;
  return value;
}

export interface NumericParam {
  readonly key: NumericKey;
  readonly label: string;
  readonly unit: 'ms' | 'runs' | 'servers' | '';
  readonly min: number;
  readonly max: number;
  /** #1896463's defaults per harness; `null` means "off" (only for optional actors). */
  readonly defaults: Readonly<Record<Preset, number | null>>;
  /** Whether the value may be absent (an optional actor that is off). */
  readonly optional: boolean;
  /** Only meaningful for one preset (#1896463's harnesses). */
  readonly presets: readonly Preset[];
  /** The races that read this key; the others ignore it. */
  readonly races: readonly RaceId[];
  /** Another race's default, where it differs from #1896463's nova-test one. */
  readonly raceDefaults?: Readonly<Partial<Record<RaceId, number>>>;
  readonly doc: string;
  /** Another race's words for the key, where they differ. */
  readonly raceDocs?: Readonly<Partial<Record<RaceId, string>>>;
}

const HOUR_MS = 3_600_000;
const both: readonly Preset[] = PRESETS;
const EVACUATION: readonly RaceId[] = ['1896463'];
const RESIZE: readonly RaceId[] = ['1879878-confirm', '1879878-revert'];
const EVERY_RACE: readonly RaceId[] = RACE_IDS;
const WHEN_TEST_RUNS =
  "when the test thread calls _run_periodics() (host1's periodic, then host2's), in ms after the POST";

/** Every numeric scenario key, in the order the UI and the README show them. */
export const NUMERIC_PARAMS: readonly NumericParam[] = [
  {
    key: 'dropDelay', label: 'dropDelay', unit: 'ms', min: 0, max: 60_000, optional: false, presets: both, races: EVACUATION,
    defaults: { 'nova-test': 1000, production: 1000 },
    doc: 'sleep injected before drop_migration_context (the regression test uses 1 s)',
  },
  {
    key: 'migDelay', label: 'migDelay', unit: 'ms', min: 0, max: 60_000, optional: false, presets: both, races: EVACUATION,
    defaults: { 'nova-test': 2000, production: 2000 },
    doc: 'sleep injected before the in-progress migration query (the regression test uses 2 s)',
  },
  {
    key: 'winDelay', label: 'winDelay', unit: 'ms', min: 0, max: 60_000, optional: false, presets: both, races: RESIZE,
    defaults: { 'nova-test': 1000, production: 1000 },
    doc: "sleep injected right after the migration's status save (confirmed / reverted), before the claim is dropped; inside the lock in the fixed code",
  },
  {
    key: 'spawn', label: 'spawn', unit: 'ms', min: 0, max: 600_000, optional: false, presets: both, races: ['1896463', '2025480'],
    defaults: { 'nova-test': 50, production: 50 }, raceDefaults: { '2025480': 1000 },
    doc: 'time the driver takes to rebuild the guest on host2',
    raceDocs: { '2025480': "time driver.spawn takes to start the unshelved guest on compute1 (the test runs _run_periodics() inside it)" },
  },
  {
    key: 'dbLatency', label: 'DB latency', unit: 'ms', min: 0, max: 5_000, optional: false, presets: both, races: EVERY_RACE,
    defaults: { 'nova-test': 10, production: 10 },
    doc: 'time of each database read or write',
  },
  {
    key: 'claimAt', label: 'claim request at', unit: 'ms', min: 0, max: HOUR_MS, optional: false, presets: both, races: EVACUATION,
    defaults: { 'nova-test': 400, production: 400 },
    doc: 'when the rebuild request reaches host2 and asks for the claim',
  },
  {
    key: 'periodicAt', label: 'periodic at', unit: 'ms', min: 0, max: HOUR_MS, optional: false, presets: both, races: EVERY_RACE,
    defaults: { 'nova-test': 300, production: 420 }, raceDefaults: { '1879878-confirm': 500, '1879878-revert': 500, '2025480': 500 },
    doc: "nova-test: when the test calls _run_periodics(); production: host2's first periodic run",
    raceDocs: {
      '1879878-confirm': WHEN_TEST_RUNS,
      '1879878-revert': WHEN_TEST_RUNS,
      '2025480': "when the test thread calls _run_periodics() (compute1's periodic), in ms after the POST of unshelve",
    },
  },
  {
    key: 'period', label: 'period', unit: 'ms', min: 1_000, max: HOUR_MS, optional: false, presets: ['production'], races: EVACUATION,
    defaults: { 'nova-test': 60_000, production: 60_000 },
    doc: 'update_resources_interval between periodic runs (production only)',
  },
  {
    key: 'periodicRuns', label: 'periodic runs', unit: 'runs', min: 1, max: 10_000, optional: false, presets: both, races: EVERY_RACE,
    defaults: { 'nova-test': 1, production: 2 },
    doc: 'nova-test: _run_periodics() calls; production: runs per live host',
    raceDocs: Object.fromEntries(
      (['1879878-confirm', '1879878-revert', '2025480'] as const).map((race) => [
        race,
        "_run_periodics() calls: the first at periodicAt, each later one once the operation has finished (as the Nova test's last call does)",
      ]),
    ),
  },
  {
    key: 'jitter', label: 'jitter', unit: 'ms', min: 0, max: 10_000, optional: false, presets: both, races: EVERY_RACE,
    defaults: { 'nova-test': 0, production: 0 },
    doc: 'up to this much random time added to every step (seeded)',
  },
  {
    key: 'seed', label: 'seed', unit: '', min: 0, max: 4_294_967_295, optional: false, presets: both, races: EVERY_RACE,
    defaults: { 'nova-test': 1, production: 1 },
    doc: 'seed of the jitter PRNG',
  },
  {
    key: 'bootAt', label: 'new boot at', unit: 'ms', min: 0, max: HOUR_MS, optional: true, presets: both, races: EVACUATION,
    defaults: { 'nova-test': null, production: null },
    doc: 'boot a second server asking for a physnet2 VF on host2 (absent: no boot)',
  },
  {
    key: 'host1UpAt', label: 'host1 back at', unit: 'ms', min: 0, max: HOUR_MS, optional: true, presets: both, races: EVACUATION,
    defaults: { 'nova-test': null, production: null },
    doc: 'restart nova-compute on host1, which cleans up the evacuated instance (absent: stays down)',
  },
  {
    key: 'evacuees', label: 'evacuees', unit: 'servers', min: 1, max: 2, optional: false, presets: both, races: EVACUATION,
    defaults: { 'nova-test': 1, production: 1 },
    doc: "servers evacuated from host1: inst-A alone, or inst-A then inst-C (the API's second evacuate call, one API call later), each with its own migration, physnet2 VF and rebuild on host2",
  },
];

/** Every numeric scenario key, in `NUMERIC_PARAMS` order. */
export const NUMERIC_KEYS: readonly NumericKey[] = NUMERIC_PARAMS.map((p) => p.key);

export const PARAM_BY_KEY: Readonly<Record<NumericKey, NumericParam>> = Object.fromEntries(
  NUMERIC_PARAMS.map((p) => [p.key, p]),
) as Record<NumericKey, NumericParam>;

/** A key's default for a race (and, for #1896463, a harness). */
export function paramDefault(param: NumericParam, race: RaceId, preset: Preset): number | null {
  return param.raceDefaults?.[race] ?? param.defaults[preset];
}

/** A key's words for a race. */
export function paramDoc(param: NumericParam, race: RaceId): string {
  return param.raceDocs?.[race] ?? param.doc;
}

/** Does `race` read the numeric key? */
export function raceReads(race: RaceId, key: NumericKey): boolean {
  return PARAM_BY_KEY[key].races.includes(race);
}

/** The numeric keys a race reads, in the order the UI and the README show them. */
export function raceParams(race: RaceId): NumericParam[] {
  return NUMERIC_PARAMS.filter((p) => p.races.includes(race));
}

/** Only #1896463 has two harnesses; the other races run in Nova's functional-test harness. */
export function raceHasPresets(race: RaceId): boolean {
  return race === '1896463';
}

/**
 * The scenario of a race's Nova regression test (or, for #1896463, the
 * production preset's defaults).
 *
 * @example defaultScenario() // #1896463's test: buggy code, dropDelay 1000, migDelay 2000
 * @example defaultScenario('nova-test', '2025480').spawn // 1000
 */
export function defaultScenario(preset: Preset = 'nova-test', race: RaceId = DEFAULT_RACE): Scenario {
  const harness = raceHasPresets(race) ? preset : 'nova-test';
  const numeric = Object.fromEntries(NUMERIC_PARAMS.map((p) => [p.key, paramDefault(p, race, harness)]));
  return { race, ...(numeric as Record<NumericKey, number | null>), preset: harness, fix: false, schedule: null } as Scenario;
}

/**
 * The scenario with every key its race ignores back at its default (and,
 * for a race with one harness, `preset=nova-test`): what the race runs.
 */
export function normalizedScenario(s: Scenario): Scenario {
  const defaults = defaultScenario(s.preset, s.race);
  const kept = Object.fromEntries(raceParams(s.race).map((p) => [p.key, s[p.key]]));
  return { ...defaults, ...kept, fix: s.fix, schedule: s.schedule };
}

/**
 * The keys of `s` its race reads, `race` only when it is not the default
 * (as a link writes them): what a golden trace records of its scenario.
 */
export function scenarioKeysRead(s: Scenario): Partial<Scenario> {
  const out: Record<string, unknown> = {};
  if (s.race !== DEFAULT_RACE) out['race'] = s.race;
  for (const key of Object.keys(s) as (keyof Scenario)[]) {
    if (key === 'race') continue;
    if (key === 'preset' && !raceHasPresets(s.race)) continue;
    if (key !== 'preset' && key !== 'fix' && key !== 'schedule' && !raceReads(s.race, key)) continue;
    // Added after the golden files of one evacuee were written: recorded only when it is not 1, as a link does.
    if (key === 'evacuees' && s.evacuees === 1) continue;
    out[key] = s[key];
  }
  return out as Partial<Scenario>;
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
  if (!(RACE_IDS as readonly string[]).includes(s.race)) return false;
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
