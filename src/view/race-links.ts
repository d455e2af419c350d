/**
 * The links that make a stale pair of reads stand out: from a periodic
 * run's snapshot 1 (instance list) to the evacuation's `instance.save
 * (host=host2)`, and from its snapshot 2 (migration list) to `migration.status
 * = 'done'`. Snapshot 1 is stale when it came before that write, snapshot 2
 * when it came after. Only runs that overlap the evacuation get links: the
 * later runs of a long trace have nothing to race with.
 */
import type { Trace, TraceStep } from '../model/types';
import type { PeriodicRun } from './snapshots';

export interface RaceLink {
  readonly which: 1 | 2;
  readonly run: number;
  /** The periodic's read. */
  readonly read: number;
  /** The evacuation's write it is compared with. */
  readonly write: number;
  readonly readTime: number;
  readonly writeTime: number;
  /** The read missed the write: came before host=host2 was saved, or after the migration was done. */
  readonly stale: boolean;
  /**
   * Stale, but the run's other read caught the evacuation (snapshot 2 saw the
   * migration in progress, or snapshot 1 already listed the instance), so
   * clean_usage kept the device: the stale read did no harm.
   */
  readonly harmless: boolean;
}

export interface EvacuationWrites {
  readonly claim: TraceStep | null;
  readonly hostSaved: TraceStep | null;
  readonly migrationDone: TraceStep | null;
}

/** The evacuation's claim and its two writes that the periodic races with. */
export function evacuationWrites(trace: Trace): EvacuationWrites {
  const find = (kind: TraceStep['kind']): TraceStep | null =>
    trace.steps.find((s) => s.thread === 'evacuation' && s.kind === kind) ?? null;
  return { claim: find('claim'), hostSaved: find('host-saved'), migrationDone: find('migration-done') };
}

function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 <= b1 && b0 <= a1;
}

/**
 * Links for the runs that overlap the evacuation (from its claim to its last write).
 *
 * @example raceLinks(trace, periodicRuns(trace, 'host2', 'inst-A', 1)).filter((l) => l.stale).length // 2 in the buggy default
 */
export function raceLinks(trace: Trace, runs: readonly PeriodicRun[]): RaceLink[] {
  const { claim, hostSaved, migrationDone } = evacuationWrites(trace);
  const writes = [claim, hostSaved, migrationDone].filter((s): s is TraceStep => s !== null);
  if (writes.length === 0) return [];
  const windowStart = Math.min(...writes.map((s) => s.start));
  const windowEnd = Math.max(...writes.map((s) => s.end));
  const links: RaceLink[] = [];
  for (const run of runs) {
    const s1 = run.first ? trace.steps[run.first.step] : undefined;
    const s2 = run.second ? trace.steps[run.second.step] : undefined;
    const runStart = (s1 ?? s2)?.start;
    const runEnd = (s2 ?? s1)?.end;
    if (runStart === undefined || runEnd === undefined || !overlaps(runStart, runEnd, windowStart, windowEnd)) continue;
    // Steps are numbered in the order they took effect, so index order is "happened before".
    const first = s1 && hostSaved ? link(1, run.run, s1, hostSaved, s1.index < hostSaved.index) : null;
    const second = s2 && migrationDone ? link(2, run.run, s2, migrationDone, s2.index > migrationDone.index) : null;
    if (first) links.push(second && !second.stale ? { ...first, harmless: first.stale } : first);
    if (second) links.push(first && !first.stale ? { ...second, harmless: second.stale } : second);
  }
  return links;
}

function link(which: 1 | 2, run: number, read: TraceStep, write: TraceStep, stale: boolean): RaceLink {
  return { which, run, read: read.index, write: write.index, readTime: read.end, writeTime: write.end, stale, harmless: false };
}
