import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { GUTTER, laneAt, lanesOf, layoutTimeline, stripRowAt } from './lane-layout';

describe('lanesOf', () => {
  it('lists the threads present, in LANES order', () => {
    expect(lanesOf(simulate(defaultScenario()).steps)).toEqual(['api', 'evacuation', 'periodic-host1', 'periodic-host2']);
    const busy = simulate({ ...defaultScenario(), bootAt: 6000, host1UpAt: 8000 });
    expect(lanesOf(busy.steps)).toEqual(['api', 'evacuation', 'periodic-host1', 'periodic-host2', 'boot', 'host1-restart']);
  });
});

describe('layoutTimeline', () => {
  const lanes = ['api', 'evacuation', 'periodic-host1', 'periodic-host2'] as const;
  it('stacks axis, lanes and strip without overlap, inside the box when it fits', () => {
    const layout = layoutTimeline(lanes, 990, 300);
    expect(layout.height).toBe(300);
    let y = layout.axis.bottom;
    for (const row of layout.lanes) {
      expect(row.top).toBe(y);
      expect(row.labelBaseline).toBeLessThan(row.barTop);
      expect(row.barTop + row.barHeight).toBeLessThanOrEqual(row.bandTop);
      expect(row.bandTop + row.bandHeight).toBeLessThanOrEqual(row.top + row.height);
      y += row.height;
    }
    expect(layout.strip.top).toBeGreaterThanOrEqual(y);
    for (const row of layout.strip.rows) {
      expect(row.labelBaseline).toBeLessThan(row.mid - 4); // labels above the bar, not on it
      expect(row.mid + 5).toBeLessThanOrEqual(row.top + row.height);
    }
    expect(layout.strip.bottom).toBeLessThanOrEqual(300);
    expect(layout.plot.left).toBeGreaterThan(GUTTER);
    expect(layout.plot.right).toBeLessThan(990);
  });
  it('gives lanes a readable minimum and grows the content (to scroll) when the box is small', () => {
    const six = ['api', 'evacuation', 'periodic-host1', 'periodic-host2', 'boot', 'host1-restart'] as const;
    const layout = layoutTimeline(six, 990, 150);
    expect(layout.lanes[0]!.height).toBeGreaterThanOrEqual(30);
    expect(layout.height).toBe(layout.strip.bottom);
  });
  it('caps lane height in a tall box, and grows the bar a little with it', () => {
    const tall = layoutTimeline(['api'], 990, 2000).lanes[0]!;
    expect(tall.height).toBeLessThanOrEqual(80);
    expect(tall.barHeight).toBeGreaterThan(layoutTimeline(['api', 'boot', 'evacuation', 'periodic-host1', 'periodic-host2'], 990, 150).lanes[0]!.barHeight);
    expect(tall.bandTop + tall.bandHeight).toBeLessThanOrEqual(tall.top + tall.height);
  });
});

describe('laneAt / stripRowAt', () => {
  const layout = layoutTimeline(['api', 'evacuation'], 990, 300);
  it('find the row under a y', () => {
    const evac = layout.lanes[1]!;
    expect(laneAt(layout, evac.top + 1)?.lane).toBe('evacuation');
    expect(laneAt(layout, 2)).toBeNull();
    const listed = layout.strip.rows[0]!;
    expect(stripRowAt(layout, listed.mid)?.key).toBe('listed');
    expect(stripRowAt(layout, evac.top)).toBeNull();
  });
});

describe('compact layout', () => {
  it('leaves out the strip title row, so two charts fit one panel', () => {
    const full = layoutTimeline(['api', 'evacuation', 'periodic-host1', 'periodic-host2'], 990, 0);
    const compact = layoutTimeline(['api', 'evacuation', 'periodic-host1', 'periodic-host2'], 990, 0, { compact: true });
    expect(compact.strip.titleBaseline).toBeNull();
    expect(full.strip.titleBaseline).not.toBeNull();
    expect(compact.height).toBeLessThan(full.height);
    expect(compact.strip.rows[0]!.top).toBe(compact.strip.top);
  });
});
