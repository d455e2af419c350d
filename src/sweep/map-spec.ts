/**
 * The race map's grid: which two scenario keys it spans, over which ranges,
 * at which resolution, and the scenario each cell stands for. Pure and
 * model-free (only the scenario's key table), so the URL codec, the store and
 * the screen can use it without pulling the simulation into their bundle.
 */
import { NUMERIC_PARAMS, type NumericKey, PARAM_BY_KEY, type RaceId, type Scenario } from '../model';

/** Every key a map axis may span: the scenario keys measured in ms. */
const ALL_AXIS_KEYS: readonly NumericKey[] = NUMERIC_PARAMS.filter((p) => p.unit === 'ms').map((p) => p.key);

/** The axis keys of a race: the keys in ms it reads. */
export function mapAxisKeysFor(race: RaceId): NumericKey[] {
  return ALL_AXIS_KEYS.filter((key) => PARAM_BY_KEY[key].races.includes(race));
}

/** #1896463's axis keys (the default race's). */
export const MAP_AXIS_KEYS: readonly NumericKey[] = mapAxisKeysFor('1896463');

/**
 * Each race's default axes: the test's two sleeps for #1896463; the window
 * (`winDelay`) or the spawn against when the periodic runs for the others.
 */
const DEFAULT_AXES: Readonly<Record<RaceId, readonly [NumericKey, NumericKey]>> = {
  '1896463': ['dropDelay', 'migDelay'],
  '1879878-confirm': ['winDelay', 'periodicAt'],
  '1879878-revert': ['winDelay', 'periodicAt'],
  '2025480': ['spawn', 'periodicAt'],
};

export type MapAxis = 'x' | 'y';

export interface MapSpec {
  readonly xKey: NumericKey;
  readonly yKey: NumericKey;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  /** Cells per axis: the map has `res × res` cells. */
  readonly res: number;
}

/** Cells per axis: 100 by default, up to 400 (160,000 simulations). */
export const MAP_RES = { min: 10, max: 400, default: 100 } as const;
/** What the resolution select offers. */
export const MAP_RES_CHOICES: readonly number[] = [50, 100, 200, 400];
/** The span every axis starts with (clamped into its key's range): the delays of Nova's test are 1 s and 2 s. */
const DEFAULT_SPAN = [0, 3000] as const;
/** A zoom narrower than this many units would give cells that round to the same value. */
export const MIN_MAP_SPAN = 10;

/** A key some race's map may span (whether the scenario's race reads it is `mapAxisKeysFor`'s). */
export const isMapAxisKey = (key: string): key is NumericKey => (ALL_AXIS_KEYS as readonly string[]).includes(key);

/** The range an axis over `key` starts with. */
export function defaultRange(key: NumericKey): readonly [number, number] {
  const p = PARAM_BY_KEY[key];
  const min = Math.max(p.min, DEFAULT_SPAN[0]);
  const max = Math.min(p.max, Math.max(DEFAULT_SPAN[1], min + DEFAULT_SPAN[1]));
  return [min, max];
}

/**
 * The default map: x = dropDelay, y = migDelay, each over 0–3000 ms, 100 × 100.
 *
 * @example defaultMapSpec().res // 100
 */
export function defaultMapSpec(xKey: NumericKey = 'dropDelay', yKey: NumericKey = 'migDelay'): MapSpec {
  const [xMin, xMax] = defaultRange(xKey);
  const [yMin, yMax] = defaultRange(yKey);
  return { xKey, yKey, xMin, xMax, yMin, yMax, res: MAP_RES.default };
}

/**
 * A race's default map.
 *
 * @example defaultMapSpecFor('2025480').xKey // 'spawn'
 */
export function defaultMapSpecFor(race: RaceId): MapSpec {
  const [x, y] = DEFAULT_AXES[race];
  return defaultMapSpec(x, y);
}

/** The same map with one axis over another key (at that key's default range); picking the other axis's key swaps them. */
export function withAxisKey(spec: MapSpec, axis: MapAxis, key: NumericKey): MapSpec {
  const current = axis === 'x' ? spec.xKey : spec.yKey;
  if (key === current) return spec;
  const other = axis === 'x' ? spec.yKey : spec.xKey;
  const [min, max] = defaultRange(key);
  if (key === other) {
    const swapped = { ...spec, xKey: spec.yKey, yKey: spec.xKey, xMin: spec.yMin, xMax: spec.yMax, yMin: spec.xMin, yMax: spec.xMax };
    return swapped;
  }
  return axis === 'x' ? { ...spec, xKey: key, xMin: min, xMax: max } : { ...spec, yKey: key, yMin: min, yMax: max };
}

/** The same keys and resolution over their default ranges. */
export function withDefaultRanges(spec: MapSpec): MapSpec {
  return { ...defaultMapSpec(spec.xKey, spec.yKey), res: spec.res };
}

/** The whole-unit value at the centre of cell `i` of `res` over [min, max]. */
export function cellValue(min: number, max: number, res: number, i: number): number {
  return Math.round(min + ((i + 0.5) * (max - min)) / res);
}

/** The cell centres of one axis, lowest first. */
export function axisValues(spec: MapSpec, axis: MapAxis): number[] {
  const [min, max] = axis === 'x' ? [spec.xMin, spec.xMax] : [spec.yMin, spec.yMax];
  return Array.from({ length: spec.res }, (_, i) => cellValue(min, max, spec.res, i));
}

/** The whole-unit value at a fraction of an axis (0 = min, 1 = max), as a click sets it. */
export function valueAtFraction(min: number, max: number, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(min + f * (max - min));
}

/**
 * The scenario of cell (i, j): column i from the left, row j from the bottom.
 *
 * @example mapCellScenario(defaultScenario(), defaultMapSpec(), 0, 99) // dropDelay 15, migDelay 2985
 */
export function mapCellScenario(base: Scenario, spec: MapSpec, i: number, j: number): Scenario {
  return {
    ...base,
    [spec.xKey]: cellValue(spec.xMin, spec.xMax, spec.res, i),
    [spec.yKey]: cellValue(spec.yMin, spec.yMax, spec.res, j),
  };
}

/**
 * What a map depends on: the spec and every input but its two axis keys.
 * Moving a slider of an axis key moves the marker, not the map.
 */
export function mapInputsKey(base: Scenario, spec: MapSpec): string {
  const rest = NUMERIC_PARAMS.filter((p) => p.key !== spec.xKey && p.key !== spec.yKey).map((p) => base[p.key]);
  return JSON.stringify([spec, base.race, base.preset, base.fix, rest]);
}

export function sameMapSpec(a: MapSpec, b: MapSpec): boolean {
  return a.xKey === b.xKey && a.yKey === b.yKey && a.xMin === b.xMin && a.xMax === b.xMax && a.yMin === b.yMin && a.yMax === b.yMax && a.res === b.res;
}

/** Is a spec usable as it stands (keys distinct, ranges inside their keys' ranges, wide enough)? */
export function isMapSpecValid(spec: MapSpec): boolean {
  const axisOk = (key: NumericKey, min: number, max: number): boolean => {
    const p = PARAM_BY_KEY[key];
    return isMapAxisKey(key) && Number.isInteger(min) && Number.isInteger(max) && min >= p.min && max <= p.max && max - min >= MIN_MAP_SPAN;
  };
  return (
    spec.xKey !== spec.yKey &&
    axisOk(spec.xKey, spec.xMin, spec.xMax) &&
    axisOk(spec.yKey, spec.yMin, spec.yMax) &&
    Number.isInteger(spec.res) && spec.res >= MAP_RES.min && spec.res <= MAP_RES.max
  );
}
