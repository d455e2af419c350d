import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { axisValues, defaultMapSpec, defaultRange, isMapSpecValid, MAP_AXIS_KEYS, mapCellScenario, mapInputsKey, valueAtFraction, withAxisKey } from './map-spec';

describe('race map grid', () => {
  it('starts as Nova test delays over 0–3000 ms, 100 × 100', () => {
    expect(defaultMapSpec()).toEqual({ xKey: 'dropDelay', yKey: 'migDelay', xMin: 0, xMax: 3000, yMin: 0, yMax: 3000, res: 100 });
    expect(MAP_AXIS_KEYS).toEqual(['dropDelay', 'migDelay', 'spawn', 'dbLatency', 'claimAt', 'periodicAt', 'period', 'jitter', 'bootAt', 'host1UpAt']);
    // A key whose range starts above 0 gets a 3000-wide span from its minimum.
    expect(defaultRange('period')).toEqual([1000, 4000]);
  });

  it('puts cells at whole-unit centres, row 0 at the bottom', () => {
    const spec = defaultMapSpec();
    expect(axisValues(spec, 'x').slice(0, 3)).toEqual([15, 45, 75]);
    expect(axisValues(spec, 'y').at(-1)).toBe(2985);
    expect(mapCellScenario(defaultScenario(), spec, 0, 99)).toMatchObject({ dropDelay: 15, migDelay: 2985, spawn: 50 });
  });

  it('turns a box fraction into a whole value inside the range', () => {
    expect(valueAtFraction(0, 3000, 0.5)).toBe(1500);
    expect(valueAtFraction(0, 3000, 0.33333)).toBe(1000);
    expect(valueAtFraction(0, 3000, -1)).toBe(0);
    expect(valueAtFraction(0, 3000, 2)).toBe(3000);
  });

  it('swaps the axes when one is set to the other key, and resets the range of a new key', () => {
    const spec = { ...defaultMapSpec(), xMin: 100, xMax: 900 };
    expect(withAxisKey(spec, 'y', 'dropDelay')).toMatchObject({ xKey: 'migDelay', yKey: 'dropDelay', xMin: 0, xMax: 3000, yMin: 100, yMax: 900 });
    expect(withAxisKey(spec, 'x', 'spawn')).toMatchObject({ xKey: 'spawn', xMin: 0, xMax: 3000 });
  });

  it('depends on every input but its own two keys', () => {
    const spec = defaultMapSpec();
    const base = defaultScenario();
    expect(mapInputsKey({ ...base, migDelay: 5, dropDelay: 7 }, spec)).toBe(mapInputsKey(base, spec));
    expect(mapInputsKey({ ...base, spawn: 51 }, spec)).not.toBe(mapInputsKey(base, spec));
    expect(mapInputsKey({ ...base, fix: true }, spec)).not.toBe(mapInputsKey(base, spec));
    expect(mapInputsKey(base, { ...spec, res: 50 })).not.toBe(mapInputsKey(base, spec));
  });

  it('checks a spec: distinct keys, ranges inside their keys, wide enough', () => {
    expect(isMapSpecValid(defaultMapSpec())).toBe(true);
    expect(isMapSpecValid({ ...defaultMapSpec(), yKey: 'dropDelay' })).toBe(false);
    expect(isMapSpecValid({ ...defaultMapSpec(), xMax: 5 })).toBe(false);
    expect(isMapSpecValid({ ...defaultMapSpec(), xMax: 70_000 })).toBe(false);
    expect(isMapSpecValid({ ...defaultMapSpec(), res: 401 })).toBe(false);
  });
});
