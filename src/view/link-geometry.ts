/**
 * Where the race links run on screen: from host2's periodic lane (the
 * reads) to the evacuation's lane (the writes), between the bars' facing
 * edges so a curve never covers a bar, and which lanes' label rows may carry
 * their words.
 */
import type { TimelineLayout } from './lane-layout';
import type { RaceLink } from '../model';

export interface LinkGeometry {
  readonly readY: number;
  readonly writeY: number;
  /** Lane rows for the words, best first: a lane between the two (the curves cross it), then the writes' lane, then the reads'. */
  readonly labelLanes: readonly number[];
}

export function linkGeometry(layout: TimelineLayout): LinkGeometry | null {
  const read = layout.lanes.findIndex((r) => r.lane === 'periodic-host2');
  const write = layout.lanes.findIndex((r) => r.lane === 'evacuation');
  const readRow = layout.lanes[read];
  const writeRow = layout.lanes[write];
  if (!readRow || !writeRow) return null;
  const readBelow = read > write;
  const between = Math.abs(read - write) >= 2 ? [Math.round((read + write) / 2)] : [];
  return {
    readY: readBelow ? readRow.barTop - 1 : readRow.bandTop + readRow.bandHeight + 1,
    writeY: readBelow ? writeRow.bandTop + writeRow.bandHeight + 1 : writeRow.barTop - 1,
    labelLanes: [...between, write, read],
  };
}

export interface ScreenLink {
  readonly link: RaceLink;
  /** The read's end (px). */
  readonly x1: number;
  /** The write's end (px). */
  readonly x2: number;
}

/** The links whose curve crosses the plot at this zoom, with their ends in px. */
export function visibleLinks(links: readonly RaceLink[], toPx: (t: number) => number, plot: { left: number; right: number }): ScreenLink[] {
  return links
    .map((link) => ({ link, x1: toPx(link.readTime), x2: toPx(link.writeTime) }))
    .filter(({ x1, x2 }) => !((x1 < plot.left && x2 < plot.left) || (x1 > plot.right && x2 > plot.right)));
}
