/**
 * The strip's title, a legend of its marks and the names of its two rows,
 * drawn in the gutter (outside the plot's clip).
 */
import { memo } from 'react';
import { EVACUEE } from '../../model';
import { estimateTextWidth } from '../../view/label-placement';
import type { TimelineLayout } from '../../view/lane-layout';
import type { TimelineModel } from '../../view/timeline-model';
import type { SnapshotStatus } from '../../model';
import { MARK_FONT_PX, MARK_R, markPaint } from './snapshot-style';

/** The strip watches inst-A, or with two evacuees the one the verdict tells of (the first lost). */
const titleOf = (uuid: string): string => "What host2's periodic can see of " + uuid;
const USAGE_TITLE = 'vcpus_used per host';
const USAGE_LEGEND: readonly { state: 'during' | 'wrong' | 'right'; text: string }[] = [
  { state: 'wrong', text: 'wrong once it finished' },
  { state: 'right', text: 'right' },
  { state: 'during', text: 'before' },
];

/**
 * Where each legend item goes after the strip's title: a mark `markWidth`
 * wide, then its words. Items that would run past the chart's edge are left
 * out whole rather than cut (narrow windows).
 */
function placeLegend<T extends { text: string }>(items: readonly T[], title: string, markWidth: number, width: number): (T & { at: number })[] {
  let x = 10 + estimateTextWidth(title, 11) + 12;
  return items
    .map((item) => {
      const at = x;
      const end = at + markWidth + estimateTextWidth(item.text, MARK_FONT_PX);
      x = end + 14;
      return { ...item, at, fits: end <= width - 4 };
    })
    .filter((item) => item.fits);
}

/** A usage race's gutter: the title, a legend of the segments, and one row name per host with what the test expects. */
function UsageGutter({ layout, model }: { layout: TimelineLayout; model: TimelineModel }) {
  const y = layout.strip.titleBaseline ?? Number.NaN;
  const titled = layout.strip.titleBaseline !== null;
  const legend = placeLegend(USAGE_LEGEND, USAGE_TITLE, 14, layout.width);
  return (
    <g className="tl-strip-gutter">
      {titled ? (
        <text className="tl-strip-title" x={10} y={y}>
          {USAGE_TITLE}
        </text>
      ) : null}
      {!titled ? null : legend.map((item) => (
        <g key={item.state} className="tl-strip-legend">
          <rect className={`tl-usage-seg tl-usage-${item.state}`} x={item.at} y={y - 9} width={10} height={10} />
          <text x={item.at + 14} y={y}>
            {item.text}
          </text>
        </g>
      ))}
      {layout.strip.rows.map((row) => {
        const series = model.usage?.series.find((s) => s.host === row.key);
        return (
          <text key={row.key} className="tl-strip-row-label" x={10} y={row.mid} dominantBaseline="central">
            {row.key}
            {series ? ` (expects ${series.expected})` : ''}
          </text>
        );
      })}
    </g>
  );
}
const LEGEND: readonly { status: SnapshotStatus; text: string }[] = [
  { status: 'seen', text: 'snapshot saw it' },
  { status: 'missed', text: 'missed by both snapshots: PCI claim dropped' },
  { status: 'gap', text: 'gap, harmless' },
];

/** The strip's title, a legend of the marks, and the row names, outside the plot's clip. */
export const StripGutter = memo(function StripGutter({ layout, model }: { layout: TimelineLayout; model: TimelineModel }) {
  if (model.usage) return <UsageGutter layout={layout} model={model} />;
  const [listed, inProgress] = layout.strip.rows;
  const y = layout.strip.titleBaseline ?? Number.NaN;
  const titled = layout.strip.titleBaseline !== null;
  const title = titleOf(model.trace.race.uuid || EVACUEE);
  const legend = placeLegend(LEGEND, title, 2 * MARK_R + 4, layout.width);
  return (
    <g className="tl-strip-gutter">
      {titled ? (
        <text className="tl-strip-title" x={10} y={y}>
          {title}
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
