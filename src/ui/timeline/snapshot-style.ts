/**
 * How a snapshot mark looks and what it says, shared by the strip, its
 * legend and the tooltip. Filled when the snapshot saw the evacuee; hollow
 * when it did not, red when that lost the PCI claim. Never colour alone:
 * the words say it too.
 */
import type { SnapshotStatus } from '../../model';
import { STATUS_COLOR } from '../theme';

export const MARK_R = 5;
export const MARK_FONT_PX = 10;

export function markPaint(status: SnapshotStatus): { fill: string; stroke: string } {
  if (status === 'seen') return { fill: STATUS_COLOR.kept, stroke: STATUS_COLOR.kept };
  return { fill: '#fff', stroke: status === 'missed' ? STATUS_COLOR.lost : STATUS_COLOR.unavailable };
}

/** The words beside a mark. */
export function snapshotLabel(which: 1 | 2, status: SnapshotStatus): string {
  const name = `snapshot ${which}`;
  if (status === 'seen') return which === 1 ? `${name}: listed ✓` : `${name}: in progress ✓`;
  if (status === 'missed') return `${name} missed ✗`;
  return which === 1 ? `${name}: not listed yet` : `${name}: not in progress`;
}
