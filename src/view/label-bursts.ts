/**
 * Runs of marks that sit too close together on screen to label one by one:
 * at the Nova test's default zoom, host2's snapshot 2, clean_usage and the
 * freed VF fall within a pixel, and their labels and ⚠ badges used to pile
 * on top of each other. A burst gets one label (its parts in order) and one
 * badge.
 */

export interface Positioned {
  /** Where the mark is on screen (px). */
  readonly x: number;
}

/**
 * Consecutive items (sorted by x) each within `gapPx` of the one before.
 *
 * @example burstsOf([{ x: 10 }, { x: 12 }, { x: 40 }], 5) // [[{x:10},{x:12}], [{x:40}]]
 */
export function burstsOf<T extends Positioned>(items: readonly T[], gapPx: number): T[][] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const out: T[][] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && item.x - previous.x <= gapPx) last.push(item);
    else out.push([item]);
  }
  return out;
}
