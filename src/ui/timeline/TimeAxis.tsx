/**
 * The time axis, drawn by d3-axis into a <g> that React leaves empty (React
 * never renders children there, so d3 owns it alone).
 */
import { axisTop } from 'd3-axis';
import type { LinearScale } from '../../view/linear-scale';
import { select } from 'd3-selection';
import { memo, useLayoutEffect, useRef } from 'react';
import type { TimelineLayout } from '../../view/lane-layout';
import type { TimeTicks } from '../../view/time-format';
import { estimateTextWidth } from '../../view/label-placement';

const LABEL_PX = 10;

interface Props {
  readonly layout: TimelineLayout;
  readonly ticks: TimeTicks;
  readonly scale: LinearScale;
  /** What time 0 is, or that a loaded schedule replaced time by step order (see axisCaptionOf). */
  readonly caption: string;
}

/**
 * Draw the axis for `scale` into `g` (d3 owns it). The chart's effect calls
 * it for the stored view; a big trace's zoom gesture calls it every frame.
 */
export function renderAxis(g: SVGGElement, scale: LinearScale, ticks: TimeTicks, layout: TimelineLayout): void {
  const axis = axisTop(scale)
    .tickValues([...ticks.values])
    .tickFormat((_, i) => ticks.labels[i] ?? '')
    .tickSizeInner(4)
    .tickSizeOuter(0);
  // d3 owns this <g>, so adjusting its labels with d3 is fine: edge labels turn inwards instead of
  // spilling into the lane labels or past the panel's edge.
  const room = (value: number): 'start' | 'end' | null => {
    const half = estimateTextWidth(ticks.labels[ticks.values.indexOf(value)] ?? '', LABEL_PX) / 2;
    if (scale(value) - half < layout.gutter + 2) return 'start';
    if (scale(value) + half > layout.width - 2) return 'end';
    return null;
  };
  select(g)
    .call(axis)
    .selectAll<SVGTextElement, number>('.tick text')
    .attr('text-anchor', (value) => room(value))
    .attr('dx', (value) => (room(value) === 'start' ? -3 : room(value) === 'end' ? 3 : null));
}

export const TimeAxis = memo(function TimeAxis({ layout, ticks, scale, caption }: Props) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (ref.current) renderAxis(ref.current, scale, ticks, layout);
  }, [scale, ticks, layout]);
  return (
    <g className="tl-axis-area">
      <text className="tl-axis-caption" x={10} y={layout.axis.bottom - 8} data-testid="timeline-axis-caption">
        {caption}
      </text>
      <g ref={ref} className="tl-axis" transform={`translate(0, ${layout.axis.bottom})`} aria-hidden="true" />
    </g>
  );
});
