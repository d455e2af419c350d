/**
 * The words above each side of a comparison: what finish_evacuation does
 * there and what the reads that change see.
 */
import { isUsageOutcome, RACE_INFO, type TraceView } from '../model';
import type { CompareDiff } from './compare-diff';
import { formatInterval, formatTime } from './time-format';
import { usageWords } from './verdict-outcome';

const STATUS_WORDS: Readonly<Record<1 | 2, Readonly<Record<'seen' | 'missed' | 'gap', string>>>> = {
  1: { seen: 'lists inst-A ✓', missed: 'misses inst-A ✗', gap: 'misses inst-A, harmless' },
  2: { seen: 'sees the migration in progress ✓', missed: 'misses the migration ✗', gap: 'misses the migration, harmless' },
};

/**
 * @example compareText(diff, 'fixed') // "finish_evacuation waits for the lock from 2393 ms, then holds it (4376–5406 ms) · snapshot 2 at 4364 ms sees the migration in progress ✓"
 */
export function compareText(diff: CompareDiff, side: 'buggy' | 'fixed'): string {
  const parts: string[] = [];
  const finish = diff[side];
  if (finish) {
    const span = formatInterval(finish.start, finish.end);
    if (!finish.locked) parts.push(`finish_evacuation runs without the lock (${span})`);
    else if (finish.waitedFrom !== null) parts.push(`finish_evacuation waits for the lock from ${formatTime(finish.waitedFrom)}, then holds it (${span})`);
    else parts.push(`finish_evacuation holds the lock (${span})`);
  }
  for (const read of diff.changedReads) {
    const time = side === 'buggy' ? read.buggyTime : read.fixedTime;
    const status = side === 'buggy' ? read.buggy : read.fixed;
    parts.push(`snapshot ${read.which} at ${formatTime(time)} ${STATUS_WORDS[read.which][status]}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'the evacuation never finished: nothing to compare';
}

/**
 * A usage race's side of a comparison: whether the status save and the drop
 * hold the lock there, and the counters when the operation finished.
 *
 * @example usageCompareText(fixedConfirm) // "the status save and the drop hold the lock (30–1060 ms) · vcpus_used when the confirm finished: host1: 0, host2: 1"
 */
export function usageCompareText(trace: TraceView): string {
  const { verdict } = trace;
  if (!isUsageOutcome(verdict)) return '';
  const parts: string[] = [];
  const status = trace.steps.find((s) => s.kind === 'migration-status' && s.host !== null);
  const drop = trace.steps.find((s) => s.kind === 'claim-dropped');
  if (status && drop) {
    const span = formatInterval(status.start, drop.end);
    parts.push(status.lock === 'held' ? `the status save and the drop hold the lock (${span})` : `the status save runs without the lock; only the drop takes it (${span})`);
  }
  const op = RACE_INFO[verdict.race].operation;
  parts.push(verdict.usageWhenFinished ? `vcpus_used when the ${op} finished: ${usageWords(verdict.usageWhenFinished, ', ')}` : `the ${op} never finished`);
  return parts.join(' · ');
}
