/**
 * How a snapshot mark looks and what it says, shared by the strip, its
 * legend and the tooltip. Filled when the snapshot saw the evacuee; hollow
 * when it did not, red when that lost the PCI claim. Never colour alone:
 * the words say it too, with how far the read was from the write it raced
 * with. One wording at every width.
 */
import type { RaceLink, SnapshotStatus } from '../../model';
import { type Clock, formatDuration } from '../../view/time-format';
import { STATUS_COLOR } from '../theme';

export const MARK_R = 5;
export const MARK_FONT_PX = 10;

export function markPaint(status: SnapshotStatus): { fill: string; stroke: string } {
  if (status === 'seen') return { fill: STATUS_COLOR.kept, stroke: STATUS_COLOR.kept };
  return { fill: '#fff', stroke: status === 'missed' ? STATUS_COLOR.lost : STATUS_COLOR.unavailable };
}

/** How far a read missed the write it raced with: "50 ms before host=host2", "941 ms after 'done'". */
export function linkTiming(link: RaceLink, clock: Clock = 'ms'): string | null {
  if (!link.stale) return null;
  const gap = formatDuration(Math.abs(link.writeTime - link.readTime), clock);
  return link.which === 1 ? `${gap} before host=host2` : `${gap} after 'done'`;
}

/** The words beside a mark. */
export function snapshotLabel(which: 1 | 2, status: SnapshotStatus, link?: RaceLink, clock: Clock = 'ms'): string {
  const name = `snapshot ${which}`;
  const timing = link ? linkTiming(link, clock) : null;
  if (status === 'seen') return which === 1 ? `${name}: listed ✓` : `${name}: in progress ✓`;
  if (status === 'missed') return timing ? `${name} missed ✗ (read ${timing})` : `${name} missed ✗`;
  const gap = which === 1 ? `${name}: not listed yet` : `${name}: not in progress`;
  return timing ? `${gap} (read ${timing}), harmless` : gap;
}
