import { describe, expect, it } from 'vitest';
import { FairLock } from './fair-lock';

describe('FairLock (fair=True)', () => {
  it('hands the lock to waiters in FIFO order, directly on release', () => {
    const lock = new FairLock<string>('compute_resources');
    expect(lock.acquire('a', 0)).toBe(true);
    expect(lock.acquire('b', 1)).toBe(false);
    expect(lock.acquire('c', 2)).toBe(false);
    expect(lock.release('a')?.holder).toBe('b');
    expect(lock.holder).toBe('b');
    // A thread that releases and asks again queues behind the waiters.
    expect(lock.acquire('a', 3)).toBe(false);
    expect(lock.release('b')?.holder).toBe('c');
    expect(lock.release('c')?.holder).toBe('a');
    expect(lock.release('a')).toBeNull();
    expect(lock.holder).toBeNull();
  });

  it('refuses a release by a thread that does not hold it', () => {
    const lock = new FairLock<string>('l');
    lock.acquire('a', 0);
    expect(() => lock.release('b')).toThrow(/does not hold/);
  });
});
