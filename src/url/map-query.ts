/**
 * The race map's keys in the shared URL: which keys its axes span
 * (`mapX`, `mapY`), their ranges (`mapXMin`, `mapXMax`, `mapYMin`,
 * `mapYMax`) and its resolution (`mapRes`). Read like the scenario keys: each
 * on its own with valibot, a bad value falls back to its default (or is
 * clamped) with a notice, defaults stay out of the query.
 */
import * as v from 'valibot';
import { DEFAULT_RACE, type NumericKey, PARAM_BY_KEY, type RaceId } from '../model/scenario';
import { defaultMapSpecFor, defaultRange, MAP_RES, type MapAxis, mapAxisKeysFor, type MapSpec, MIN_MAP_SPAN } from '../sweep/map-spec';
import { issueText, numberSchema, shown } from './query-values';

export const MAP_QUERY_KEYS = ['mapX', 'mapY', 'mapXMin', 'mapXMax', 'mapYMin', 'mapYMax', 'mapRes'] as const;

interface QueryNotice {
  readonly key: string;
  readonly problem: string;
  readonly action: string;
}

function axisKeySchema(race: RaceId) {
  const keys = mapAxisKeysFor(race);
  return v.picklist(keys, `must be one of ${keys.join(', ')}${race === DEFAULT_RACE ? '' : ` (race ${race})`}`);
}

/** A whole number in [min, max]: clamped and rounded with a notice, or `fallback` with one when unreadable. */
function wholeNumber(key: string, raw: string, min: number, max: number, fallback: number, notices: QueryNotice[]): number {
  const result = v.safeParse(numberSchema, raw);
  if (!result.success) {
    notices.push({ key, problem: `${key}=${shown(raw)} ${issueText(result)}`, action: `using ${fallback} instead` });
    return fallback;
  }
  const value = result.output;
  const clamped = Math.min(max, Math.max(min, Math.round(value)));
  if (clamped !== value) {
    const why = value < min || value > max ? `is outside ${min}..${max}` : 'is not a whole number';
    notices.push({ key, problem: `${key}=${shown(raw)} ${why}`, action: `using ${clamped}` });
  }
  return clamped;
}

function axisKey(key: string, raw: string | null, fallback: NumericKey, race: RaceId, notices: QueryNotice[]): NumericKey {
  if (raw === null) return fallback;
  const result = v.safeParse(axisKeySchema(race), raw);
  if (result.success) return result.output;
  notices.push({ key, problem: `${key}=${shown(raw)} ${issueText(result)}`, action: `using ${fallback}` });
  return fallback;
}

function axisRange(axis: MapAxis, key: NumericKey, first: (key: string) => string | null, notices: QueryNotice[]): readonly [number, number] {
  const [minKey, maxKey] = axis === 'x' ? ['mapXMin', 'mapXMax'] : ['mapYMin', 'mapYMax'];
  const param = PARAM_BY_KEY[key];
  const defaults = defaultRange(key);
  const rawMin = first(minKey);
  const rawMax = first(maxKey);
  const min = rawMin === null ? defaults[0] : wholeNumber(minKey, rawMin, param.min, param.max, defaults[0], notices);
  const max = rawMax === null ? defaults[1] : wholeNumber(maxKey, rawMax, param.min, param.max, defaults[1], notices);
  if (max - min >= MIN_MAP_SPAN) return [min, max];
  notices.push({
    key: minKey,
    problem: `${minKey}=${min} and ${maxKey}=${max} leave less than ${MIN_MAP_SPAN} ${param.unit} between them`,
    action: `using ${defaults[0]}..${defaults[1]}`,
  });
  return defaults;
}

/**
 * The race map a query asks for. `first` reads a key's first value (and
 * notes repeats).
 *
 * @example parseMapQuery((k) => new URLSearchParams('mapRes=200').get(k), []).res // 200
 */
export function parseMapQuery(first: (key: string) => string | null, notices: QueryNotice[], race: RaceId = DEFAULT_RACE): MapSpec {
  const defaults = defaultMapSpecFor(race);
  const xKey = axisKey('mapX', first('mapX'), defaults.xKey, race, notices);
  const yFallback = xKey === defaults.yKey ? defaults.xKey : defaults.yKey;
  let yKey = axisKey('mapY', first('mapY'), yFallback, race, notices);
  if (yKey === xKey) {
    notices.push({ key: 'mapY', problem: `mapY=${yKey} is the same key as mapX`, action: `using ${yFallback}` });
    yKey = yFallback;
  }
  const [xMin, xMax] = axisRange('x', xKey, first, notices);
  const [yMin, yMax] = axisRange('y', yKey, first, notices);
  const rawRes = first('mapRes');
  const res = rawRes === null ? MAP_RES.default : wholeNumber('mapRes', rawRes, MAP_RES.min, MAP_RES.max, MAP_RES.default, notices);
  return { xKey, yKey, xMin, xMax, yMin, yMax, res };
}

/**
 * The query parts of a map: only what differs from the default (a range
 * is compared with its key's default range).
 *
 * @example mapSpecToQuery(defaultMapSpec()) // []
 */
export function mapSpecToQuery(spec: MapSpec, race: RaceId = DEFAULT_RACE): string[] {
  const defaults = defaultMapSpecFor(race);
  const [xMin, xMax] = defaultRange(spec.xKey);
  const [yMin, yMax] = defaultRange(spec.yKey);
  const parts: string[] = [];
  if (spec.xKey !== defaults.xKey) parts.push(`mapX=${spec.xKey}`);
  if (spec.yKey !== defaults.yKey) parts.push(`mapY=${spec.yKey}`);
  if (spec.xMin !== xMin) parts.push(`mapXMin=${spec.xMin}`);
  if (spec.xMax !== xMax) parts.push(`mapXMax=${spec.xMax}`);
  if (spec.yMin !== yMin) parts.push(`mapYMin=${spec.yMin}`);
  if (spec.yMax !== yMax) parts.push(`mapYMax=${spec.yMax}`);
  if (spec.res !== MAP_RES.default) parts.push(`mapRes=${spec.res}`);
  return parts;
}
