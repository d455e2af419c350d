/**
 * The cursor (the selected step, shared with every panel) as a vertical
 * line at the step's end, with the step outlined; and the hovered step
 * outlined more lightly (it may be hovered in another panel).
 */
import type { LinearScale } from '../../view/linear-scale';
import { memo } from 'react';
import type { StepRow } from '../../model';
import type { TimelineLayout } from '../../view/lane-layout';
import type { TimelineModel } from '../../view/timeline-model';

interface Props {
  readonly model: TimelineModel;
  readonly layout: TimelineLayout;
  readonly scale: LinearScale;
  readonly cursor: number;
  readonly hovered: number | null;
}

const OUTSIDE = 4;

function Outline({ step, layout, scale, className }: { step: StepRow; layout: TimelineLayout; scale: Props['scale']; className: string }) {
  const row = layout.lanes.find((r) => r.lane === step.thread);
  if (!row) return null;
  const x0 = scale(step.start);
  const x1 = scale(step.end);
  const width = Math.max(x1 - x0, 2) + 2 * OUTSIDE;
  const x = (x0 + x1) / 2 - width / 2;
  if (x + width < layout.plot.left - 20 || x > layout.plot.right + 20) return null;
  return <rect className={className} x={x} y={row.barTop - OUTSIDE} width={width} height={row.bandTop + row.bandHeight - row.barTop + 2 * OUTSIDE} rx={3} />;
}

export const CursorLayer = memo(function CursorLayer({ model, layout, scale, cursor, hovered }: Props) {
  const selected = model.trace.steps[cursor];
  const hoveredStep = hovered !== null && hovered !== cursor ? model.trace.steps[hovered] : undefined;
  const x = selected ? scale(selected.end) : Number.NaN;
  const inView = x >= layout.plot.left - 1 && x <= layout.plot.right + 1;
  return (
    <g className="tl-cursor-layer" aria-hidden="true">
      {hoveredStep ? <Outline step={hoveredStep} layout={layout} scale={scale} className="tl-hovered" /> : null}
      {selected ? <Outline step={selected} layout={layout} scale={scale} className="tl-selected" /> : null}
      {selected && inView ? (
        <g data-testid="timeline-cursor" data-step-index={cursor}>
          <line className="tl-cursor" x1={x} x2={x} y1={layout.axis.bottom} y2={layout.strip.bottom} />
          <path className="tl-cursor-head" d={`M${x - 5},${layout.axis.bottom - 1}h10l-5,6z`} />
        </g>
      ) : null}
    </g>
  );
});
