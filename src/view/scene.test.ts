import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { hitTest } from './hit-test';
import { layoutTimeline } from './lane-layout';
import { buildScene, hitTargets } from './scene';
import type { Domain } from './time-domain';
import { buildTimelineModel } from './timeline-model';

function frame(patch: Partial<Scenario> = {}, preset: Scenario['preset'] = 'nova-test', domain?: Domain) {
  const model = buildTimelineModel(simulate({ ...defaultScenario(preset), ...patch }));
  const layout = layoutTimeline(model.lanes, 990, 300);
  const d = domain ?? model.extent;
  const toPx = (t: number): number => layout.plot.left + ((t - d[0]) / (d[1] - d[0])) * (layout.plot.right - layout.plot.left);
  const scene = buildScene(model, layout, d, toPx);
  return { model, layout, scene, toPx };
}

describe('buildScene', () => {
  it('draws every step of the default trace once, in its lane', () => {
    const { model, scene } = frame();
    const drawn = scene.lanes.flatMap((l) => l.steps.map((s) => (s.type === 'single' ? s.id : -1)));
    expect(drawn.sort((a, b) => a - b)).toEqual(model.trace.steps.map((s) => s.index));
    for (const lane of scene.lanes) for (const s of lane.steps) if (s.type === 'single') expect(model.trace.steps[s.id]!.thread).toBe(lane.row.lane);
  });

  it('draws the strip: the evacuee listed from the host save, the migration in progress before, one mark per snapshot', () => {
    const { scene } = frame();
    expect(scene.strip.bars.listed).toHaveLength(1);
    expect(scene.strip.bars['in-progress']).toHaveLength(1);
    expect(scene.strip.bars['in-progress'][0]!.x1).toBeLessThan(scene.strip.bars.listed[0]!.x1);
    expect(scene.strip.marks[1]).toHaveLength(1);
    expect(scene.strip.marks[2]).toHaveLength(1);
  });

  it('keeps a 1000-run production trace to a few hundred drawn items', () => {
    const { model, scene } = frame({ periodicRuns: 1000 }, 'production');
    expect(model.trace.steps.length).toBeGreaterThan(5000);
    const items = scene.lanes.reduce((n, l) => n + l.steps.length + l.locks.length, 0) + scene.strip.marks[1].length + scene.strip.marks[2].length;
    expect(items).toBeLessThan(600);
    // The run that lost the claim and the steps where invariants broke are still drawn on their own.
    const lostMarks = scene.strip.marks[1].filter((m) => m.type === 'single' && model.runs[m.id]!.lost);
    expect(lostMarks).toHaveLength(1);
    const singles = new Set(scene.lanes.flatMap((l) => l.steps.flatMap((s) => (s.type === 'single' ? [s.id] : []))));
    for (const v of model.trace.violations) expect(singles.has(v.step)).toBe(true);
  });

  it('culls to the zoomed domain', () => {
    const { model, scene } = frame({ periodicRuns: 1000 }, 'production', [60_000, 63_000]);
    const steps = scene.lanes.flatMap((l) => l.steps);
    expect(steps.every((s) => s.type === 'single')).toBe(true);
    const inside = model.trace.steps.filter((s) => s.end >= 60_000 && s.start <= 63_000);
    expect(inside.length).toBe(7); // the second periodic run, nothing else
    expect(steps.map((s) => (s.type === 'single' ? s.id : -1)).sort((a, b) => a - b)).toEqual(inside.map((s) => s.index));
  });
});

describe('hitTargets', () => {
  it('finds a step bar and a snapshot mark under the pointer', () => {
    const { model, layout, scene, toPx } = frame();
    const targets = hitTargets(scene, layout);
    const rebuild = model.trace.steps.find((s) => s.name === 'driver.rebuild')!;
    const row = layout.lanes.find((r) => r.lane === 'evacuation')!;
    expect(hitTest(targets, toPx((rebuild.start + rebuild.end) / 2), row.barTop + 4)).toEqual({ type: 'step', index: rebuild.index });
    const s2 = model.runs[0]!.second!;
    expect(hitTest(targets, toPx(s2.time), layout.strip.rows[1]!.mid)).toEqual({ type: 'snapshot', run: 0, which: 2 });
  });
});
