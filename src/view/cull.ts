/**
 * From an interval index to what one lane draws at the current zoom.
 *
 * Big traces: we draw SVG, culled to the visible domain, and when a lane has
 * more visible intervals than `detailLimit` we merge runs of sub-pixel
 * neighbours into one "cluster" bar. That bounds the node count by the plot's
 * width (not by the trace: the production preset's 7,000 steps over 17 h
 * become a handful of clusters), keeps every drawn step a real element with a
 * test id, an outline and a hover target, and leaves fine zoom levels exact
 * (every step drawn, nothing merged) where people read the race. A canvas
 * would scale further but needs its own hit testing, DPR handling and
 * accessibility; the SVG budget here stays in the hundreds of nodes.
 */
import type { IntervalIndex } from './interval-index';
import { visiblePositions } from './interval-index';
import type { Domain } from './time-domain';

export interface Single {
  readonly type: 'single';
  /** The caller's id (e.g. a step index). */
  readonly id: number;
  readonly start: number;
  readonly end: number;
  readonly x0: number;
  readonly x1: number;
}

export interface Cluster {
  readonly type: 'cluster';
  /** Ids of the first and last merged intervals, and how many. */
  readonly first: number;
  readonly last: number;
  readonly count: number;
  readonly start: number;
  readonly end: number;
  readonly x0: number;
  readonly x1: number;
}

export type Culled = Single | Cluster;

export interface CullOptions {
  /** Up to this many visible intervals, draw each one. */
  readonly detailLimit: number;
  /** Narrower than this (px), an interval may merge with its neighbours. */
  readonly minPx: number;
  /** Neighbours closer than this (px) merge. */
  readonly mergeGapPx: number;
  /** Pixel x range to clip to (huge zoom makes huge coordinates otherwise). */
  readonly clip: readonly [number, number];
  /** Ids never merged, however dense (a violation, a missed snapshot): few, and the point of the picture. */
  readonly keep?: (id: number) => boolean;
}

export const DEFAULT_CULL: Omit<CullOptions, 'clip'> = { detailLimit: 150, minPx: 3, mergeGapPx: 4 };

const clampX = (x: number, clip: readonly [number, number]): number => Math.min(clip[1] + 1, Math.max(clip[0] - 1, x));

/**
 * The lane's visible intervals, merged where they are too dense to tell apart.
 *
 * @example cullIntervals(index, [0, 4376], scale, { ...DEFAULT_CULL, clip: [162, 978] })
 */
export function cullIntervals(
  index: IntervalIndex,
  domain: Domain,
  toPx: (t: number) => number,
  options: CullOptions,
): Culled[] {
  const positions = visiblePositions(index, domain);
  const single = (p: number): Single => ({
    type: 'single',
    id: index.ids[p]!,
    start: index.starts[p]!,
    end: index.ends[p]!,
    x0: clampX(toPx(index.starts[p]!), options.clip),
    x1: clampX(toPx(index.ends[p]!), options.clip),
  });
  if (positions.length <= options.detailLimit) return positions.map(single);
  return mergeDense(positions.map(single), options);
}

/** Merge runs of narrow neighbours; wide intervals stay single. */
function mergeDense(items: readonly Single[], options: CullOptions): Culled[] {
  const out: Culled[] = [];
  let run: Single[] = [];
  let runRight = Number.NEGATIVE_INFINITY;
  const flush = (): void => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) out.push(clusterOf(run));
    run = [];
    runRight = Number.NEGATIVE_INFINITY;
  };
  for (const item of items) {
    const narrow = item.x1 - item.x0 < options.minPx && !options.keep?.(item.id);
    if (!narrow) {
      flush();
      out.push(item);
      continue;
    }
    if (run.length > 0 && item.x0 > runRight + options.mergeGapPx) flush();
    run.push(item);
    runRight = Math.max(runRight, item.x1);
  }
  flush();
  return out;
}

function clusterOf(run: readonly Single[]): Cluster {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  let end = first.end;
  let x1 = first.x1;
  for (const item of run) {
    end = Math.max(end, item.end);
    x1 = Math.max(x1, item.x1);
  }
  return {
    type: 'cluster', first: first.id, last: last.id, count: run.length,
    start: first.start, end, x0: first.x0, x1,
  };
}
