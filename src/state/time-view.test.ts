import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { defaultDomain, fitDomain, nextTimeDomain, tracesOnScreen } from './time-view';

const trace = simulate(defaultScenario()); // ends at 4376 ms
const nudged = simulate({ ...defaultScenario(), spawn: 60 }); // about the same length
const long = simulate({ ...defaultScenario('production'), periodicRuns: 5 });

describe('time view', () => {
  it('the default view is the whole trace, or the race in a long one', () => {
    expect(defaultDomain([trace])).toEqual([0, trace.endTime]);
    const race = defaultDomain([long]);
    expect(race[1] - race[0]).toBeLessThan(long.endTime / 3);
    // Showing the whole of a long trace is not the default: it stays in the URL.
    expect(fitDomain([0, long.endTime], [long])).toEqual([0, long.endTime]);
    expect(fitDomain(race, [long])).toBeNull();
  });

  it('fitDomain clamps into the trace and gives null for the default view', () => {
    expect(fitDomain(null, [trace])).toBeNull();
    expect(fitDomain([0, 1e9], [trace])).toBeNull();
    expect(fitDomain([2000, 3000], [trace])).toEqual([2000, 3000]);
    expect(fitDomain([4000, 5000], [trace])).toEqual([trace.endTime - 1000, trace.endTime]);
    // Side by side, the axis reaches the later end (the fixed run ends later).
    const fixed = simulate({ ...defaultScenario(), fix: true });
    expect(fitDomain([4000, 5000], [trace, fixed])).toEqual([4000, 5000]);
    expect(tracesOnScreen({ trace, compare: true, compareTrace: fixed })).toEqual([trace, fixed]);
    expect(tracesOnScreen({ trace, compare: false, compareTrace: fixed })).toEqual([trace]);
  });

  it('a range from a link wins over the zoom on screen, even for the first trace', () => {
    // Clamped into the trace: the same span, ending at its end.
    expect(nextTimeDomain(null, { domain: [2300, 4400] }, null, trace)).toEqual([trace.endTime - 2100, trace.endTime]);
    expect(nextTimeDomain(null, { domain: [1000, 2000] }, null, trace)).toEqual([1000, 2000]);
    expect(nextTimeDomain([100, 200], { domain: null }, trace, trace)).toBeNull();
  });

  it('keeps a zoom while a slider nudges the trace, drops it when the trace changes a lot', () => {
    expect(nextTimeDomain([2000, 3000], null, trace, nudged)).toEqual([2000, 3000]);
    expect(nextTimeDomain([2000, 3000], null, trace, long)).toBeNull();
    expect(nextTimeDomain(null, null, null, trace)).toBeNull();
  });
});
