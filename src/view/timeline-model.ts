/**
 * Everything the timeline derives from one trace, computed once when the
 * trace arrives (O(steps log steps)) so that zoom frames only cull and map.
 */
import { isUsageOutcome, type Lane, type PeriodicRun, RACE_INFO, type RaceLink, type TraceView, type UsageView, type Violation, type Visibility } from '../model';
import { createIntervalIndex, type IntervalIndex } from './interval-index';
import { lanesOf, type StripRowKey, VISIBILITY_ROWS } from './lane-layout';
import { type Domain, traceExtent } from './time-domain';
import type { Clock } from './time-format';

export interface LaneIndex {
  readonly lane: Lane;
  /** Ids are step indices. */
  readonly steps: IntervalIndex;
  /** Ids are positions in `trace.lockSpans`; from acquired to released. */
  readonly locks: IntervalIndex;
}

export interface TimelineModel {
  readonly trace: TraceView;
  /** What its times count: ms, or step order when a schedule was loaded. */
  readonly clock: Clock;
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
  /** A usage race's counters over time (its strip draws them); `null` for #1896463. */
  readonly usage: UsageView | null;
  /** What time 0 is: '0 = POST confirmResize', or 'step order, not time' for a loaded schedule. */
  readonly axisCaption: string;
}

/** The axis's caption: what time 0 is in this race, or that a schedule replaced time by step order. */
export function axisCaptionOf(trace: TraceView): string {
  if (trace.verdict.clock === 'step') return 'step order, not time';
  return `0 = ${RACE_INFO[isUsageOutcome(trace.verdict) ? trace.verdict.race : '1896463'].timeZero}`;
}

function indexLanes(trace: TraceView, lanes: readonly Lane[]): Map<Lane, LaneIndex> {
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
 * Derive the timeline's model from a trace. What the race was (which runs
 * lost the claim, which reads were stale, when the evacuee was visible) is
 * the model's own `trace.race`; this only indexes it for drawing.
 *
 * @example buildTimelineModel(simulate(defaultScenario())).links.length // 2
 */
export function buildTimelineModel(trace: TraceView): TimelineModel {
  const lanes = lanesOf(trace.steps);
  const { runs, links, visibility } = trace.race;
  const violationsByStep = new Map<number, Violation[]>();
  for (const v of trace.violations) violationsByStep.set(v.step, [...(violationsByStep.get(v.step) ?? []), v]);
  return {
    trace,
    clock: trace.verdict.clock,
    extent: traceExtent(trace.endTime),
    lanes,
    laneIndex: indexLanes(trace, lanes),
    visibility,
    runs,
    snapshotIndex: { 1: indexSnapshots(runs, 1), 2: indexSnapshots(runs, 2) },
    links,
    violationsByStep,
    usage: trace.race.usage,
    axisCaption: axisCaptionOf(trace),
  };
}

/** The strip's rows for a model: a usage race's hosts, or #1896463's two. */
export function stripKeysOf(model: TimelineModel): readonly StripRowKey[] {
  return model.usage ? model.usage.series.map((s) => s.host) : VISIBILITY_ROWS;
}
