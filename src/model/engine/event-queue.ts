/**
 * The engine's ready events: one per thread that can run (its step ends, its
 * idle time is up, or a lock was handed to it), with the order in which
 * virtual time runs them.
 *
 * The tie rule, for events at the same virtual time:
 * 1. lock hand-overs first (a waiter the lock was handed to resumes before
 *    anything else happens at that instant, as the fair lock's direct
 *    hand-over implies);
 * 2. then actor order (the order of the scenario's actors: API/evacuation,
 *    the periodic thread(s), boot, host1 restart);
 * 3. then first scheduled first.
 */

/** Priority of a lock hand-over: before every other event at the same time. */
export const HANDOVER = 0;
/** Priority of every other event. */
export const NORMAL = 1;

export interface ReadyEvent<A> {
  /** Virtual ms when it happens (its step's end, or the hand-over's instant). */
  readonly time: number;
  readonly priority: number;
  /** The actor's position in tie-break order; also its thread id. */
  readonly order: number;
  readonly seq: number;
  readonly actor: A;
}

/** Does `a` happen before `b` under the tie rule? */
export function runsBefore<A>(a: ReadyEvent<A>, b: ReadyEvent<A>): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.order !== b.order) return a.order < b.order;
  return a.seq < b.seq;
}

/** Index of the event that runs first under the tie rule, or -1 when there is none. */
export function firstByTieRule<A>(ready: readonly ReadyEvent<A>[]): number {
  let best = -1;
  for (let i = 0; i < ready.length; i++) {
    if (best < 0 || runsBefore(ready[i]!, ready[best]!)) best = i;
  }
  return best;
}

/**
 * The set of ready events. A thread has at most one, and a handful of
 * threads run at once, so a plain array beats a heap here.
 *
 * @example const q = new EventQueue<string>(); q.push(10, NORMAL, 0, 'a'); q.take(firstByTieRule(q.ready)).actor // 'a'
 */
export class EventQueue<A> {
  private readonly items: ReadyEvent<A>[] = [];
  private nextSeq = 0;

  get ready(): readonly ReadyEvent<A>[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  push(time: number, priority: number, order: number, actor: A): void {
    this.items.push({ time, priority, order, seq: this.nextSeq++, actor });
  }

  /** Remove and return the event at `index` of `ready`. */
  take(index: number): ReadyEvent<A> {
    const event = this.items[index];
    if (event === undefined) throw new Error(`no ready event at ${index}`);
    const last = this.items.pop()!;
    if (index < this.items.length) this.items[index] = last;
    return event;
  }
}
