import { describe, expect, it } from 'vitest';
import { formatInterval, formatTime, timeTicks } from './time-format';

describe('timeTicks', () => {
  it('labels the regression test in ms', () => {
    const ticks = timeTicks([0, 4376], 5);
    expect(ticks.values).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(ticks.labels).toEqual(['0 ms', '1,000 ms', '2,000 ms', '3,000 ms', '4,000 ms']);
  });
  it('switches to seconds, minutes and hours for longer spans', () => {
    expect(timeTicks([0, 62_453], 4).labels[1]).toBe('20 s');
    expect(timeTicks([0, 20 * 60_000], 4).labels[1]).toBe('5 min');
    const hours = timeTicks([0, 59_942_453], 6);
    expect(hours.labels[1]).toBe('2 h');
    expect(hours.values[1]).toBe(7_200_000);
  });
  it('keeps decimals a zoomed-in span needs', () => {
    const ticks = timeTicks([1_000_000, 1_030_000], 4);
    expect(ticks.labels.every((l) => l.endsWith(' s'))).toBe(true);
    expect(new Set(ticks.labels).size).toBe(ticks.labels.length);
    expect(ticks.values.every((v) => v >= 1_000_000 && v <= 1_030_000)).toBe(true);
  });
});

describe('formatTime', () => {
  it('uses whole ms below a minute, then h/min/s', () => {
    expect(formatTime(2353)).toBe('2,353 ms');
    expect(formatTime(0)).toBe('0 ms');
    expect(formatTime(62_441)).toBe('1 min 2.441 s');
    expect(formatTime(59_942_453)).toBe('16 h 39 min 2.453 s');
  });
});

describe('formatInterval', () => {
  it('writes a span once with its unit, and an instant as "at"', () => {
    expect(formatInterval(2343, 2353)).toBe('2,343–2,353 ms');
    expect(formatInterval(4366, 4366)).toBe('at 4,366 ms');
    expect(formatInterval(60_420, 60_430)).toBe('1 min 0.42 s – 1 min 0.43 s');
  });
});
