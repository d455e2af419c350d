/**
 * A usage race on screen: the strip's segments (grey while the operation
 * runs, red or green from the verdict's moment on), the compare words and
 * the race's span.
 */
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { defaultScenario, type RaceId, type Scenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { usageCompareText } from './compare-text';
import { layoutTimeline } from './lane-layout';
import { raceSpan } from './race-span';
import { buildScene, JUDGED_MIN_PX } from './scene';
import { buildTimelineModel, stripKeysOf } from './timeline-model';

const race = (id: RaceId, patch: Partial<Scenario> = {}) => simulate({ ...defaultScenario('nova-test', id), ...patch });

function sceneOf(trace: ReturnType<typeof simulate>) {
  const model = buildTimelineModel(trace);
  const layout = layoutTimeline(model.lanes, 1000, 400, { stripKeys: stripKeysOf(model) });
  const scale = scaleLinear().domain(model.extent).range([layout.plot.left, layout.plot.right]);
  return { model, layout, scene: buildScene(model, layout, model.extent, (t) => scale(t)) };
}

describe('the usage strip', () => {
  it('has one row per host of the race', () => {
    expect(sceneOf(race('1879878-confirm')).layout.strip.rows.map((r) => r.key)).toEqual(['host1', 'host2']);
    expect(sceneOf(race('2025480')).layout.strip.rows.map((r) => r.key)).toEqual(['compute1']);
    expect(sceneOf(simulate(defaultScenario())).layout.strip.rows.map((r) => r.key)).toEqual(['listed', 'in-progress']);
  });

  it('marks the value a host holds when the operation finished: host1 -1 wrong, host2 1 right, widened to be seen', () => {
    const { scene } = sceneOf(race('1879878-confirm'));
    const [host1, host2] = scene.strip.usage!;
    const judged1 = host1!.segments.filter((s) => s.wrong || s.right);
    expect(judged1.map((s) => [s.value, s.wrong])).toEqual([[-1, true]]);
    expect(judged1[0]!.x1 - judged1[0]!.x0).toBeGreaterThanOrEqual(JUDGED_MIN_PX);
    expect(host1!.segments.filter((s) => !s.wrong && !s.right).map((s) => s.value)).toEqual([1, 0, -1]);
    expect(host2!.segments.filter((s) => s.right).map((s) => s.value)).toEqual([1]);
  });

  it('turns right again where a later periodic restores the counter', () => {
    const { scene } = sceneOf(race('1879878-confirm', { periodicRuns: 2 }));
    const host1 = scene.strip.usage![0]!;
    expect(host1.segments.filter((s) => s.wrong || s.right).map((s) => [s.value, s.wrong])).toEqual([[-1, true], [0, false]]);
  });
});

describe('comparing a usage race', () => {
  it('says where the lock is and what the counters were when the operation finished', () => {
    expect(usageCompareText(race('1879878-confirm'))).toMatch(/^the status save runs without the lock; only the drop takes it \(.*\) · vcpus_used when the confirm finished: host1: -1, host2: 1$/);
    expect(usageCompareText(race('1879878-confirm', { fix: true }))).toMatch(/^the status save and the drop hold the lock .* host1: 0, host2: 1$/);
    expect(usageCompareText(race('2025480'))).toBe('vcpus_used when the unshelve finished: compute1: 0');
  });

  it('frames the race from the window’s opening to the verdict', () => {
    const trace = race('2025480');
    const span = raceSpan(trace)!;
    const claim = trace.steps.find((s) => s.kind === 'claim')!;
    expect(span[0]).toBe(claim.start);
    expect(span[1]).toBe(trace.endTime);
  });
});
