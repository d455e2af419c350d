import { describe, expect, it } from 'vitest';
import { formatInterval, formatLong, formatTime, humanizeTimes, timeTicks } from './time-format';

describe('timeTicks', () => {
  it('labels the regression test in ms', () => {
    const ticks = timeTicks([0, 4376], 5);
    expect(ticks.values).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(ticks.labels).toEqual(['0 ms', '1000 ms', '2000 ms', '3000 ms', '4000 ms']);
  });
  it('switches to seconds, minutes and hours for longer spans', () => {
    expect(timeTicks([0, 62_453], 4).labels[1]).toBe('20 s');
    expect(timeTicks([0, 20 * 60_000], 4).labels[1]).toBe('5 min');
    const hours = timeTicks([0, 59_942_453], 6);
    expect(hours.labels[1]).toBe('2 h');
    expect(hours.values[1]).toBe(7_200_000);
  });
  it('never labels a fraction of a unit', () => {
    const minutes = timeTicks([0, 4 * 60_000], 8).labels;
    expect(minutes).toContain('30 s');
    expect(minutes).toContain('1 min 30 s');
    expect(minutes.some((l) => /\d\.\d+ (min|h)/.test(l))).toBe(false);
  });
  it('keeps the precision a zoomed-in span needs', () => {
    const ticks = timeTicks([1_000_000, 1_030_000], 4);
    expect(ticks.labels).toEqual(['16 min 40 s', '16 min 50 s', '17 min', '17 min 10 s']);
    expect(new Set(ticks.labels).size).toBe(ticks.labels.length);
  });
});

describe('formatTime', () => {
  it('uses whole ms below a minute, grouped from five digits, then h/min/s', () => {
    expect(formatTime(2353)).toBe('2353 ms');
    expect(formatTime(29_942)).toBe('29,942 ms');
    expect(formatTime(0)).toBe('0 ms');
    expect(formatTime(62_441)).toBe('1 min 2.441 s');
    expect(formatTime(59_942_453)).toBe('16 h 39 min 2.453 s');
    expect(formatTime(3_600_000)).toBe('1 h');
  });
  it('formatLong leaves out zero parts at the end only', () => {
    expect(formatLong(0)).toBe('0 s');
    expect(formatLong(2353)).toBe('2.353 s');
    expect(formatLong(3_600_500)).toBe('1 h 0 min 0.5 s');
    expect(formatLong(3_900_000)).toBe('1 h 5 min');
  });
});

describe('formatInterval', () => {
  it('writes a span once with its unit, an instant as "at", and long spans in h/min/s at both ends', () => {
    expect(formatInterval(2343, 2353)).toBe('2343–2353 ms');
    expect(formatInterval(4366, 4366)).toBe('at 4366 ms');
    expect(formatInterval(60_420, 60_430)).toBe('1 min 0.42 s – 1 min 0.43 s');
    expect(formatInterval(0, 62_453)).toBe('0 s – 1 min 2.453 s');
    expect(formatInterval(29_942_443, 29_942_453)).toBe('8 h 19 min 2.443 s – 8 h 19 min 2.453 s');
  });
});

describe('humanizeTimes', () => {
  it('rewrites the model\'s "<n> ms" in the screen\'s format', () => {
    expect(humanizeTimes('read at 2353 ms, freed at 123231 ms.')).toBe('read at 2353 ms, freed at 2 min 3.231 s.');
    expect(humanizeTimes("limit of 86400000 ms of virtual time")).toBe('limit of 24 h of virtual time');
  });
});
