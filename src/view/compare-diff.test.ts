import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { compareDiff, finishSpan, unionExtent } from './compare-diff';

const buggy = simulate(defaultScenario());
const fixed = simulate({ ...defaultScenario(), fix: true });

describe('compareDiff', () => {
  it('finish_evacuation runs without the lock in the buggy code and under it, after waiting, with the fix', () => {
    expect(finishSpan(buggy)).toEqual({ start: 2393, end: 3423, locked: false, waitedFrom: null });
    expect(finishSpan(fixed)).toEqual({ start: 4376, end: 5406, locked: true, waitedFrom: 2393 });
  });

  it("names host2's reads that see something else: snapshot 2 sees the migration with the fix", () => {
    const { changedReads } = compareDiff(buggy, fixed);
    // Snapshot 1 misses the host save in both (harmless with the fix): the same read result.
    expect(changedReads).toEqual([{ run: 1, which: 2, buggyTime: 4364, fixedTime: 4364, buggy: 'missed', fixed: 'seen' }]);
  });

  it('nothing changes when the race never happens', () => {
    const quiet = { ...defaultScenario(), migDelay: 0, dropDelay: 0 };
    expect(compareDiff(simulate(quiet), simulate({ ...quiet, fix: true })).changedReads).toEqual([]);
  });

  it('puts both traces on one axis', () => {
    expect(unionExtent([buggy, fixed])).toEqual([0, 5406]);
  });
});
