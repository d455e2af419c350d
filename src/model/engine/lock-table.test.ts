import { describe, expect, it } from 'vitest';
import { LockTable } from './lock-table';

describe('LockTable', () => {
  it('opens a span when a free lock is taken and closes it on release', () => {
    const locks = new LockTable<string>();
    expect(locks.acquire('a', 'L', 'api', 5)).toBe(true);
    expect(locks.holderOf('L')).toBe('a');
    expect(locks.innermost('a')).toBe('L');
    expect(locks.release('a', 'L', 9)).toBeNull();
    expect(locks.holderOf('L')).toBeNull();
    expect(locks.innermost('a')).toBeNull();
    expect(locks.spans).toEqual([{ lock: 'L', thread: 'api', requestedAt: 5, acquiredAt: 5, releasedAt: 9 }]);
  });

  it('queues waiters FIFO and hands the lock to the head on release', () => {
    const locks = new LockTable<string>();
    locks.acquire('a', 'L', 'api', 0);
    expect(locks.acquire('b', 'L', 'evacuation', 1)).toBe(false);
    expect(locks.acquire('c', 'L', 'boot', 2)).toBe(false);
    expect(locks.release('a', 'L', 10)).toBe('b');
    expect(locks.holderOf('L')).toBe('b');
    locks.granted('b', 'L', 'evacuation', 1, 10);
    expect(locks.release('b', 'L', 12)).toBe('c');
    locks.granted('c', 'L', 'boot', 2, 12);
    expect(locks.spans.map((s) => [s.thread, s.requestedAt, s.acquiredAt, s.releasedAt])).toEqual([
      ['api', 0, 0, 10], ['evacuation', 1, 10, 12], ['boot', 2, 12, null],
    ]);
  });

  it('keeps locks apart by name and nests them', () => {
    const locks = new LockTable<string>();
    locks.acquire('a', 'outer', 'api', 0);
    locks.acquire('a', 'inner', 'api', 1);
    expect(locks.acquire('b', 'other', 'boot', 1)).toBe(true);
    expect(locks.innermost('a')).toBe('inner');
    locks.release('a', 'inner', 2);
    expect(locks.innermost('a')).toBe('outer');
  });

  it('refuses a release by a thread that does not hold the lock, and a grant that was not handed over', () => {
    const locks = new LockTable<string>();
    locks.acquire('a', 'L', 'api', 0);
    expect(() => locks.release('b', 'L', 1)).toThrow(/does not hold/);
    expect(() => locks.granted('b', 'L', 'api', 0, 1)).toThrow(/not handed/);
  });
});
