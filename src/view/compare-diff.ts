/**
 * What changes between the buggy and the fixed code for one scenario: where
 * finish_evacuation (the host save, dropping the migration context, the
 * migration's 'done') runs, with or without COMPUTE_RESOURCE_SEMAPHORE, and
 * which of host2's periodic reads sees something else because of it.
 */
import type { PeriodicRun, SnapshotStatus, StepRow, TraceView } from '../model';
import { type Domain, traceExtent } from './time-domain';

export interface FinishSpan {
  /** From the host save's start to the migration's 'done'. */
  readonly start: number;
  readonly end: number;
  /** Does the evacuation hold the lock through it (the fix)? */
  readonly locked: boolean;
  /** When it started waiting for the lock before it, if it had to. */
  readonly waitedFrom: number | null;
}

export interface ChangedRead {
  readonly run: number;
  readonly which: 1 | 2;
  /** When the read took effect, in each variant. */
  readonly buggyTime: number;
  readonly fixedTime: number;
  readonly buggy: SnapshotStatus;
  readonly fixed: SnapshotStatus;
}

export interface CompareDiff {
  readonly buggy: FinishSpan | null;
  readonly fixed: FinishSpan | null;
  readonly changedReads: readonly ChangedRead[];
}

const evacuationStep = (trace: TraceView, kind: StepRow['kind']): StepRow | undefined =>
  trace.steps.find((s) => s.thread === 'evacuation' && s.kind === kind);

/** Where finish_evacuation ran in a trace. */
export function finishSpan(trace: TraceView): FinishSpan | null {
  const hostSaved = evacuationStep(trace, 'host-saved');
  const migrationDone = evacuationStep(trace, 'migration-done');
  if (!hostSaved || !migrationDone) return null;
  const waited = trace.steps.find((s) => s.thread === 'evacuation' && s.lock === 'waited' && s.index < hostSaved.index && s.end === hostSaved.start);
  return { start: hostSaved.start, end: migrationDone.end, locked: hostSaved.lock === 'held', waitedFrom: waited?.start ?? null };
}

const host2Runs = (trace: TraceView): readonly PeriodicRun[] => trace.race.runs;

/**
 * The difference between the two variants of one scenario.
 *
 * @example compareDiff(simulate(test), simulate({ ...test, fix: true })).changedReads // snapshot 2: missed -> seen
 */
export function compareDiff(buggy: TraceView, fixed: TraceView): CompareDiff {
  const fixedRuns = new Map(host2Runs(fixed).map((run) => [run.run, run]));
  const changedReads: ChangedRead[] = [];
  for (const run of host2Runs(buggy)) {
    const other = fixedRuns.get(run.run);
    for (const which of [1, 2] as const) {
      const a = which === 1 ? run.first : run.second;
      const b = which === 1 ? other?.first : other?.second;
      // A read changes when it sees the evacuation in one variant and not in the other (a miss that
      // became harmless is the same read result).
      if (a && b && (a.status === 'seen') !== (b.status === 'seen')) {
        changedReads.push({ run: run.run, which, buggyTime: a.time, fixedTime: b.time, buggy: a.status, fixed: b.status });
      }
    }
  }
  return { buggy: finishSpan(buggy), fixed: finishSpan(fixed), changedReads };
}

/** Both traces on one time axis: from 0 to the later end. */
export function unionExtent(traces: readonly TraceView[]): Domain {
  return traceExtent(Math.max(0, ...traces.map((t) => t.endTime)));
}
