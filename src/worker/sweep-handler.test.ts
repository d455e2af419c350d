import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { defaultMapSpec } from '../sweep/map-spec';
import { evaluateCells } from '../sweep/map-run';
import { handleSweep } from './sweep-handler';
import type { SweepRequest } from './sweep-protocol';

const spec = { ...defaultMapSpec(), res: 10 };
const scenario = defaultScenario();

describe('sweep handler', () => {
  it('computes map cells, a flip search and seeded runs', () => {
    const map = handleSweep({ type: 'map-cells', id: 1, scenario, spec, start: 10, end: 30 }, () => 0);
    expect(map).toMatchObject({ type: 'done', id: 1, result: { type: 'map-cells', start: 10 } });
    expect(map.type === 'done' && map.result.type === 'map-cells' && [...map.result.cells]).toEqual([...evaluateCells(scenario, spec, 10, 30)]);
    expect(handleSweep({ type: 'flip', id: 2, scenario, key: 'migDelay' }, () => 0)).toMatchObject({
      type: 'done', result: { type: 'flip', search: { from: 'lost', flip: { value: 1058 } } },
    });
    expect(handleSweep({ type: 'odds', id: 3, scenario, seedStart: 1, seedEnd: 11 }, () => 0)).toMatchObject({
      type: 'done', result: { type: 'odds', tally: { runs: 10, lost: 10 } },
    });
    expect(handleSweep({ type: 'warm-up', id: 9, scenario, seed: 2, runs: 30 }, () => 0)).toMatchObject({
      type: 'done', result: { type: 'warm-up', runs: 30 },
    });
  });

  it.each<[string, SweepRequest]>([
    ['a scenario out of range', { type: 'flip', id: 4, scenario: { ...scenario, migDelay: -1 }, key: 'migDelay' }],
    ['cells past the map', { type: 'map-cells', id: 5, scenario, spec, start: 0, end: 101 }],
    ['a map over one key twice', { type: 'map-cells', id: 6, scenario, spec: { ...spec, yKey: 'dropDelay' }, start: 0, end: 1 }],
    ['a key the search does not know', { type: 'flip', id: 7, scenario, key: 'seed' as 'spawn' }],
    ['seeds backwards', { type: 'odds', id: 8, scenario, seedStart: 10, seedEnd: 1 }],
    ['a warm-up of a fraction of a run', { type: 'warm-up', id: 10, scenario, seed: 1, runs: 2.5 }],
    ['a warm-up past its bounds', { type: 'warm-up', id: 11, scenario, seed: 1, runs: 1_000_000 }],
  ])('answers %s with an error, not a throw', (_, request) => {
    expect(handleSweep(request, () => 0)).toMatchObject({ type: 'error', id: request.id });
  });
});
