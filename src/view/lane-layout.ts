/**
 * Where everything goes vertically and where the plot is horizontally: a
 * label gutter on the left, the time axis on top, one row per thread, then
 * the "what host2's periodic can see" strip. Lanes share the height that is
 * left, within a readable minimum and a calm maximum.
 */
import { type HostName, LANES, type Lane, type StepRow } from '../model';

export interface LaneRow {
  readonly lane: Lane;
  readonly top: number;
  readonly height: number;
  /** Baseline of the row of kind labels above the bars. */
  readonly labelBaseline: number;
  readonly barTop: number;
  readonly barHeight: number;
  /** The lock band under the bars. */
  readonly bandTop: number;
  readonly bandHeight: number;
}

/** #1896463's strip: the evacuee listed on host2 and its migration in progress; a usage race's: one row per host. */
export type StripRowKey = VisibilityKey | HostName;
export type VisibilityKey = 'listed' | 'in-progress';

export const isVisibilityKey = (key: StripRowKey): key is VisibilityKey => key === 'listed' || key === 'in-progress';

/** #1896463's two strip rows. */
export const VISIBILITY_ROWS: readonly StripRowKey[] = ['listed', 'in-progress'];

export interface StripRow {
  readonly key: StripRowKey;
  readonly top: number;
  readonly height: number;
  /** Labels of the marks: in the row's upper part, so they never cover its bar. */
  readonly labelBaseline: number;
  /** The bar and the snapshot marks sit on this line, in the row's lower part. */
  readonly mid: number;
}

export interface TimelineLayout {
  readonly width: number;
  /** Height of the content; larger than the box when lanes need to scroll. */
  readonly height: number;
  readonly gutter: number;
  /** The plot's pixel range for time. */
  readonly plot: { readonly left: number; readonly right: number };
  readonly axis: { readonly top: number; readonly bottom: number };
  readonly lanes: readonly LaneRow[];
  /** `titleBaseline` is `null` in a compact layout (no title row: two charts share the height). */
  readonly strip: { readonly top: number; readonly titleBaseline: number | null; readonly rows: readonly StripRow[]; readonly bottom: number };
}

export const GUTTER = 150;
/** Room at both ends of the plot, so the first and last steps (and the cursor on them) are not cut by the edge. */
export const PLOT_PAD = 12;
const PLOT_PAD_RIGHT = 28;
const AXIS_HEIGHT = 22;
const LABEL_ROW = 13;
const BAR = 12;
const BAND_GAP = 2;
const BAND = 4;
const LANE_MIN = LABEL_ROW + BAR + BAND_GAP + BAND + 2;
const LANE_MAX = 72;
const STRIP_GAP = 4;
const STRIP_TITLE = 15;
const STRIP_ROW = 23;

/** LANES in the order the timeline shows them: the second evacuation right under the first. */
const SHOWN_LANES: readonly Lane[] = LANES.flatMap((lane): Lane[] =>
  lane === 'evacuation-2' ? [] : lane === 'evacuation' ? ['evacuation', 'evacuation-2'] : [lane],
);

/** The threads present in the steps, in the fixed order of LANES (the second evacuation under the first). */
export function lanesOf(steps: readonly StepRow[]): Lane[] {
  const present = new Set<Lane>();
  for (const step of steps) present.add(step.thread);
  return SHOWN_LANES.filter((lane) => present.has(lane));
}

function laneRow(lane: Lane, top: number, height: number): LaneRow {
  // A taller lane gets a somewhat thicker bar and band; the rest is split above and below, so bars stay centred.
  const extra = height - LANE_MIN;
  const barHeight = BAR + Math.min(6, Math.floor(extra / 4));
  const bandHeight = BAND + Math.min(2, Math.floor(extra / 12));
  const inset = Math.floor((extra - (barHeight - BAR) - (bandHeight - BAND)) / 2);
  const barTop = top + inset + LABEL_ROW;
  return {
    lane, top, height,
    labelBaseline: barTop - 5,
    barTop, barHeight,
    bandTop: barTop + barHeight + BAND_GAP, bandHeight,
  };
}

export interface LayoutOptions {
  /** Leave out the strip's title row (buggy and fixed stacked in one panel). */
  readonly compact?: boolean;
  /** The strip's rows: #1896463's two by default, a usage race's hosts. */
  readonly stripKeys?: readonly StripRowKey[];
}

/**
 * Lay out the timeline for a box of `width` x `height` px.
 *
 * @example layoutTimeline(['api', 'evacuation'], 990, 300).lanes[1].top
 */
export function layoutTimeline(lanes: readonly Lane[], width: number, height: number, options: LayoutOptions = {}): TimelineLayout {
  const titleRow = options.compact ? 0 : STRIP_TITLE;
  const keys = options.stripKeys ?? VISIBILITY_ROWS;
  const stripHeight = STRIP_GAP + titleRow + keys.length * STRIP_ROW + 3;
  const free = height - AXIS_HEIGHT - stripHeight;
  const laneHeight = Math.floor(Math.min(LANE_MAX, Math.max(LANE_MIN, free / Math.max(1, lanes.length))));
  const rows = lanes.map((lane, i) => laneRow(lane, AXIS_HEIGHT + i * laneHeight, laneHeight));
  const stripTop = AXIS_HEIGHT + lanes.length * laneHeight + STRIP_GAP;
  const rowTop = stripTop + titleRow;
  const stripRows: StripRow[] = keys.map((key, i) => ({
    key,
    top: rowTop + i * STRIP_ROW,
    height: STRIP_ROW,
    labelBaseline: rowTop + i * STRIP_ROW + 9,
    mid: rowTop + i * STRIP_ROW + 15.5,
  }));
  const bottom = rowTop + keys.length * STRIP_ROW + 3;
  return {
    width,
    height: Math.max(height, bottom),
    gutter: GUTTER,
    plot: { left: GUTTER + PLOT_PAD, right: Math.max(GUTTER + PLOT_PAD + 1, width - PLOT_PAD_RIGHT) },
    axis: { top: 0, bottom: AXIS_HEIGHT },
    lanes: rows,
    strip: { top: stripTop, titleBaseline: options.compact ? null : stripTop + 13, rows: stripRows, bottom },
  };
}

/** The lane row under a y coordinate, if any. */
export function laneAt(layout: TimelineLayout, y: number): LaneRow | null {
  return layout.lanes.find((row) => y >= row.top && y < row.top + row.height) ?? null;
}

/** The strip row under a y coordinate, if any. */
export function stripRowAt(layout: TimelineLayout, y: number): StripRow | null {
  return layout.strip.rows.find((row) => y >= row.top && y < row.top + row.height) ?? null;
}
