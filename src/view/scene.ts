/**
 * One frame of the timeline: for the visible domain, what each lane draws
 * (culled and merged steps and lock spans), the strip's bars and snapshot
 * marks, and the hit targets for the pointer. Pure, so a zoom frame is a
 * function call and the tests can count what a big trace would draw.
 */
import { type Culled, cullIntervals, DEFAULT_CULL } from './cull';
import type { HitTarget } from './hit-test';
import type { LaneRow, TimelineLayout, VisibilityKey } from './lane-layout';
import type { Domain } from './time-domain';
import type { TimelineModel } from './timeline-model';
import type { HostName, Interval, UsageView } from '../model';

export interface LaneScene {
  readonly row: LaneRow;
  /** Ids are step indices. */
  readonly steps: readonly Culled[];
  /** Ids are positions in `trace.lockSpans`. */
  readonly locks: readonly Culled[];
}

export interface PxInterval {
  readonly x0: number;
  readonly x1: number;
  readonly interval: Interval;
}

/** One segment of a host's counter: its value, and whether it is wrong once the operation has finished. */
export interface UsageSegment {
  readonly x0: number;
  readonly x1: number;
  readonly value: number;
  /** After the verdict's moment, and not what the Nova test expects. */
  readonly wrong: boolean;
  /** After the verdict's moment, and what the test expects. */
  readonly right: boolean;
  readonly start: number;
  readonly end: number;
}

export interface UsageRowScene {
  readonly host: HostName;
  readonly expected: number;
  readonly segments: readonly UsageSegment[];
}

export interface StripScene {
  readonly bars: Readonly<Record<VisibilityKey, readonly PxInterval[]>>;
  /** A usage race's counters, one row per host (`null` for #1896463). */
  readonly usage: readonly UsageRowScene[] | null;
  /** Ids are positions in `model.runs`. */
  readonly marks: { readonly 1: readonly Culled[]; readonly 2: readonly Culled[] };
}

export interface TimelineScene {
  readonly lanes: readonly LaneScene[];
  readonly strip: StripScene;
}

/** Snapshot marks are circles: merge those closer than a diameter once there are many. */
const MARK_CULL = { detailLimit: 60, minPx: 1, mergeGapPx: 8 };

function barsOf(intervals: readonly Interval[], domain: Domain, toPx: (t: number) => number): PxInterval[] {
  return intervals
    .filter((iv) => iv.end >= domain[0] && iv.start <= domain[1])
    .map((iv) => ({ x0: toPx(Math.max(iv.start, domain[0])), x1: toPx(Math.min(iv.end, domain[1])), interval: iv }));
}

/** The part of a counter's segment after the verdict is drawn at least this wide, so the value it ended with shows. */
export const JUDGED_MIN_PX = 22;

/**
 * A usage race's counters over the visible domain. The value that holds
 * when the verdict is read, and every later one, is judged against what the
 * Nova test expects from that moment on; before it, a value is just the
 * operation under way.
 */
function usageRows(usage: UsageView, domain: Domain, toPx: (t: number) => number): UsageRowScene[] {
  const judged = usage.judged;
  const cut = judged?.time ?? Number.POSITIVE_INFINITY;
  return usage.series.map((series) => {
    const segments: UsageSegment[] = [];
    for (const iv of series.intervals) {
      // Still holding after the verdict's step: replaced later, or never.
      const holds = judged !== null && (iv.toStep === null || iv.toStep > judged.step);
      const parts = holds && iv.start < cut ? [[iv.start, cut, false], [cut, iv.end, true]] : [[iv.start, iv.end, holds]];
      for (const [start, end, isJudged] of parts as [number, number, boolean][]) {
        if (end < domain[0] || start > domain[1]) continue;
        segments.push({
          x0: toPx(Math.max(start, domain[0])), x1: toPx(Math.min(end, domain[1])), value: iv.value, start, end,
          wrong: isJudged && iv.value !== series.expected, right: isJudged && iv.value === series.expected,
        });
      }
    }
    // A verdict at the very end of the trace would leave its segment no width: widen it leftwards, over the one before.
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (!(seg.wrong || seg.right) || seg.x1 - seg.x0 >= JUDGED_MIN_PX) continue;
      const x0 = seg.x1 - JUDGED_MIN_PX;
      segments[i] = { ...seg, x0 };
      const before = segments[i - 1];
      if (before && before.x1 > x0) segments[i - 1] = { ...before, x1: Math.max(before.x0, x0) };
    }
    return { host: series.host, expected: series.expected, segments };
  });
}

/**
 * The frame for `domain` mapped by `toPx` into `layout`.
 *
 * @example buildScene(model, layoutTimeline(model.lanes, 990, 300), model.extent, scale)
 */
export function buildScene(model: TimelineModel, layout: TimelineLayout, domain: Domain, toPx: (t: number) => number): TimelineScene {
  const clip = [layout.plot.left, layout.plot.right] as const;
  // Where an invariant broke and where a run lost the claim stay visible at any zoom.
  const violated = (step: number): boolean => model.violationsByStep.has(step);
  const lost = (run: number): boolean => model.runs[run]?.lost ?? false;
  const lanes = layout.lanes.map((row) => {
    const index = model.laneIndex.get(row.lane);
    if (!index) return { row, steps: [], locks: [] };
    return {
      row,
      steps: cullIntervals(index.steps, domain, toPx, { ...DEFAULT_CULL, clip, keep: violated }),
      locks: cullIntervals(index.locks, domain, toPx, { ...DEFAULT_CULL, clip }),
    };
  });
  return {
    lanes,
    strip: {
      bars: { listed: barsOf(model.visibility.listed, domain, toPx), 'in-progress': barsOf(model.visibility.inProgress, domain, toPx) },
      usage: model.usage ? usageRows(model.usage, domain, toPx) : null,
      marks: {
        1: cullIntervals(model.snapshotIndex[1], domain, toPx, { ...MARK_CULL, clip, keep: lost }),
        2: cullIntervals(model.snapshotIndex[2], domain, toPx, { ...MARK_CULL, clip, keep: lost }),
      },
    },
  };
}

/** What the pointer can be on. */
export type TimelineTarget =
  | { readonly type: 'step'; readonly index: number }
  | { readonly type: 'cluster'; readonly first: number; readonly last: number; readonly count: number; readonly start: number; readonly end: number }
  | { readonly type: 'snapshot'; readonly run: number; readonly which: 1 | 2 }
  | { readonly type: 'snapshots'; readonly which: 1 | 2; readonly count: number; readonly start: number; readonly end: number };

/** Half the size of a snapshot mark's hit box. */
const MARK_RADIUS = 6;

/** Hit boxes for the frame: bars (with their lock band) and snapshot marks. */
export function hitTargets(scene: TimelineScene, layout: TimelineLayout): HitTarget<TimelineTarget>[] {
  const out: HitTarget<TimelineTarget>[] = [];
  for (const { row, steps } of scene.lanes) {
    const y0 = row.barTop - 2;
    const y1 = row.bandTop + row.bandHeight + 1;
    for (const item of steps) {
      const payload: TimelineTarget =
        item.type === 'single'
          ? { type: 'step', index: item.id }
          : { type: 'cluster', first: item.first, last: item.last, count: item.count, start: item.start, end: item.end };
      out.push({ x0: item.x0, x1: item.x1, y0, y1, payload });
    }
  }
  for (const which of [1, 2] as const) {
    const row = layout.strip.rows[which - 1];
    if (!row || scene.strip.usage) continue;
    for (const mark of scene.strip.marks[which]) {
      const payload: TimelineTarget =
        mark.type === 'single'
          ? { type: 'snapshot', run: mark.id, which }
          : { type: 'snapshots', which, count: mark.count, start: mark.start, end: mark.end };
      out.push({ x0: mark.x0 - MARK_RADIUS, x1: mark.x1 + MARK_RADIUS, y0: row.mid - MARK_RADIUS, y1: row.mid + MARK_RADIUS, payload });
    }
  }
  return out;
}
