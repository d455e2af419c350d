/**
 * A fair lock, like oslo.concurrency's `fair=True` semaphore that
 * `@utils.synchronized(COMPUTE_RESOURCE_SEMAPHORE, fair=True)` takes: waiters
 * get it in FIFO order, and a release hands it straight to the head of the
 * queue, so a thread that releases and asks again queues behind the waiters.
 */
export interface Waiter<T> {
  readonly holder: T;
  readonly since: number;
}

export class FairLock<T> {
  private owner: T | null = null;
  private readonly queue: Waiter<T>[] = [];

  constructor(readonly name: string) {}

  get holder(): T | null {
    return this.owner;
  }

  get waiting(): readonly Waiter<T>[] {
    return this.queue;
  }

  /** Take the lock if it is free; otherwise join the queue. Returns whether it was taken. */
  acquire(holder: T, now: number): boolean {
    if (this.owner === null) {
      this.owner = holder;
      return true;
    }
    this.queue.push({ holder, since: now });
    return false;
  }

  /** Release; returns the waiter the lock was handed to, if any. */
  release(holder: T): Waiter<T> | null {
    if (this.owner !== holder) throw new Error(`${this.name} released by a thread that does not hold it`);
    const next = this.queue.shift() ?? null;
    this.owner = next ? next.holder : null;
    return next;
  }
}
