import { describe, expect, it } from 'vitest';
import { layoutTimeline } from './lane-layout';
import { linkGeometry, visibleLinks } from './link-geometry';
import type { RaceLink } from '../model';

describe('linkGeometry', () => {
  it('runs from the reads lane bar top up to the writes lane band, words in the lane between first', () => {
    const layout = layoutTimeline(['api', 'evacuation', 'periodic-host1', 'periodic-host2'], 990, 300);
    const g = linkGeometry(layout)!;
    const [, evac, host1, host2] = layout.lanes;
    expect(g.readY).toBeLessThan(host2!.barTop);
    expect(g.writeY).toBeGreaterThan(evac!.bandTop + evac!.bandHeight);
    expect(g.labelLanes).toEqual([2, 1, 3]);
    expect(layout.lanes[g.labelLanes[0]!]).toBe(host1);
  });
  it('uses the writes lane, then the reads lane, when they are neighbours', () => {
    const layout = layoutTimeline(['api', 'evacuation', 'periodic-host2'], 990, 300);
    expect(linkGeometry(layout)!.labelLanes).toEqual([1, 2]);
  });
  it('has nothing to draw without both lanes', () => {
    expect(linkGeometry(layoutTimeline(['api', 'periodic-host2'], 990, 300))).toBeNull();
  });
});

describe('visibleLinks', () => {
  const link = (readTime: number, writeTime: number): RaceLink => ({ which: 1, run: 1, read: 0, write: 1, readTime, writeTime, stale: true, harmless: false });
  it('keeps a link with one end on screen, drops one entirely off one side', () => {
    const toPx = (t: number): number => t;
    const out = visibleLinks([link(50, 500), link(-20, -10), link(900, 1200)], toPx, { left: 0, right: 1000 });
    expect(out.map((l) => [l.x1, l.x2])).toEqual([[50, 500], [900, 1200]]);
  });
});
