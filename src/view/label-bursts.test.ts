import { describe, expect, it } from 'vitest';
import { burstsOf } from './label-bursts';

describe('burstsOf', () => {
  it('groups marks that follow each other within the gap, in x order', () => {
    const items = [{ x: 40, id: 'c' }, { x: 10, id: 'a' }, { x: 12, id: 'b' }, { x: 16, id: 'd' }];
    expect(burstsOf(items, 5).map((b) => b.map((i) => i.id))).toEqual([['a', 'b', 'd'], ['c']]);
  });
  it('keeps marks apart when they are not close', () => {
    expect(burstsOf([{ x: 0 }, { x: 10 }, { x: 20 }], 5)).toHaveLength(3);
    expect(burstsOf([], 5)).toEqual([]);
  });
});
