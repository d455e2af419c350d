/**
 * Scenario <-> query string, format version 1. Each key is validated on its
 * own with a valibot schema, so one bad value falls back to its default (or
 * is clamped into range) with a notice, and the other keys still apply.
 * Defaults stay out of the query, so the Nova test's link is short.
 */
import * as v from 'valibot';
import {
  clampParam,
  DEFAULT_RACE,
  defaultScenario,
  NUMERIC_PARAMS,
  type NumericParam,
  type Preset,
  PRESETS,
  RACE_IDS,
  type RaceId,
  raceHasPresets,
  raceReads,
  type Scenario,
} from '../model/scenario';
import { decodeSchedule, encodeSchedule } from '../model/explore/schedule-codec';
import type { MapSpec } from '../sweep/map-spec';
import { MAP_QUERY_KEYS, mapSpecToQuery, parseMapQuery } from './map-query';
import { issueText, numberSchema, shown } from './query-values';

export { shown };
import { COMPARE_KEY, parseCompare, parseTimeRange, RANGE_END_KEY, RANGE_START_KEY, type TimeRange, timeRangeParts } from './view-keys';

export const FORMAT_VERSION = 1;
/**
 * The UI-only key for the selected step, counted from 1 like the screen
 * ("step 23 / 25" is `step=23`); absent means the last step.
 */
export const CURSOR_KEY = 'step';
/** Unknown keys named in notices before the rest are summarised. */
const MAX_NAMED_UNKNOWN = 3;

export interface Notice {
  /** The query key the notice is about (or `query` for the whole). */
  readonly key: string;
  /** What is wrong, e.g. `migDelay="abc" is not a plain decimal number`. */
  readonly problem: string;
  /** What the app did about it, e.g. `using 2000 instead`. */
  readonly action: string;
}

/** One sentence for people. */
export function noticeText(n: Notice): string {
  return n.action ? `${n.problem}; ${n.action}.` : `${n.problem}.`;
}

export interface ParsedQuery {
  readonly scenario: Scenario;
  /** Index (from 0) of the selected step, `null` when absent: the URL's `step` minus one. */
  readonly cursor: number | null;
  /** The race map's keys, ranges and resolution (see `map-query.ts`). */
  readonly map: MapSpec;
  /** The timeline's visible range (`t0`/`t1`), `null` for the default view. */
  readonly timeRange: TimeRange | null;
  /** Buggy and fixed side by side (`compare=1`). */
  readonly compare: boolean;
  readonly notices: readonly Notice[];
  /** Keys the query gives that its race does not read: left at their defaults, and ignored. */
  readonly ignored: readonly string[];
}

const presetSchema = v.picklist(PRESETS, `must be one of ${PRESETS.join(', ')}`);
const raceSchema = v.picklist(RACE_IDS, `must be one of ${RACE_IDS.join(', ')}`);
/** The key that picks the race (absent: #1896463). */
export const RACE_KEY = 'race';
const fixSchema = v.picklist(['0', '1'], 'must be 0 or 1');
const offValues = new Set(['', 'off', 'none']);

function parseNumber(
  param: NumericParam,
  raw: string,
  fallback: number | null,
  notices: Notice[],
): number | null {
  if (param.optional && offValues.has(raw.trim().toLowerCase())) return null;
  const result = v.safeParse(numberSchema, raw);
  if (!result.success) {
    notices.push({
      key: param.key,
      problem: `${param.key}=${shown(raw)} ${issueText(result)}`,
      action: `using ${fallback ?? 'off'} instead`,
    });
    return fallback;
  }
  const value = result.output;
  const clamped = clampParam(param, value);
  if (clamped !== value) {
    const why = value < param.min || value > param.max ? `is outside ${param.min}..${param.max}` : 'is not a whole number';
    notices.push({ key: param.key, problem: `${param.key}=${shown(raw)} ${why}`, action: `using ${clamped}` });
  }
  return clamped;
}

function safeParams(query: string): URLSearchParams {
  try {
    return new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  } catch {
    return new URLSearchParams();
  }
}

/** A loaded schedule (see the schedule explorer): replayed instead of timing. */
export const SCHEDULE_KEY = 'schedule';

const KNOWN_KEYS = new Set<string>([
  'v', RACE_KEY, 'preset', 'fix', SCHEDULE_KEY, CURSOR_KEY, RANGE_START_KEY, RANGE_END_KEY, COMPARE_KEY, ...NUMERIC_PARAMS.map((p) => p.key), ...MAP_QUERY_KEYS,
]);

function parseSchedule(raw: string, notices: Notice[]): number[] | null {
  const decoded = decodeSchedule(raw.trim());
  if (decoded.ok) return decoded.choices;
  notices.push({ key: SCHEDULE_KEY, problem: `${SCHEDULE_KEY}=${shown(raw)} ${decoded.problem}`, action: 'showing the timed run instead' });
  return null;
}

/**
 * Read a scenario from a query string. Never throws.
 *
 * @example parseScenarioQuery('?v=1&fix=1').scenario.fix // true
 */
export function parseScenarioQuery(query: string): ParsedQuery {
  const params = safeParams(query);
  const notices: Notice[] = [];
  const first = (key: string): string | null => {
    const all = params.getAll(key);
    if (all.length > 1) notices.push({ key, problem: `${key} appears ${all.length} times`, action: `the first value is used` });
    return all[0] ?? null;
  };

  const version = first('v');
  if (version !== null && version !== String(FORMAT_VERSION)) {
    notices.push({ key: 'v', problem: `Link format v=${shown(version)} is unknown`, action: `reading it as version ${FORMAT_VERSION}` });
  }

  let race: RaceId = DEFAULT_RACE;
  const rawRace = first(RACE_KEY);
  if (rawRace !== null) {
    const result = v.safeParse(raceSchema, rawRace.trim());
    if (result.success) race = result.output;
    else notices.push({ key: RACE_KEY, problem: `${RACE_KEY}=${shown(rawRace)} ${issueText(result)}`, action: `using ${DEFAULT_RACE}` });
  }
  const ignored: string[] = [];

  let preset: Preset = 'nova-test';
  const rawPreset = first('preset');
  if (rawPreset !== null && !raceHasPresets(race)) ignored.push('preset');
  if (rawPreset !== null) {
    const result = v.safeParse(presetSchema, rawPreset);
    if (result.success) preset = result.output;
    else notices.push({ key: 'preset', problem: `preset=${shown(rawPreset)} ${issueText(result)}`, action: `using nova-test` });
  }
  const defaults = defaultScenario(preset, race);

  let fix = defaults.fix;
  const rawFix = first('fix');
  if (rawFix !== null) {
    const result = v.safeParse(fixSchema, rawFix);
    if (result.success) fix = result.output === '1';
    else notices.push({ key: 'fix', problem: `fix=${shown(rawFix)} ${issueText(result)}`, action: `using 0 (the buggy code)` });
  }

  const numeric: Record<string, number | null> = {};
  for (const param of NUMERIC_PARAMS) {
    const raw = first(param.key);
    // A key the race does not read is still read and kept (a link round-trips), and reported as ignored.
    if (raw !== null && !raceReads(race, param.key)) ignored.push(param.key);
    numeric[param.key] = raw === null ? defaults[param.key] : parseNumber(param, raw, defaults[param.key], notices);
  }

  const rawSchedule = first(SCHEDULE_KEY);
  const schedule = rawSchedule === null ? null : parseSchedule(rawSchedule, notices);
  const map = parseMapQuery(first, notices, race);

  const rawCursor = first(CURSOR_KEY);
  const cursor = rawCursor === null ? null : parseStep(rawCursor, notices);
  const timeRange = parseTimeRange(first(RANGE_START_KEY), first(RANGE_END_KEY), notices);
  const compare = parseCompare(first(COMPARE_KEY), notices);

  const unknown = [...new Set([...params.keys()].filter((k) => !KNOWN_KEYS.has(k)))];
  if (unknown.length > 0) {
    const named = unknown.slice(0, MAX_NAMED_UNKNOWN).map(shown).join(', ');
    const more = unknown.length > MAX_NAMED_UNKNOWN ? ` and ${unknown.length - MAX_NAMED_UNKNOWN} more` : '';
    notices.push({ key: 'query', problem: `Unknown key${unknown.length > 1 ? 's' : ''} ${named}${more}`, action: 'ignored' });
  }

  return { scenario: { ...defaults, ...numeric, preset, fix, schedule } as Scenario, cursor, map, timeRange, compare, notices, ignored };
}

/**
 * The cursor index for `step=<raw>`: steps count from 1; 0 and below show the
 * first step, anything that is not a whole number the last (as if absent).
 * A step past the end is only known when the trace arrives (the store says so).
 */
function parseStep(raw: string, notices: Notice[]): number | null {
  const result = v.safeParse(numberSchema, raw);
  if (!result.success || !Number.isInteger(result.output)) {
    notices.push({ key: CURSOR_KEY, problem: `step=${shown(raw)} is not a step number`, action: 'showing the last step' });
    return null;
  }
  if (result.output < 1) {
    notices.push({ key: CURSOR_KEY, problem: `step=${shown(raw)} is not a step number (steps count from 1)`, action: 'showing step 1' });
    return 0;
  }
  return result.output - 1;
}

/** What the screen shows beside the scenario and the step. */
export interface ViewKeys {
  readonly timeRange?: TimeRange | null;
  readonly compare?: boolean;
  /** The race map's keys, ranges and resolution. */
  readonly map?: MapSpec;
}

/**
 * The query string for a scenario (and cursor index, race map and view):
 * `v=1` and every value that differs from its default; the cursor as the
 * screen's step number.
 *
 * @example scenarioToQuery(defaultScenario(), null) // 'v=1'
 * @example scenarioToQuery(defaultScenario(), 22) // 'v=1&step=23'
 */
export function scenarioToQuery(scenario: Scenario, cursor: number | null, view: ViewKeys = {}): string {
  const { race } = scenario;
  const defaults = defaultScenario(scenario.preset, race);
  const parts: string[] = [`v=${FORMAT_VERSION}`];
  if (race !== DEFAULT_RACE) parts.push(`${RACE_KEY}=${race}`);
  if (scenario.preset !== 'nova-test') parts.push(`preset=${scenario.preset}`);
  if (scenario.fix !== defaults.fix) parts.push(`fix=${scenario.fix ? 1 : 0}`);
  // Every key that differs from the race's default: one its race ignores stays ignored, but the link keeps it.
  for (const param of NUMERIC_PARAMS) {
    const value = scenario[param.key];
    if (value !== defaults[param.key]) parts.push(`${param.key}=${value === null ? 'off' : value}`);
  }
  if (scenario.schedule !== null) parts.push(`${SCHEDULE_KEY}=${encodeSchedule(scenario.schedule)}`);
  if (view.map) parts.push(...mapSpecToQuery(view.map, race));
  if (cursor !== null) parts.push(`${CURSOR_KEY}=${cursor + 1}`);
  parts.push(...timeRangeParts(view.timeRange ?? null));
  if (view.compare) parts.push(`${COMPARE_KEY}=1`);
  return parts.join('&');
}
