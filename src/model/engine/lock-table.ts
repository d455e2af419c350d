/**
 * Every lock of a run by name (`COMPUTE_RESOURCE_SEMAPHORE` is one per
 * process: one shared lock in Nova's functional-test harness, one per host in
 * production), who holds what, and the spans each thread held a lock for.
 */
import type { Lane, LockSpan } from '../types';
import { FairLock } from './fair-lock';

type MutableSpan = { -readonly [K in keyof LockSpan]: LockSpan[K] };

interface Held {
  readonly lock: string;
  readonly span: number;
}

export class LockTable<A> {
  private readonly locks = new Map<string, FairLock<A>>();
  private readonly held = new Map<A, Held[]>();
  private readonly openSpans: MutableSpan[] = [];

  /** Every span so far, in the order the locks were taken. */
  get spans(): readonly LockSpan[] {
    return this.openSpans;
  }

  private lock(name: string): FairLock<A> {
    let lock = this.locks.get(name);
    if (!lock) {
      lock = new FairLock<A>(name);
      this.locks.set(name, lock);
    }
    return lock;
  }

  holderOf(name: string): A | null {
    return this.locks.get(name)?.holder ?? null;
  }

  /** The lock `actor` took last and still holds, or `null`. */
  innermost(actor: A): string | null {
    const stack = this.held.get(actor);
    return stack && stack.length > 0 ? stack[stack.length - 1]!.lock : null;
  }

  /**
   * Take `name` if it is free (the span opens now and `true` is returned);
   * otherwise join its FIFO queue and return `false`: the lock will be handed
   * over by a `release`, after which the engine calls `granted`.
   */
  acquire(actor: A, name: string, lane: Lane, now: number): boolean {
    if (!this.lock(name).acquire(actor, now)) return false;
    this.granted(actor, name, lane, now, now);
    return true;
  }

  /** Open the span of a lock that was handed to `actor` (asked for at `requestedAt`). */
  granted(actor: A, name: string, lane: Lane, requestedAt: number, now: number): void {
    if (this.holderOf(name) !== actor) throw new Error(`${name} was not handed to this thread`);
    this.openSpans.push({ lock: name, thread: lane, requestedAt, acquiredAt: now, releasedAt: null });
    let stack = this.held.get(actor);
    if (!stack) {
      stack = [];
      this.held.set(actor, stack);
    }
    stack.push({ lock: name, span: this.openSpans.length - 1 });
  }

  /** Release `name`; returns the waiter it was handed to (head of the queue), if any. */
  release(actor: A, name: string, now: number): A | null {
    const handed = this.lock(name).release(actor);
    const stack = this.held.get(actor) ?? [];
    const index = stack.findIndex((h) => h.lock === name);
    if (index >= 0) {
      this.openSpans[stack[index]!.span]!.releasedAt = now;
      stack.splice(index, 1);
    }
    return handed ? handed.holder : null;
  }
}
