/**
 * The race's facts that exports need, read off a trace: which periodic read
 * missed which evacuation write, and the key times of a bug report.
 *
 * For now these come from the timeline's derivations in src/view (the
 * periodic runs and their race links); the lead is moving them into the
 * model's output. This file is the one place to switch over.
 */
import type { Trace, TraceStep } from '../model/types';
import { EVACUATION_MIGRATION_ID, EVACUEE } from '../model/world';
import { evacuationWrites, raceLinks } from '../view/race-links';
import { periodicRuns } from '../view/snapshots';

/** The destination whose periodic loses the claim in bug #1896463. */
export const WATCHED_HOST = 'host2';

/** A host2 periodic read that missed an evacuation write. */
export interface MissedWrite {
  /** 1: the instance list, read before `instance.save (host=host2)`; 2: the migration list, read after `'done'`. */
  readonly which: 1 | 2;
  /** The periodic run (1-based, per host). */
  readonly run: number;
  readonly read: TraceStep;
  readonly write: TraceStep;
  /** The run's other read caught the evacuation, so clean_usage kept the device anyway. */
  readonly harmless: boolean;
}

/**
 * Every stale read of host2's periodic runs that overlap the evacuation.
 *
 * @example missedWrites(simulate(defaultScenario())).length // 2: both snapshots missed
 */
export function missedWrites(trace: Trace): MissedWrite[] {
  const runs = periodicRuns(trace, WATCHED_HOST, EVACUEE, EVACUATION_MIGRATION_ID);
  return raceLinks(trace, runs)
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
  readonly claim: TraceStep | null;
  /** host2's periodic reads: the first run after the claim (or the last one, if none came after). */
  readonly snapshot1: TraceStep | null;
  readonly snapshot2: TraceStep | null;
  readonly hostSaved: TraceStep | null;
  readonly migrationDone: TraceStep | null;
  /** host2's tracker freeing the evacuee's device. */
  readonly freed: TraceStep | null;
}

function freedEvacueeDevice(trace: Trace): TraceStep | null {
  return (
    trace.steps.find(
      (s) =>
        s.kind === 'pci-freed' &&
        s.host === WATCHED_HOST &&
        trace.states[s.index]?.hosts[WATCHED_HOST].tracker.devices[s.address ?? '']?.instanceUuid === EVACUEE,
    ) ?? null
  );
}

/**
 * The claim, the two host2 snapshots that matter, the host save, `'done'` and the free.
 *
 * @example keyTimes(trace).snapshot2?.end // 4364 in the buggy default
 */
export function keyTimes(trace: Trace): KeyTimes {
  const { claim, hostSaved, migrationDone } = evacuationWrites(trace);
  const runs = periodicRuns(trace, WATCHED_HOST, EVACUEE, EVACUATION_MIGRATION_ID);
  const freed = freedEvacueeDevice(trace);
  // The run that lost the claim if one did, else the first one that read after the claim.
  const after = (index: number | undefined) => claim !== null && index !== undefined && index > claim.index;
  const run = runs.find((r) => r.lost) ?? runs.find((r) => after(r.first?.step ?? r.second?.step)) ?? runs[runs.length - 1];
  const stepAt = (index: number | undefined): TraceStep | null => (index === undefined ? null : (trace.steps[index] ?? null));
  return {
    claim,
    snapshot1: stepAt(run?.first?.step),
    snapshot2: stepAt(run?.second?.step),
    hostSaved,
    migrationDone,
    freed,
  };
}
