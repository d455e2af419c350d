/**
 * A usage race's one-line reason, told from its outcome's moments: the
 * counters when the operation finished against what the Nova test expects,
 * which periodic read made them wrong, and whether a later periodic
 * restored them.
 */
import type { HostMap, HostName, UsageOutcome, UsageVerdict } from '../types';

/** Words a race lends the shared sentences. */
export interface UsageWords {
  /** The operation, as in "when the confirm finished": `confirm`, `revert`, `unshelve`. */
  readonly operation: string;
  readonly hosts: readonly HostName[];
  /** Why it went wrong, for the race's mechanisms (the counters and the restore are added around it). */
  lost(o: UsageOutcome, at: (t: number) => string): string;
  /** Why it stayed right, in one clause. */
  kept(o: UsageOutcome, at: (t: number) => string): string;
}

function teller(o: UsageOutcome): (t: number) => string {
  return o.clock === 'ms' ? (t) => `${t} ms` : (t) => `step ${t}`;
}

/** "host1 -1, host2 1". */
export function usageText(usage: HostMap<number>, hosts: readonly HostName[]): string {
  return hosts.map((h) => `${h} ${usage[h] ?? 0}`).join(', ');
}

function afterwards(o: UsageOutcome, words: UsageWords, at: (t: number) => string): string {
  const { restored } = o.times;
  if (restored) return ` A later periodic restored ${usageText(o.expectedUsage, words.hosts)} at ${at(restored.time)}: the race is transient.`;
  return ' No later periodic ran, so it stays wrong until the next one rebuilds the usage.';
}

/**
 * The outcome with its reason.
 *
 * @example usageReason(words, outcome).reason // "host1's periodic read the migration list at 561 ms, after ..."
 */
export function usageReason(words: UsageWords, o: UsageOutcome): UsageVerdict {
  const at = teller(o);
  const { finished } = o.times;
  let reason: string;
  if (o.verdict === 'incomplete' || !finished) {
    const stop = o.stopped ? ` ${o.stopped.message}` : '';
    reason = `Not reached: the ${words.operation} never finished.${stop}`;
  } else {
    const counters = `vcpus_used ${usageText(o.usageWhenFinished ?? {}, words.hosts)} when the ${words.operation} finished at ${at(finished.time)}`;
    const expected = `(the Nova test expects ${usageText(o.expectedUsage, words.hosts)})`;
    reason =
      o.verdict === 'lost'
        ? `${words.lost(o, at)}: ${counters} ${expected}.${afterwards(o, words, at)}`
        : `${counters}, as the Nova test expects: ${words.kept(o, at)}.`;
  }
  return { ...o, reason };
}
