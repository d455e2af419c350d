/**
 * Shared SVG definitions: the plot's clip (bars never spill into the lane
 * labels) and one hatch per thread colour for "waiting for the lock".
 */
import { memo } from 'react';
import type { Lane } from '../../model';
import type { TimelineLayout } from '../../view/lane-layout';
import { LANE_COLOR } from '../theme';

export const hatchId = (lane: Lane): string => `tl-hatch-${lane}`;

export const ChartDefs = memo(function ChartDefs({ lanes, layout }: { lanes: readonly Lane[]; layout: TimelineLayout }) {
  return (
    <defs>
      <clipPath id="tl-plot-clip">
        <rect x={layout.gutter + 1} y={0} width={Math.max(0, layout.width - layout.gutter - 1)} height={layout.height} />
      </clipPath>
      {lanes.map((lane) => (
        <pattern key={lane} id={hatchId(lane)} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" fill={LANE_COLOR[lane]} fillOpacity="0.12" />
          <line x1="0" y1="0" x2="0" y2="5" stroke={LANE_COLOR[lane]} strokeWidth="2" />
        </pattern>
      ))}
    </defs>
  );
});
