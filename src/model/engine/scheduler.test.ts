import { describe, expect, it } from 'vitest';
import { HANDOVER, NORMAL, type ReadyEvent } from './event-queue';
import { timedScheduler, untimedScheduler } from './scheduler';

const event = (time: number, priority: number, order: number, seq: number): ReadyEvent<unknown> => ({ time, priority, order, seq, actor: null });

describe('schedulers', () => {
  const ready = [event(10, NORMAL, 0, 0), event(5, NORMAL, 2, 1), event(5, HANDOVER, 3, 2)];

  it('timed: virtual time, then the tie rule', () => {
    expect(timedScheduler.timed).toBe(true);
    expect(timedScheduler.pick(ready)).toBe(2);
  });

  it('untimed: whichever thread the choice names, among the ready ones in thread order', () => {
    const offered: number[][] = [];
    const scheduler = untimedScheduler((threads) => {
      offered.push([...threads]);
      return 2;
    });
    expect(scheduler.timed).toBe(false);
    expect(scheduler.pick(ready)).toBe(1);
    expect(offered).toEqual([[0, 2, 3]]);
    expect(untimedScheduler(() => null).pick(ready)).toBe(-1);
  });
});
