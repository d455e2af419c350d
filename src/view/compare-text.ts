/**
 * The words above each side of a comparison: what finish_evacuation does
 * there and what the reads that change see.
 */
import type { CompareDiff } from './compare-diff';
import { formatInterval, formatTime } from './time-format';

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
