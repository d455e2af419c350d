/**
 * The strip's title, a legend of its marks and the names of its two rows,
 * drawn in the gutter (outside the plot's clip).
 */
import { memo } from 'react';
import { EVACUEE } from '../../model';
import { estimateTextWidth } from '../../view/label-placement';
import type { TimelineLayout } from '../../view/lane-layout';
import type { SnapshotStatus } from '../../model';
import { MARK_FONT_PX, MARK_R, markPaint } from './snapshot-style';

const TITLE = "What host2's periodic can see of " + EVACUEE;
const LEGEND: readonly { status: SnapshotStatus; text: string }[] = [
  { status: 'seen', text: 'snapshot saw it' },
  { status: 'missed', text: 'missed by both snapshots: PCI claim dropped' },
  { status: 'gap', text: 'gap, harmless' },
];

/** The strip's title, a legend of the marks, and the row names, outside the plot's clip. */
export const StripGutter = memo(function StripGutter({ layout }: { layout: TimelineLayout }) {
  const [listed, inProgress] = layout.strip.rows;
  const y = layout.strip.titleBaseline ?? Number.NaN;
  const titled = layout.strip.titleBaseline !== null;
  let x = 10 + estimateTextWidth(TITLE, 11) + 12;
  // Items that would run past the chart's edge are left out whole rather than cut (narrow windows).
  const legend = LEGEND.map((item) => {
    const at = x;
    const end = at + 2 * MARK_R + 4 + estimateTextWidth(item.text, MARK_FONT_PX);
    x = end + 14;
    return { ...item, at, fits: end <= layout.width - 4 };
  }).filter((item) => item.fits);
  return (
    <g className="tl-strip-gutter">
      {titled ? (
        <text className="tl-strip-title" x={10} y={y}>
          {TITLE}
        </text>
      ) : null}
      {!titled ? null : legend.map((item) => (
        <g key={item.status} className="tl-strip-legend">
          <circle className="tl-snap" {...markPaint(item.status)} cx={item.at + MARK_R} cy={y - 4} r={MARK_R - 1} />
          <text x={item.at + 2 * MARK_R + 4} y={y}>
            {item.text}
          </text>
        </g>
      ))}
      {listed ? (
        <text className="tl-strip-row-label" x={10} y={listed.mid} dominantBaseline="central">
          listed on host2
        </text>
      ) : null}
      {inProgress ? (
        <text className="tl-strip-row-label" x={10} y={inProgress.mid} dominantBaseline="central">
          migration in progress
        </text>
      ) : null}
    </g>
  );
});
