import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../model/scenario';
import { simulate } from '../../model/simulate';
import type { UsageVerdict } from '../../model/types';
import { usageCardSummary } from './usage-summary';

describe('a usage race’s host card', () => {
  const trace = simulate({ ...defaultScenario('nova-test', '1879878-confirm') });
  const judged = (trace.verdict as UsageVerdict).times.judged;
  const at = (step: number, host: 'host1' | 'host2', expected: number) => usageCardSummary(trace.states[step + 1]!, trace.states[step]!, host, expected, judged, step);

  it('shows the counter and its value before the step that changed it', () => {
    const drop = trace.steps.find((s) => s.kind === 'claim-dropped')!.index;
    expect(at(drop, 'host1', 0)).toMatchObject({ dbUsed: -1, dbWas: 0, trackerUsed: -1, trackerWas: 0, judged: false, wrong: false });
  });

  it('says wrong only once the operation has finished', () => {
    const last = trace.steps.length - 1;
    expect(at(last, 'host1', 0)).toMatchObject({ dbUsed: -1, judged: true, wrong: true });
    expect(at(last, 'host2', 1)).toMatchObject({ dbUsed: 1, judged: true, wrong: false, trackedInstances: ['inst-A'] });
  });
});
