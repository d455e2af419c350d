import { describe, expect, it } from 'vitest';
import { marginBins } from './margin-bins';

describe('margin bins', () => {
  it('puts 0 on a bin edge and counts every run once', () => {
    const margins = [-120, -40, -3, 0, 5, 60, 61, 200, null, null];
    const { bins, domain, without } = marginBins(margins);
    expect(without).toBe(2);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(8);
    expect(bins.some((b) => b.x0 === 0 || b.x1 === 0)).toBe(true);
    expect(bins.every((b) => !(b.x0 < 0 && b.x1 > 0))).toBe(true);
    expect(domain[0]).toBeLessThanOrEqual(-120);
    expect(domain[1]).toBeGreaterThanOrEqual(200);
  });

  it('copes with no margins and with one value repeated', () => {
    expect(marginBins([null, null])).toEqual({ bins: [], domain: [-1, 1], without: 2 });
    const same = marginBins([941, 941, 941]);
    expect(same.bins.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(same.domain[0]).toBeLessThanOrEqual(0);
  });
});
