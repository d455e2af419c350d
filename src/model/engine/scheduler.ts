/**
 * Which ready thread runs next: the one choice the engine leaves open.
 *
 * The timed scheduler follows virtual time and the tie rule, which is what
 * `simulate` does. The schedule explorer plugs in its own choice: time does
 * not count there, so any ready thread may take the next step.
 */
import { firstByTieRule, type ReadyEvent } from './event-queue';

export interface Scheduler {
  /**
   * `timed`: events happen at their virtual time, steps take their duration
   * (plus jitter) and sleeps are slept. `untimed`: virtual time is replaced
   * by step order, durations are ignored and injected sleeps are skipped.
   */
  readonly timed: boolean;
  /** Index into `ready` of the event to run next, or -1 to stop the run here. */
  pick(ready: readonly ReadyEvent<unknown>[]): number;
}

/** Virtual time and the tie rule (see `event-queue.ts`). */
export const timedScheduler: Scheduler = { timed: true, pick: firstByTieRule };

/**
 * An untimed scheduler that asks `choose` for the thread (actor order) to
 * run among the ready ones.
 *
 * @example untimedScheduler((threads) => threads[0]!) // always the lowest ready thread
 */
export function untimedScheduler(choose: (threads: readonly number[]) => number | null): Scheduler {
  return {
    timed: false,
    pick(ready) {
      const threads = ready.map((e) => e.order).sort((a, b) => a - b);
      const chosen = choose(threads);
      return chosen === null ? -1 : ready.findIndex((e) => e.order === chosen);
    },
  };
}
