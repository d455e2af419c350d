/**
 * A sorted index of time intervals (a lane's steps, its lock spans, the
 * snapshot marks), so the part inside the visible domain is found by binary
 * search: a zoom frame over a trace of thousands of steps touches only what
 * it draws.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import type { Domain } from './time-domain';

export interface IntervalIndex {
  /** The caller's ids, ordered by start time. */
  readonly ids: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /**
   * Running maximum of `ends`: non-decreasing even if intervals overlap, so
   * "first interval that may reach the domain" is a binary search.
   */
  readonly maxEnds: Float64Array;
}

/**
 * Index the intervals `[start(id), end(id)]` for the given ids.
 *
 * @example createIntervalIndex([0, 1], (i) => i * 10, (i) => i * 10 + 5)
 */
export function createIntervalIndex(
  ids: readonly number[],
  start: (id: number) => number,
  end: (id: number) => number,
): IntervalIndex {
  const order = sortedByStart(ids, start);
  const n = order.length;
  const index: IntervalIndex = {
    ids: Int32Array.from(order),
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    maxEnds: new Float64Array(n),
  };
  let running = Number.NEGATIVE_INFINITY;
  order.forEach((id, i) => {
    const s = start(id);
    const e = Math.max(s, end(id));
    index.starts[i] = s;
    index.ends[i] = e;
    running = Math.max(running, e);
    index.maxEnds[i] = running;
  });
  return index;
}

/** A lane's steps arrive almost always in start order already; sort only when they do not. */
function sortedByStart(ids: readonly number[], start: (id: number) => number): readonly number[] {
  for (let i = 1; i < ids.length; i++) {
    const a = ids[i - 1]!;
    const b = ids[i]!;
    const d = start(a) - start(b);
    if (d > 0 || (d === 0 && a > b)) return [...ids].sort((x, y) => start(x) - start(y) || x - y);
  }
  return ids;
}

/**
 * Positions (into the index arrays) of the intervals that touch the domain,
 * in start order.
 */
export function visiblePositions(index: IntervalIndex, domain: Domain): number[] {
  // Both arrays are non-decreasing: the first step that may reach the domain, and the first that starts after it.
  const from = bisectLeft(index.maxEnds, domain[0]);
  const to = bisectRight(index.starts, domain[1]);
  const out: number[] = [];
  for (let p = from; p < to; p++) if (index.ends[p]! >= domain[0]) out.push(p);
  return out;
}
