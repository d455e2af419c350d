/**
 * What one lane of a big trace draws on the canvas at the current zoom, and
 * what the pointer is on: allocation-free versions of `cullIntervals` for
 * the frames of a zoom gesture (a lane of 7,000 steps is redrawn 60 times a
 * second), in typed arrays.
 *
 * - `visibleRange`: the positions that may touch the domain, by binary search;
 * - `groupLane`: the lane's groups, the same as `cullIntervals` makes (every
 *   step alone up to `detailLimit` visible steps, else runs of narrow
 *   neighbours merged into one group that a click zooms into);
 * - `forEachSpan`: inside a group, the steps merged per pixel (sub-pixel
 *   steps that touch become one rect), so the canvas draws at most about one
 *   rect per pixel however many steps there are;
 * - `groupAt`: the group under the pointer, by binary search over the groups.
 */
import type { CullOptions } from './cull';
import type { IntervalIndex } from './interval-index';
import type { Domain, PxRange } from './time-domain';

/**
 * Traces with more steps than this draw their steps on a canvas; smaller
 * ones stay SVG (every step an element, with its test id). The default
 * scenario has about 25 steps, 100 production runs about 700.
 */
export const CANVAS_STEP_THRESHOLD = 1500;

export type TimelineRenderer = 'canvas' | 'svg';

/** @example timelineRenderer(7010) // 'canvas' */
export function timelineRenderer(stepCount: number): TimelineRenderer {
  return stepCount > CANVAS_STEP_THRESHOLD ? 'canvas' : 'svg';
}

/** A linear map from time to pixels: x = t * k + b. */
export interface PxMap {
  readonly k: number;
  readonly b: number;
}

/** The map that puts `domain` onto `range`. */
export function pxMapOf(domain: Domain, range: PxRange): PxMap {
  const k = (range[1] - range[0]) / Math.max(domain[1] - domain[0], Number.EPSILON);
  return { k, b: range[0] - domain[0] * k };
}

/** First position in [lo, hi) whose value is >= x (`values` non-decreasing). */
function lowerBound(values: Float64Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in [lo, hi) whose value is > x. */
function upperBound(values: Float64Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions [from, to) of the intervals that may touch `domain`: every one
 * that does is inside; one inside may still end before the domain when
 * intervals overlap (callers check `ends`).
 *
 * @example visibleRange(index, [1000, 2000]) // { from: 12, to: 40 }
 */
export function visibleRange(index: IntervalIndex, domain: Domain): { from: number; to: number } {
  const from = lowerBound(index.maxEnds, domain[0]);
  const to = Math.max(from, upperBound(index.starts, domain[1]));
  return { from, to };
}

/** A lane's groups for one frame, in start order (`size` of the arrays are used). */
export interface LaneGroups {
  size: number;
  /** Pixel extent, clamped to the clip (± 1 px). */
  x0: Float64Array;
  x1: Float64Array;
  /** Positions (into the index arrays) of the first and last interval, and how many. */
  first: Int32Array;
  last: Int32Array;
  count: Int32Array;
  /** Time extent. */
  start: Float64Array;
  end: Float64Array;
}

export function createLaneGroups(capacity = 64): LaneGroups {
  return {
    size: 0,
    x0: new Float64Array(capacity),
    x1: new Float64Array(capacity),
    first: new Int32Array(capacity),
    last: new Int32Array(capacity),
    count: new Int32Array(capacity),
    start: new Float64Array(capacity),
    end: new Float64Array(capacity),
  };
}

function grow(groups: LaneGroups): void {
  const n = groups.x0.length * 2;
  const copy = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const b = make(n);
    b.set(a);
    return b;
  };
  groups.x0 = copy(groups.x0, (m) => new Float64Array(m));
  groups.x1 = copy(groups.x1, (m) => new Float64Array(m));
  groups.first = copy(groups.first, (m) => new Int32Array(m));
  groups.last = copy(groups.last, (m) => new Int32Array(m));
  groups.count = copy(groups.count, (m) => new Int32Array(m));
  groups.start = copy(groups.start, (m) => new Float64Array(m));
  groups.end = copy(groups.end, (m) => new Float64Array(m));
}

function push(groups: LaneGroups, p: number, x0: number, x1: number, start: number, end: number): void {
  if (groups.size === groups.x0.length) grow(groups);
  const g = groups.size++;
  groups.first[g] = p;
  groups.last[g] = p;
  groups.count[g] = 1;
  groups.x0[g] = x0;
  groups.x1[g] = x1;
  groups.start[g] = start;
  groups.end[g] = end;
}

function extend(groups: LaneGroups, p: number, x1: number, end: number): void {
  const g = groups.size - 1;
  groups.last[g] = p;
  groups.count[g]! += 1;
  groups.x1[g] = Math.max(groups.x1[g]!, x1);
  groups.end[g] = Math.max(groups.end[g]!, end);
}

/**
 * The lane's groups for `domain` under `map`, the same groups as
 * `cullIntervals(index, domain, toPx, options)`: up to `detailLimit`
 * visible intervals each is its own group; above it, runs of neighbours
 * narrower than `minPx` and at most `mergeGapPx` apart merge (never a kept
 * id). Reuses `out` (grown when needed).
 *
 * @example groupLane(index, [0, 4376], pxMapOf([0, 4376], [162, 978]), { ...DEFAULT_CULL, clip: [162, 978] })
 */
export function groupLane(index: IntervalIndex, domain: Domain, map: PxMap, options: CullOptions, out: LaneGroups = createLaneGroups()): LaneGroups {
  out.size = 0;
  const { from, to } = visibleRange(index, domain);
  const { starts, ends, ids } = index;
  const lo = options.clip[0] - 1;
  const hi = options.clip[1] + 1;
  const px = (t: number): number => Math.min(hi, Math.max(lo, t * map.k + map.b));
  let visible = 0;
  for (let p = from; p < to; p++) if (ends[p]! >= domain[0]) visible++;
  const detail = visible <= options.detailLimit;
  let runOpen = false; // is the last group a run of narrow intervals that may grow?
  for (let p = from; p < to; p++) {
    const end = ends[p]!;
    if (end < domain[0]) continue;
    const start = starts[p]!;
    const x0 = px(start);
    const x1 = px(end);
    const narrow = !detail && x1 - x0 < options.minPx && !(options.keep?.(ids[p]!) ?? false);
    if (narrow && runOpen && x0 <= out.x1[out.size - 1]! + options.mergeGapPx) {
      extend(out, p, x1, end);
      continue;
    }
    push(out, p, x0, x1, start, end);
    runOpen = narrow;
  }
  return out;
}

/**
 * The intervals at positions [from, last] merged per pixel: consecutive
 * ones closer than `gapPx` (after widening each to `minWidth`) become one
 * span. `emit` gets each span's pixel extent, clamped like the groups.
 *
 * @example forEachSpan(index, 10, 90, map, [162, 978], 0.5, 1, (x0, x1) => ctx.fillRect(x0, y, x1 - x0, h))
 */
export function forEachSpan(
  index: IntervalIndex,
  from: number,
  last: number,
  map: PxMap,
  clip: readonly [number, number],
  gapPx: number,
  minWidth: number,
  emit: (x0: number, x1: number) => void,
): void {
  const lo = clip[0] - 1;
  const hi = clip[1] + 1;
  let s0 = Number.NaN;
  let s1 = Number.NaN;
  for (let p = from; p <= last; p++) {
    let x0 = index.starts[p]! * map.k + map.b;
    let x1 = index.ends[p]! * map.k + map.b;
    if (x1 - x0 < minWidth) {
      const mid = (x0 + x1) / 2;
      x0 = mid - minWidth / 2;
      x1 = mid + minWidth / 2;
    }
    x0 = Math.min(hi, Math.max(lo, x0));
    x1 = Math.min(hi, Math.max(lo, x1));
    if (x0 <= s1 + gapPx) {
      s1 = Math.max(s1, x1);
      continue;
    }
    if (!Number.isNaN(s0)) emit(s0, s1);
    s0 = x0;
    s1 = x1;
  }
  if (!Number.isNaN(s0)) emit(s0, s1);
}

/**
 * The group at pixel `x`, or the nearest within `tolerance` px, by binary
 * search (groups are in start order and do not overlap in a lane); a tie
 * goes to the narrower one (an instant beside a long step). -1 when none.
 *
 * @example groupAt(groups, 412, 4) // 7
 */
export function groupAt(groups: LaneGroups, x: number, tolerance: number): number {
  // Groups [0, end) start at or left of x + tolerance; walk left from the last of them.
  const end = upperBound(groups.x0, x + tolerance, 0, groups.size);
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let g = end - 1; g >= 0; g--) {
    const x0 = groups.x0[g]!;
    const x1 = groups.x1[g]!;
    const d = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    const narrower = best >= 0 && x1 - x0 < groups.x1[best]! - groups.x0[best]!;
    if (d <= tolerance && (d < bestDistance || (d === bestDistance && narrower))) {
      best = g;
      bestDistance = d;
    }
    // A lane's steps follow each other: a group that ends left of the window has only such groups before it.
    if (x1 < x - tolerance) break;
  }
  return best;
}
