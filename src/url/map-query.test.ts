import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario, PARAM_BY_KEY } from '../model/scenario';
import { defaultMapSpec, MAP_AXIS_KEYS, MAP_RES, type MapSpec, MIN_MAP_SPAN } from '../sweep/map-spec';
import { noticeText, parseScenarioQuery, scenarioToQuery } from './scenario-query';

describe('race map keys in the URL', () => {
  it('stay out of the link at their defaults and round-trip otherwise', () => {
    expect(scenarioToQuery(defaultScenario(), null, { map: defaultMapSpec() })).toBe('v=1');
    const spec = { xKey: 'spawn', yKey: 'migDelay', xMin: 100, xMax: 900, yMin: 0, yMax: 2500, res: 200 } as const;
    const query = scenarioToQuery(defaultScenario(), 4, { map: spec });
    expect(query).toBe('v=1&mapX=spawn&mapXMin=100&mapXMax=900&mapYMax=2500&mapRes=200&step=5');
    const parsed = parseScenarioQuery(query);
    expect(parsed.notices).toEqual([]);
    expect(parsed.map).toEqual(spec);
    expect(parsed.cursor).toBe(4);
  });

  it('round-trips every valid map', () => {
    const range = (key: MapSpec['xKey']) => {
      const p = PARAM_BY_KEY[key];
      return fc.tuple(fc.integer({ min: p.min, max: p.max - MIN_MAP_SPAN }), fc.integer({ min: MIN_MAP_SPAN, max: 100_000 })).map(([min, span]) => [min, Math.min(p.max, min + span)] as const);
    };
    const specArb = fc
      .shuffledSubarray([...MAP_AXIS_KEYS], { minLength: 2, maxLength: 2 })
      .chain(([xKey, yKey]) => fc.tuple(fc.constant(xKey!), fc.constant(yKey!), range(xKey!), range(yKey!), fc.integer({ min: MAP_RES.min, max: MAP_RES.max })))
      .map(([xKey, yKey, [xMin, xMax], [yMin, yMax], res]): MapSpec => ({ xKey, yKey, xMin, xMax, yMin, yMax, res }));
    fc.assert(
      fc.property(specArb, (spec) => {
        const parsed = parseScenarioQuery(scenarioToQuery(defaultScenario(), null, { map: spec }));
        expect(parsed.notices).toEqual([]);
        expect(parsed.map).toEqual(spec);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('compares a range with its own key’s default range', () => {
    const period = parseScenarioQuery('mapX=period').map;
    expect(period).toMatchObject({ xKey: 'period', xMin: 1000, xMax: 4000 });
    expect(scenarioToQuery(defaultScenario(), null, { map: period })).toBe('v=1&mapX=period');
  });

  it('falls back per key with a notice', () => {
    const parsed = parseScenarioQuery('mapX=seed&mapY=migDelay&mapRes=1000&mapYMin=abc&mapXMax=2.5e3');
    expect(parsed.map).toEqual({ ...defaultMapSpec(), res: 400 });
    expect(parsed.notices.map(noticeText)).toEqual([
      expect.stringMatching(/^mapX="seed" must be one of dropDelay, migDelay, spawn/),
      'mapXMax="2.5e3" is not a plain decimal number; using 3000 instead.',
      'mapYMin="abc" is not a plain decimal number; using 0 instead.',
      'mapRes="1000" is outside 10..400; using 400.',
    ]);
  });

  it('refuses the same key on both axes and ranges too narrow or out of the key’s range', () => {
    const same = parseScenarioQuery('mapX=migDelay&mapY=migDelay');
    expect(same.map).toMatchObject({ xKey: 'migDelay', yKey: 'dropDelay' });
    expect(same.notices.map(noticeText)).toEqual(['mapY=migDelay is the same key as mapX; using dropDelay.']);
    const narrow = parseScenarioQuery('mapXMin=500&mapXMax=505');
    expect(narrow.map).toMatchObject({ xMin: 0, xMax: 3000 });
    expect(noticeText(narrow.notices[0]!)).toBe('mapXMin=500 and mapXMax=505 leave less than 10 ms between them; using 0..3000.');
    const wide = parseScenarioQuery('mapYMax=99999');
    expect(wide.map.yMax).toBe(60_000);
    expect(noticeText(wide.notices[0]!)).toBe('mapYMax="99999" is outside 0..60000; using 60000.');
  });
});
