import { describe, expect, it } from 'vitest';
import { hitTest, type HitTarget } from './hit-test';

const target = (payload: string, x0: number, x1: number, y0 = 0, y1 = 10): HitTarget<string> => ({ payload, x0, x1, y0, y1 });

describe('hitTest', () => {
  const targets = [target('long bar', 0, 400), target('sliver', 200, 200.2), target('far', 600, 610), target('other row', 0, 800, 20, 30)];

  it('finds the target under the pointer, in its row only', () => {
    expect(hitTest(targets, 100, 5)).toBe('long bar');
    expect(hitTest(targets, 100, 25)).toBe('other row');
    expect(hitTest(targets, 100, 15)).toBeNull();
  });

  it('prefers a narrow target over the bar it sits on', () => {
    expect(hitTest(targets, 200.1, 5)).toBe('sliver');
  });

  it('gives slivers a tolerance, but no further', () => {
    expect(hitTest([target('sliver', 200, 200.2)], 203, 5)).toBe('sliver');
    expect(hitTest([target('sliver', 200, 200.2)], 206, 5)).toBeNull();
    expect(hitTest(targets, 597, 5)).toBe('far');
  });

  it('picks the nearest when several are within tolerance', () => {
    expect(hitTest([target('a', 10, 11), target('b', 14, 15)], 13.8, 5)).toBe('b');
  });
});
