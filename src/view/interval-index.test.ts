import { describe, expect, it } from 'vitest';
import { createIntervalIndex, visiblePositions } from './interval-index';

const spans: Record<number, readonly [number, number]> = {
  0: [0, 10],
  1: [10, 400],
  2: [400, 2333],
  3: [2333, 2343],
  4: [2343, 2343],
  5: [5000, 6000],
};
const index = createIntervalIndex([5, 3, 1, 0, 4, 2], (i) => spans[i]![0], (i) => spans[i]![1]);
const visibleIds = (d0: number, d1: number): number[] => visiblePositions(index, [d0, d1]).map((p) => index.ids[p]!);

describe('createIntervalIndex', () => {
  it('orders ids by start and keeps a running maximum of ends', () => {
    expect([...index.ids]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...index.maxEnds]).toEqual([10, 400, 2333, 2343, 2343, 6000]);
  });
});

describe('visiblePositions', () => {
  it('returns the intervals touching the domain, in start order', () => {
    expect(visibleIds(300, 2340)).toEqual([1, 2, 3]);
    expect(visibleIds(2343, 2343)).toEqual([3, 4]);
    expect(visibleIds(2400, 4000)).toEqual([]);
    expect(visibleIds(-10, 10_000)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('finds a long interval that starts before the domain even when shorter ones follow it', () => {
    const overlapping = createIntervalIndex([0, 1, 2], (i) => [0, 5, 6][i]!, (i) => [100, 6, 7][i]!);
    expect(visiblePositions(overlapping, [50, 60]).map((p) => overlapping.ids[p])).toEqual([0]);
  });
  it('handles an empty index', () => {
    expect(visiblePositions(createIntervalIndex([], () => 0, () => 0), [0, 1])).toEqual([]);
  });
});
