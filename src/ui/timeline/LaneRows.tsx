/**
 * The rows behind the data: a label and colour swatch per thread in the
 * gutter, alternating bands, and vertical grid lines at the axis ticks.
 */
import type { LinearScale } from '../../view/linear-scale';
import { memo } from 'react';
import type { TimelineLayout } from '../../view/lane-layout';
import type { TimeTicks } from '../../view/time-format';
import { LANE_COLOR, LANE_LABEL } from '../theme';

interface Props {
  readonly layout: TimelineLayout;
  readonly ticks: TimeTicks;
  readonly scale: LinearScale;
  /** A canvas under the SVG draws the bands and grid lines (they move with a zoom gesture there). */
  readonly canvas?: boolean;
}

export const LaneRows = memo(function LaneRows({ layout, ticks, scale, canvas = false }: Props) {
  const gridTop = layout.axis.bottom;
  const gridBottom = layout.strip.bottom;
  return (
    <g className="tl-rows">
      {layout.lanes.map((row, i) => (
        <g key={row.lane} data-testid="timeline-lane" data-lane={row.lane}>
          <rect className={canvas ? 'tl-row-clear' : i % 2 ? 'tl-row tl-row-odd' : 'tl-row'} x={0} y={row.top} width={layout.width} height={row.height} />
          <rect className="tl-swatch" x={10} y={row.barTop + 1} width={10} height={row.barHeight - 2} rx={2} fill={LANE_COLOR[row.lane]} />
          <text className="tl-lane-label" x={26} y={row.barTop + row.barHeight / 2} dominantBaseline="central">
            {LANE_LABEL[row.lane]}
          </text>
        </g>
      ))}
      {canvas ? null : (
        <>
          <rect className="tl-strip-bg" x={0} y={layout.strip.top} width={layout.width} height={layout.strip.bottom - layout.strip.top} />
          <line className="tl-gutter-line" x1={layout.gutter} x2={layout.gutter} y1={gridTop} y2={gridBottom} />
          {ticks.values.map((t) => (
            <line key={t} className="tl-grid" x1={scale(t)} x2={scale(t)} y1={gridTop} y2={gridBottom} />
          ))}
        </>
      )}
    </g>
  );
});
