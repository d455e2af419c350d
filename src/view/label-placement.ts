/**
 * Greedy placement of short labels on one row: the most important first,
 * each tries its anchors (centred, left of the point, right of it) and then
 * a shorter text; what still collides is left out (the tooltip has it). So
 * labels never overlap each other and never sit on the bars (they get their
 * own row).
 */

export type Anchor = 'middle' | 'end' | 'start';

export interface LabelVariant {
  readonly text: string;
  readonly width: number;
}

export interface LabelRequest {
  readonly id: string;
  /** The point the label names (px). */
  readonly x: number;
  /** Higher places first. */
  readonly priority: number;
  /** Longest first; later ones are fallbacks. */
  readonly variants: readonly LabelVariant[];
  readonly anchors?: readonly Anchor[];
}

export interface PlacedLabel {
  readonly id: string;
  readonly text: string;
  /** x for an SVG text with `text-anchor: anchor`. */
  readonly x: number;
  readonly anchor: Anchor;
  readonly left: number;
  readonly right: number;
}

const DEFAULT_ANCHORS: readonly Anchor[] = ['middle', 'end', 'start'];
/** Labels sit this far from the point when anchored beside it. */
const SIDE_OFFSET = 3;

/** Width of `text` at `fontSize` px in the UI's sans-serif, a little generous. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.6);
}

function extentFor(x: number, width: number, anchor: Anchor): { left: number; right: number; textX: number } {
  if (anchor === 'middle') return { left: x - width / 2, right: x + width / 2, textX: x };
  if (anchor === 'end') return { left: x - SIDE_OFFSET - width, right: x - SIDE_OFFSET, textX: x - SIDE_OFFSET };
  return { left: x + SIDE_OFFSET, right: x + SIDE_OFFSET + width, textX: x + SIDE_OFFSET };
}

const apart = (left: number, right: number, other: { left: number; right: number }, gap: number): boolean =>
  right + gap <= other.left || left >= other.right + gap;

/** One row of labels being filled: each label claims the space from its point to its far end. */
function createRow(bounds: readonly [number, number], gap: number) {
  const placed: PlacedLabel[] = [];
  // Claiming from the point means no label sits between another label and that label's point:
  // labels stay in the order of their points.
  const claimed: { left: number; right: number }[] = [];
  const claim = (x: number, left: number, right: number) => ({ left: Math.min(x, left), right: Math.max(x, right) });
  return {
    placed,
    tryPlace(request: LabelRequest): boolean {
      const free = (left: number, right: number): boolean => {
        const span = claim(request.x, left, right);
        return left >= bounds[0] && right <= bounds[1] && claimed.every((c) => apart(span.left, span.right, c, gap));
      };
      const spot = findSpot(request, free);
      if (!spot) return false;
      placed.push(spot);
      claimed.push(claim(request.x, spot.left, spot.right));
      return true;
    },
  };
}

const byPriority = (a: LabelRequest, b: LabelRequest): number => b.priority - a.priority || a.x - b.x;

/**
 * Place labels within `[min, max]` px with at least `gap` px between them.
 *
 * @example placeLabels([{ id: 'a', x: 50, priority: 1, variants: [{ text: 'S1', width: 12 }] }], [0, 100])
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: readonly [number, number], gap = 4): PlacedLabel[] {
  const row = createRow(bounds, gap);
  for (const request of [...requests].sort(byPriority)) row.tryPlace(request);
  return row.placed.sort((a, b) => a.left - b.left);
}

/** A label that may go in any of several rows, tried in order. */
export interface RowsRequest {
  readonly request: LabelRequest;
  readonly rows: readonly number[];
}

/**
 * Place labels over `rowCount` rows: by priority across all rows, each in
 * the first of its rows with room.
 *
 * @example placeLabelRows(2, [{ request, rows: [1, 0] }], [0, 500])[1]
 */
export function placeLabelRows(rowCount: number, requests: readonly RowsRequest[], bounds: readonly [number, number], gap = 4): PlacedLabel[][] {
  const rows = Array.from({ length: rowCount }, () => createRow(bounds, gap));
  const order = [...requests].sort((a, b) => byPriority(a.request, b.request));
  for (const { request, rows: candidates } of order) {
    candidates.some((i) => rows[i]?.tryPlace(request) ?? false);
  }
  return rows.map((row) => row.placed.sort((a, b) => a.left - b.left));
}

function findSpot(request: LabelRequest, free: (left: number, right: number) => boolean): PlacedLabel | null {
  for (const variant of request.variants) {
    for (const anchor of request.anchors ?? DEFAULT_ANCHORS) {
      const { left, right, textX } = extentFor(request.x, variant.width, anchor);
      if (free(left, right)) return { id: request.id, text: variant.text, x: textX, anchor, left, right };
    }
  }
  return null;
}
