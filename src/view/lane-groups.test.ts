import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { cullIntervals, type CullOptions, DEFAULT_CULL } from './cull';
import { createIntervalIndex, type IntervalIndex, visiblePositions } from './interval-index';
import {
  CANVAS_STEP_THRESHOLD,
  forEachSpan,
  groupAt,
  groupLane,
  type LaneGroups,
  pxMapOf,
  timelineRenderer,
  visibleRange,
} from './lane-groups';
import type { Domain } from './time-domain';

/** A lane: back-to-back steps with gaps, some of them instants (what one thread records). */
const laneArb = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 400 }), length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })) }), { maxLength: 300 })
  .map((items) => {
    let t = 0;
    return items.map(({ gap, length }) => {
      const start = t + gap;
      t = start + length;
      return [start, t] as const;
    });
  });

const indexOf = (spans: readonly (readonly [number, number])[]): IntervalIndex =>
  createIntervalIndex(spans.map((_, i) => i), (i) => spans[i]![0], (i) => spans[i]![1]);

const domainArb = fc.tuple(fc.integer({ min: -100, max: 60_000 }), fc.integer({ min: 5, max: 60_000 })).map(([a, span]): Domain => [a, a + span]);

describe('timelineRenderer', () => {
  it('draws a canvas above CANVAS_STEP_THRESHOLD steps, SVG up to it', () => {
    expect(timelineRenderer(CANVAS_STEP_THRESHOLD)).toBe('svg');
    expect(timelineRenderer(CANVAS_STEP_THRESHOLD + 1)).toBe('canvas');
  });

  it('keeps the default scenario and 100 production runs in SVG, and draws a production day on a canvas', () => {
    expect(timelineRenderer(simulate(defaultScenario()).steps.length)).toBe('svg');
    expect(timelineRenderer(simulate({ ...defaultScenario('production'), periodicRuns: 100 }).steps.length)).toBe('svg');
    expect(timelineRenderer(simulate({ ...defaultScenario('production'), periodicRuns: 1000, period: 1000 }).steps.length)).toBe('canvas');
  });
});

describe('visibleRange', () => {
  it('holds every interval that touches the domain, and none past its end', () => {
    fc.assert(
      fc.property(laneArb, domainArb, (spans, domain) => {
        const index = indexOf(spans);
        const { from, to } = visibleRange(index, domain);
        const inside = new Set(visiblePositions(index, domain));
        for (let p = 0; p < index.ids.length; p++) {
          if (inside.has(p)) expect(p >= from && p < to).toBe(true);
          if (p >= to) expect(index.starts[p]!).toBeGreaterThan(domain[1]);
          if (p < from) expect(index.ends[p]!).toBeLessThan(domain[0]);
        }
      }),
    );
  });

  it('finds a long interval that starts before the domain', () => {
    const index = createIntervalIndex([0, 1, 2], (i) => [0, 5, 6][i]!, (i) => [100, 6, 7][i]!);
    expect(visibleRange(index, [50, 60])).toEqual({ from: 0, to: 3 });
  });
});

function groupsAsCulled(index: IntervalIndex, groups: LaneGroups) {
  return Array.from({ length: groups.size }, (_, g) =>
    groups.count[g] === 1
      ? { type: 'single', id: index.ids[groups.first[g]!]!, x0: groups.x0[g]!, x1: groups.x1[g]! }
      : { type: 'cluster', first: index.ids[groups.first[g]!]!, last: index.ids[groups.last[g]!]!, count: groups.count[g]!, x0: groups.x0[g]!, x1: groups.x1[g]!, start: groups.start[g]!, end: groups.end[g]! },
  );
}

describe('groupLane', () => {
  it('makes the same groups as cullIntervals, so the canvas merges what the SVG merges', () => {
    fc.assert(
      fc.property(laneArb, domainArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 299 }), (spans, domain, detailLimit, kept) => {
        const index = indexOf(spans);
        const range = [162, 978] as const;
        const options: CullOptions = { ...DEFAULT_CULL, detailLimit, clip: range, keep: (id) => id === kept };
        const map = pxMapOf(domain, range);
        const toPx = (t: number) => t * map.k + map.b;
        const culled = cullIntervals(index, domain, toPx, options).map((c) =>
          c.type === 'single' ? { type: 'single', id: c.id, x0: c.x0, x1: c.x1 } : { type: 'cluster', first: c.first, last: c.last, count: c.count, x0: c.x0, x1: c.x1, start: c.start, end: c.end },
        );
        const grouped = groupsAsCulled(index, groupLane(index, domain, map, options));
        expect(grouped.length).toBe(culled.length);
        grouped.forEach((g, i) => {
          const c = culled[i]!;
          expect(g.type).toBe(c.type);
          expect(g.x0).toBeCloseTo(c.x0, 6);
          expect(g.x1).toBeCloseTo(c.x1, 6);
          expect({ ...g, x0: 0, x1: 0 }).toEqual({ ...c, x0: 0, x1: 0 });
        });
      }),
    );
  });

  it('merges a lane of 7,000 periodic steps into groups bounded by the width, and counts every step once', () => {
    const trace = simulate({ ...defaultScenario('production'), periodicRuns: 1000, period: 1000 });
    const ids = trace.steps.filter((s) => s.thread === 'periodic-host2').map((s) => s.index);
    expect(ids.length).toBeGreaterThan(6000);
    const index = createIntervalIndex(ids, (i) => trace.steps[i]!.start, (i) => trace.steps[i]!.end);
    const domain: Domain = [0, trace.endTime];
    const groups = groupLane(index, domain, pxMapOf(domain, [162, 978]), { ...DEFAULT_CULL, clip: [162, 978] });
    expect(groups.size).toBeLessThan(100);
    let counted = 0;
    for (let g = 0; g < groups.size; g++) counted += groups.count[g]!;
    expect(counted).toBe(ids.length);
  });

  it('reuses the arrays it is given, growing them when a frame needs more groups', () => {
    const spans = Array.from({ length: 200 }, (_, i) => [i * 100, i * 100 + 50] as const);
    const index = indexOf(spans);
    const out = groupLane(index, [0, 20_000], pxMapOf([0, 20_000], [0, 10_000]), { ...DEFAULT_CULL, clip: [0, 10_000] });
    expect(out.size).toBe(200);
    const again = groupLane(index, [0, 1000], pxMapOf([0, 1000], [0, 10_000]), { ...DEFAULT_CULL, clip: [0, 10_000] }, out);
    expect(again).toBe(out);
    expect(again.size).toBe(11);
  });
});

describe('forEachSpan', () => {
  const collect = (spans: readonly (readonly [number, number])[], domain: Domain, width: number, gapPx = 0.5, minWidth = 1) => {
    const index = indexOf(spans);
    const out: [number, number][] = [];
    forEachSpan(index, 0, spans.length - 1, pxMapOf(domain, [0, width]), [0, width], gapPx, minWidth, (a, b) => out.push([a, b]));
    return out;
  };

  it('merges sub-pixel steps that touch into one rect per lane stretch', () => {
    // 1,000 steps of 1 ms back to back on 100 px: one rect.
    const spans = Array.from({ length: 1000 }, (_, i) => [i, i + 1] as const);
    const out = collect(spans, [0, 1000], 100);
    expect(out).toHaveLength(1);
    expect(out[0]![0]).toBeCloseTo(-0.45, 9);
    expect(out[0]![1]).toBeCloseTo(100.45, 9);
  });

  it('keeps stretches apart when the gap between them is wider than gapPx', () => {
    const spans = [[0, 1], [1, 2], [50, 51], [51, 52]] as const;
    const out = collect(spans, [0, 100], 100);
    expect(out).toHaveLength(2);
    expect(out[0]![1]).toBeLessThan(out[1]![0]);
  });

  it('covers every step: each step lies inside a span, and a thin one is widened to minWidth', () => {
    fc.assert(
      fc.property(laneArb, fc.integer({ min: 50, max: 2000 }), (spans, width) => {
        if (spans.length === 0) return;
        const end = spans[spans.length - 1]![1] + 1;
        const out = collect(spans, [0, end], width);
        const k = width / end;
        for (const [s, e] of spans) {
          const mid = ((s + e) / 2) * k;
          expect(out.some(([a, b]) => a <= mid + 1e-9 && mid - 1e-9 <= b)).toBe(true);
        }
        for (const [a, b] of out) expect(b - a).toBeGreaterThanOrEqual(1 - 1e-9);
        // At most one span per pixel and a half: the canvas's work is bounded by the width, not the steps.
        expect(out.length).toBeLessThanOrEqual(Math.ceil(width / 1.5) + 1);
      }),
    );
  });
});

describe('groupAt', () => {
  const groupsOf = (pixels: readonly (readonly [number, number])[]): LaneGroups => {
    const index = indexOf(pixels);
    return groupLane(index, [0, 1000], pxMapOf([0, 1000], [0, 1000]), { ...DEFAULT_CULL, detailLimit: 1000, clip: [0, 1000] });
  };

  it('finds the group under the pointer, else the nearest within the tolerance, else none', () => {
    const groups = groupsOf([[10, 20], [30, 40], [100, 200]]);
    expect(groupAt(groups, 15, 4)).toBe(0);
    expect(groupAt(groups, 23, 4)).toBe(0);
    expect(groupAt(groups, 27, 4)).toBe(1);
    expect(groupAt(groups, 60, 4)).toBe(-1);
    expect(groupAt(groups, 150, 4)).toBe(2);
    expect(groupAt(groups, 203, 4)).toBe(2);
    expect(groupAt(groups, 205, 4)).toBe(-1);
  });

  it('prefers an instant over the long step it ends', () => {
    const groups = groupsOf([[10, 50], [50, 50]]);
    expect(groupAt(groups, 50, 4)).toBe(1);
    expect(groupAt(groups, 30, 4)).toBe(0);
  });

  it('agrees with a search over every group', () => {
    fc.assert(
      fc.property(laneArb, fc.integer({ min: -10, max: 70_000 }), fc.integer({ min: 0, max: 8 }), (spans, x, tolerance) => {
        const index = indexOf(spans);
        const domain: Domain = [0, 60_000];
        const groups = groupLane(index, domain, pxMapOf(domain, [0, 60_000]), { ...DEFAULT_CULL, clip: [0, 60_000] });
        let best = -1;
        let bestD = Number.POSITIVE_INFINITY;
        for (let g = 0; g < groups.size; g++) {
          const d = Math.max(0, groups.x0[g]! - x, x - groups.x1[g]!);
          const narrower = best >= 0 && groups.x1[g]! - groups.x0[g]! < groups.x1[best]! - groups.x0[best]!;
          if (d <= tolerance && (d < bestD || (d === bestD && narrower))) {
            best = g;
            bestD = d;
          }
        }
        const found = groupAt(groups, x, tolerance);
        if (best < 0) expect(found).toBe(-1);
        else expect(Math.max(0, groups.x0[found]! - x, x - groups.x1[found]!)).toBe(bestD);
      }),
    );
  });
});
