/**
 * Which drawn thing is under the pointer. Done on coordinates rather than
 * per-element events so that a 1 ms step (a sliver of a pixel) is still easy
 * to hover and click: targets get a few pixels of tolerance, and a small
 * target beats the long bar it sits on.
 */

export interface HitTarget<T> {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly payload: T;
}

/** Pixels around a target that still count as on it. */
export const HIT_TOLERANCE = 4;

function distanceX(target: HitTarget<unknown>, x: number): number {
  if (x < target.x0) return target.x0 - x;
  if (x > target.x1) return x - target.x1;
  return 0;
}

/**
 * The best target at (x, y): rows must contain y; among targets within
 * `tolerance` px of x, the nearest wins, ties going to the narrower one (a
 * marker over a bar), then to the later one in the list (drawn on top).
 *
 * @example hitTest([{ x0: 10, x1: 12, y0: 0, y1: 10, payload: 'a' }], 14, 5) // 'a'
 */
export function hitTest<T>(targets: readonly HitTarget<T>[], x: number, y: number, tolerance = HIT_TOLERANCE): T | null {
  let best: HitTarget<T> | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const target of targets) {
    if (y < target.y0 || y > target.y1) continue;
    const d = distanceX(target, x);
    if (d > tolerance) continue;
    const narrower = best !== null && target.x1 - target.x0 <= best.x1 - best.x0;
    if (d < bestDistance || (d === bestDistance && narrower)) {
      best = target;
      bestDistance = d;
    }
  }
  return best ? best.payload : null;
}
