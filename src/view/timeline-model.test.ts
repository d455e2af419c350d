import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { exploreScenario } from '../model/explore/scenario-explorer';
import { simulate } from '../model/simulate';
import { buildTimelineModel } from './timeline-model';

describe('buildTimelineModel', () => {
  const model = buildTimelineModel(simulate(defaultScenario()));
  it('indexes each lane: its steps and its lock spans', () => {
    expect(model.lanes).toEqual(['api', 'evacuation', 'periodic-host1', 'periodic-host2']);
    const host2 = model.laneIndex.get('periodic-host2')!;
    expect([...host2.steps.ids].every((i) => model.trace.steps[i]!.thread === 'periodic-host2')).toBe(true);
    expect(host2.locks.ids.length).toBe(1);
    expect(model.laneIndex.get('api')!.locks.ids.length).toBe(0);
  });
  it('groups violations by the step where they broke', () => {
    const freed = model.trace.steps.find((s) => s.kind === 'pci-freed')!;
    expect(model.violationsByStep.get(freed.index)?.length).toBe(2);
  });
  it('indexes snapshot marks by run', () => {
    expect([...model.snapshotIndex[1].ids]).toEqual([0]);
    expect(model.snapshotIndex[2].starts[0]).toBe(model.runs[0]!.second!.time);
    expect(model.links).toHaveLength(2);
    expect(model.extent).toEqual([0, model.trace.endTime]);
  });
});

describe('the axis caption: what time 0 is in each race', () => {
  it('names the POST each race counts from, and step order for a loaded schedule', () => {
    expect(buildTimelineModel(simulate(defaultScenario())).axisCaption).toBe('0 = API accepts evacuation');
    expect(buildTimelineModel(simulate(defaultScenario('nova-test', '1879878-confirm'))).axisCaption).toBe('0 = POST confirmResize');
    expect(buildTimelineModel(simulate(defaultScenario('nova-test', '1879878-revert'))).axisCaption).toBe('0 = POST revertResize');
    expect(buildTimelineModel(simulate(defaultScenario('nova-test', '2025480'))).axisCaption).toBe('0 = POST unshelve');
    const shortest = exploreScenario(defaultScenario(), { reduction: 'dpor', maxSchedules: 1000 }).losing[0]!;
    expect(buildTimelineModel(simulate({ ...defaultScenario(), schedule: shortest.choices })).axisCaption).toBe('step order, not time');
  });
});
