/**
 * The difference between buggy and fixed, drawn on each side of the
 * comparison: where finish_evacuation runs (a band over the evacuation's
 * lane: outlined and dashed without the lock, filled with it), and the reads
 * of host2's periodic that see something else (a marker through host2's
 * lane and the strip).
 */
import type { LinearScale } from '../../view/linear-scale';
import type { ChangedRead, CompareDiff } from '../../view/compare-diff';
import type { TimelineLayout } from '../../view/lane-layout';
import { STATUS_COLOR } from '../theme';

export type Side = 'buggy' | 'fixed';

interface Props {
  readonly diff: CompareDiff;
  readonly side: Side;
  readonly layout: TimelineLayout;
  readonly scale: LinearScale;
}

function ReadMarker({ read, side, layout, scale }: { read: ChangedRead; side: Side; layout: TimelineLayout; scale: Props['scale'] }) {
  const row = layout.lanes.find((r) => r.lane === 'periodic-host2');
  if (!row) return null;
  const x = scale(side === 'buggy' ? read.buggyTime : read.fixedTime);
  const status = side === 'buggy' ? read.buggy : read.fixed;
  const color = status === 'seen' ? STATUS_COLOR.kept : status === 'missed' ? STATUS_COLOR.lost : '#7b8794';
  return (
    <g data-testid="compare-diff-read" data-which={read.which} data-status={status} className="tl-diff-read">
      {/* The words are in the pane's heading; here only where, and in which colour. */}
      <line x1={x} x2={x} y1={row.top + 2} y2={layout.strip.bottom} stroke={color} />
      <path d={`M${x - 4},${row.top + 1}h8l-4,5z`} fill={color} />
    </g>
  );
}

export function CompareOverlay({ diff, side, layout, scale }: Props) {
  const finish = diff[side];
  const row = layout.lanes.find((r) => r.lane === 'evacuation');
  return (
    <g className="tl-diff" aria-hidden="true">
      {finish && row ? (
        <rect
          data-testid="compare-diff-finish"
          data-locked={finish.locked ? 'true' : 'false'}
          data-start={finish.start}
          data-end={finish.end}
          className={finish.locked ? 'tl-diff-finish tl-diff-finish-locked' : 'tl-diff-finish'}
          x={scale(finish.start) - 2}
          y={row.top + 2}
          width={Math.max(4, scale(finish.end) - scale(finish.start) + 4)}
          height={row.height - 4}
          rx={3}
        />
      ) : null}
      {diff.changedReads.map((read) => (
        <ReadMarker key={`${read.run}-${read.which}`} read={read} side={side} layout={layout} scale={scale} />
      ))}
    </g>
  );
}
