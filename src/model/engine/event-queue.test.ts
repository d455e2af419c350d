import { describe, expect, it } from 'vitest';
import { EventQueue, firstByTieRule, HANDOVER, NORMAL, runsBefore } from './event-queue';

describe('EventQueue and the tie rule', () => {
  const q = () => new EventQueue<string>();

  it('runs the earliest event first', () => {
    const queue = q();
    queue.push(20, NORMAL, 0, 'late');
    queue.push(10, NORMAL, 5, 'early');
    expect(queue.take(firstByTieRule(queue.ready)).actor).toBe('early');
    expect(queue.take(firstByTieRule(queue.ready)).actor).toBe('late');
    expect(queue.size).toBe(0);
    expect(firstByTieRule(queue.ready)).toBe(-1);
  });

  it('at one instant: hand-overs first, then actor order, then first scheduled', () => {
    const queue = q();
    queue.push(10, NORMAL, 2, 'order 2, first pushed');
    queue.push(10, NORMAL, 1, 'order 1');
    queue.push(10, HANDOVER, 3, 'hand-over to order 3');
    queue.push(10, NORMAL, 2, 'order 2, second pushed');
    const order: string[] = [];
    while (queue.size > 0) order.push(queue.take(firstByTieRule(queue.ready)).actor);
    expect(order).toEqual(['hand-over to order 3', 'order 1', 'order 2, first pushed', 'order 2, second pushed']);
  });

  it('runsBefore is a strict order', () => {
    const a = { time: 5, priority: NORMAL, order: 0, seq: 0, actor: 'a' };
    const b = { time: 5, priority: NORMAL, order: 0, seq: 1, actor: 'b' };
    expect(runsBefore(a, b)).toBe(true);
    expect(runsBefore(b, a)).toBe(false);
    expect(runsBefore(a, a)).toBe(false);
  });

  it('take removes exactly the event asked for, and refuses a missing one', () => {
    const queue = q();
    for (const name of ['a', 'b', 'c']) queue.push(1, NORMAL, 0, name);
    expect(queue.take(0).actor).toBe('a');
    expect(queue.ready.map((e) => e.actor).sort()).toEqual(['b', 'c']);
    expect(() => queue.take(5)).toThrow(/no ready event/);
  });
});
