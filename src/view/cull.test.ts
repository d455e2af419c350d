import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { type Culled, cullIntervals, DEFAULT_CULL } from './cull';
import { createIntervalIndex } from './interval-index';

const linear = (d0: number, d1: number, r0: number, r1: number) => (t: number): number => r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);

describe('cullIntervals', () => {
  it('draws every step of a small trace, unmerged', () => {
    const trace = simulate(defaultScenario());
    const ids = trace.steps.filter((s) => s.thread === 'periodic-host2').map((s) => s.index);
    const index = createIntervalIndex(ids, (i) => trace.steps[i]!.start, (i) => trace.steps[i]!.end);
    const out = cullIntervals(index, [0, trace.endTime], linear(0, trace.endTime, 162, 978), { ...DEFAULT_CULL, clip: [162, 978] });
    expect(out.every((c) => c.type === 'single')).toBe(true);
    expect(out.map((c) => (c.type === 'single' ? c.id : -1)).sort((a, b) => a - b)).toEqual(ids);
  });

  it('culls what lies outside the domain', () => {
    const index = createIntervalIndex([0, 1, 2], (i) => i * 100, (i) => i * 100 + 10);
    const out = cullIntervals(index, [95, 150], linear(95, 150, 0, 100), { ...DEFAULT_CULL, clip: [0, 100] });
    expect(out.map((c) => (c.type === 'single' ? c.id : -1))).toEqual([1]);
  });

  it('clips pixel coordinates of an interval far wider than the plot', () => {
    const index = createIntervalIndex([0], () => 0, () => 1e9);
    const [only] = cullIntervals(index, [1000, 1001], linear(1000, 1001, 0, 800), { ...DEFAULT_CULL, clip: [0, 800] });
    expect(only!.x0).toBeGreaterThanOrEqual(-1);
    expect(only!.x1).toBeLessThanOrEqual(801);
  });

  it('merges a big trace into a node count bounded by the plot width', () => {
    const trace = simulate({ ...defaultScenario('production'), periodicRuns: 1000 });
    expect(trace.steps.length).toBeGreaterThan(5000);
    const ids = trace.steps.filter((s) => s.thread === 'periodic-host2').map((s) => s.index);
    const index = createIntervalIndex(ids, (i) => trace.steps[i]!.start, (i) => trace.steps[i]!.end);
    const out = cullIntervals(index, [0, trace.endTime], linear(0, trace.endTime, 162, 978), { ...DEFAULT_CULL, clip: [162, 978] });
    expect(out.length).toBeLessThan(200);
    const merged = out.filter((c): c is Extract<Culled, { type: 'cluster' }> => c.type === 'cluster');
    expect(merged.reduce((n, c) => n + c.count, 0) + out.length - merged.length).toBe(ids.length);
  });

  it('never merges the ids it is told to keep', () => {
    const index = createIntervalIndex([0, 1, 2, 3, 4], (i) => i, (i) => i + 0.5);
    const out = cullIntervals(index, [0, 1000], linear(0, 1000, 0, 100), { detailLimit: 1, minPx: 2, mergeGapPx: 1.5, clip: [0, 100], keep: (id) => id === 2 });
    expect(out.map((c) => (c.type === 'single' ? `s${c.id}` : `c${c.first}-${c.last}`))).toEqual(['c0-1', 's2', 'c3-4']);
  });

  it('keeps wide intervals single between merged runs, and a lone narrow one single', () => {
    const starts = [0, 1, 2, 3, 100, 500];
    const ends = [1, 2, 3, 4, 400, 501];
    const index = createIntervalIndex([0, 1, 2, 3, 4, 5], (i) => starts[i]!, (i) => ends[i]!);
    const out = cullIntervals(index, [0, 1000], linear(0, 1000, 0, 1000), { detailLimit: 2, minPx: 2, mergeGapPx: 1.5, clip: [0, 1000] });
    expect(out.map((c) => c.type)).toEqual(['cluster', 'single', 'single']);
    expect(out[0]).toMatchObject({ first: 0, last: 3, count: 4, start: 0, end: 4 });
  });
});
