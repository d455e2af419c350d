/**
 * Honest about a partial trace: past `until` (its steps are those that end
 * by then) the lanes are veiled and say that the rest is being simulated (a
 * big trace sends the part on screen first while a slider moves, with some
 * room past the view; the whole follows when it rests).
 */
import type { LinearScale } from '../../view/linear-scale';
import { memo } from 'react';
import type { TimelineLayout } from '../../view/lane-layout';

interface Props {
  readonly layout: TimelineLayout;
  readonly scale: LinearScale;
  readonly until: number;
}

export const PartialVeil = memo(function PartialVeil({ layout, scale, until }: Props) {
  const x = Math.max(layout.plot.left - 1, scale(until));
  if (x > layout.plot.right + 1) return null;
  const top = layout.axis.bottom;
  const width = layout.width - x;
  return (
    <g className="tl-partial" data-testid="timeline-partial" data-until={until}>
      <rect x={x} y={top} width={width} height={layout.strip.bottom - top} />
      <line x1={x} x2={x} y1={top} y2={layout.strip.bottom} />
      {width > 150 ? (
        <text x={x + 8} y={top + 14}>
          simulating the rest…
        </text>
      ) : null}
    </g>
  );
});
