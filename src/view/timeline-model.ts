/**
 * Everything the timeline derives from one trace, computed once when the
 * trace arrives (O(steps log steps)) so that zoom frames only cull and map.
 */
import type { Lane, Trace, Violation } from '../model/types';
import { EVACUATION_MIGRATION_ID, EVACUEE } from '../model/world';
import { createIntervalIndex, type IntervalIndex } from './interval-index';
import { lanesOf } from './lane-layout';
import { raceLinks, type RaceLink } from './race-links';
import { periodicRuns, type PeriodicRun } from './snapshots';
import { type Domain, traceExtent } from './time-domain';
import { visibility, type Visibility } from './visibility';

export interface LaneIndex {
  readonly lane: Lane;
  /** Ids are step indices. */
  readonly steps: IntervalIndex;
  /** Ids are positions in `trace.lockSpans`; from acquired to released. */
  readonly locks: IntervalIndex;
}

export interface TimelineModel {
  readonly trace: Trace;
  readonly extent: Domain;
  readonly lanes: readonly Lane[];
  readonly laneIndex: ReadonlyMap<Lane, LaneIndex>;
  /** The evacuee as host2's periodic can see it. */
  readonly visibility: Visibility;
  readonly runs: readonly PeriodicRun[];
  /** Ids are positions in `runs`: where each run's snapshot 1 / snapshot 2 marks are. */
  readonly snapshotIndex: { readonly 1: IntervalIndex; readonly 2: IntervalIndex };
  readonly links: readonly RaceLink[];
  readonly violationsByStep: ReadonlyMap<number, readonly Violation[]>;
}

/** The host whose periodic loses the claim in bug #1896463: the evacuation's destination. */
export const WATCHED_HOST = 'host2';

function indexLanes(trace: Trace, lanes: readonly Lane[]): Map<Lane, LaneIndex> {
  const stepIds = new Map<Lane, number[]>(lanes.map((lane) => [lane, []]));
  for (const step of trace.steps) stepIds.get(step.thread)?.push(step.index);
  const lockIds = new Map<Lane, number[]>(lanes.map((lane) => [lane, []]));
  trace.lockSpans.forEach((span, i) => lockIds.get(span.thread)?.push(i));
  const step = (i: number) => trace.steps[i]!;
  const lock = (i: number) => trace.lockSpans[i]!;
  return new Map(
    lanes.map((lane) => [
      lane,
      {
        lane,
        steps: createIntervalIndex(stepIds.get(lane)!, (i) => step(i).start, (i) => step(i).end),
        locks: createIntervalIndex(lockIds.get(lane)!, (i) => lock(i).acquiredAt, (i) => lock(i).releasedAt ?? trace.endTime),
      },
    ]),
  );
}

function indexSnapshots(runs: readonly PeriodicRun[], which: 1 | 2): IntervalIndex {
  const at = (i: number): number => {
    const snap = which === 1 ? runs[i]!.first : runs[i]!.second;
    return snap?.time ?? Number.NaN;
  };
  const ids = runs.map((_, i) => i).filter((i) => !Number.isNaN(at(i)));
  return createIntervalIndex(ids, at, at);
}

/**
 * Derive the timeline's model from a trace.
 *
 * @example buildTimelineModel(simulate(defaultScenario())).links.length // 2
 */
export function buildTimelineModel(trace: Trace): TimelineModel {
  const lanes = lanesOf(trace.steps);
  const runs = periodicRuns(trace, WATCHED_HOST, EVACUEE, EVACUATION_MIGRATION_ID);
  const violationsByStep = new Map<number, Violation[]>();
  for (const v of trace.violations) violationsByStep.set(v.step, [...(violationsByStep.get(v.step) ?? []), v]);
  return {
    trace,
    extent: traceExtent(trace.endTime),
    lanes,
    laneIndex: indexLanes(trace, lanes),
    visibility: visibility(trace, WATCHED_HOST, EVACUEE, EVACUATION_MIGRATION_ID),
    runs,
    snapshotIndex: { 1: indexSnapshots(runs, 1), 2: indexSnapshots(runs, 2) },
    links: raceLinks(trace, runs),
    violationsByStep,
  };
}
