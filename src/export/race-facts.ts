/**
 * The race's facts that exports need, read off a trace: which periodic read
 * missed which evacuation write, and the key times of a bug report. Both come
 * from the model's own account of the race (`trace.race`, `verdict.times`).
 */
import { isUsageOutcome, type Trace, type StepRow } from '../model/types';
import { DEST_HOST } from '../model/world';

/** The destination whose periodic loses the claim in bug #1896463. */
export const WATCHED_HOST = DEST_HOST;

/** A host2 periodic read that missed an evacuation write. */
export interface MissedWrite {
  /** 1: the instance list, read before `instance.save (host=host2)`; 2: the migration list, read after `'done'`. */
  readonly which: 1 | 2;
  /** The periodic run (1-based, per host). */
  readonly run: number;
  readonly read: StepRow;
  readonly write: StepRow;
  /** The run's other read caught the evacuation, so clean_usage kept the device anyway. */
  readonly harmless: boolean;
}

/**
 * Every stale read of host2's periodic runs that overlap the evacuation.
 *
 * @example missedWrites(simulate(defaultScenario())).length // 2: both snapshots missed
 */
export function missedWrites(trace: Trace): MissedWrite[] {
  return trace.race.links
    .filter((link) => link.stale)
    .map((link) => ({
      which: link.which,
      run: link.run,
      read: trace.steps[link.read]!,
      write: trace.steps[link.write]!,
      harmless: link.harmless,
    }));
}

/** The moments a bug report names; each `null` when the trace has no such step. */
export interface KeyTimes {
  readonly claim: StepRow | null;
  /** host2's periodic reads: the first run after the claim (or the last one, if none came after). */
  readonly snapshot1: StepRow | null;
  readonly snapshot2: StepRow | null;
  readonly hostSaved: StepRow | null;
  readonly migrationDone: StepRow | null;
  /** host2's tracker freeing the evacuee's device. */
  readonly freed: StepRow | null;
}

/**
 * The claim, the two host2 snapshots that matter, the host save, `'done'` and the free.
 *
 * @example keyTimes(trace).snapshot2?.end // 4364 in the buggy default
 */
export function keyTimes(trace: Trace): KeyTimes {
  const { verdict } = trace;
  if (isUsageOutcome(verdict)) return { claim: null, snapshot1: null, snapshot2: null, hostSaved: null, migrationDone: null, freed: null };
  const { times } = verdict;
  const stepAt = (index: number | undefined | null): StepRow | null =>
    index === undefined || index === null ? null : (trace.steps[index] ?? null);
  const claim = stepAt(times.claim?.step);
  // The run that lost the claim if one did, else the first one that read after the claim.
  const { runs } = trace.race;
  const after = (index: number | undefined) => claim !== null && index !== undefined && index > claim.index;
  const run = runs.find((r) => r.lost) ?? runs.find((r) => after(r.first?.step ?? r.second?.step)) ?? runs[runs.length - 1];
  const done = trace.steps.find((s) => s.thread === 'evacuation' && s.kind === 'migration-done') ?? null;
  return {
    claim,
    snapshot1: stepAt(run?.first?.step),
    snapshot2: stepAt(run?.second?.step),
    hostSaved: stepAt(times.hostSaved?.step),
    migrationDone: done,
    freed: stepAt(times.freed?.step),
  };
}
