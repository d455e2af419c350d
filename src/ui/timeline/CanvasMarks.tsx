/**
 * What a big trace's timeline draws in SVG over its canvas of steps: the
 * words "N steps" on merged groups wide enough for them (with a hit box, so
 * the group can be hovered and clicked like the SVG renderer's), and the
 * outline and ⚠ badge of each step that broke an invariant (few, and never
 * merged). Drawn for the stored domain; a gesture moves them with the view.
 */
import { memo } from 'react';
import type { Cluster, Single } from '../../view/cull';
import { estimateTextWidth } from '../../view/label-placement';
import type { LaneRow } from '../../view/lane-layout';
import type { LaneScene, TimelineScene } from '../../view/scene';
import type { TimelineModel } from '../../view/timeline-model';
import { MIN_BAR_PX, TEXT_PX, widen } from './bar-style';
import { ViolationOutline, violationBadges } from './StepLayer';

interface Props {
  readonly model: TimelineModel;
  readonly scene: TimelineScene;
}

function ClusterLabel({ item, row }: { item: Cluster; row: LaneRow }) {
  const text = `${item.count} steps`;
  const { x, width } = widen(item.x0, item.x1, MIN_BAR_PX);
  if (width < estimateTextWidth(text, TEXT_PX) + 8) return null;
  return (
    <g data-testid="timeline-cluster" data-count={item.count}>
      <rect className="tl-cluster-hit" x={x} y={row.barTop} width={width} height={row.barHeight} />
      <text className="tl-bar-text" x={x + width / 2} y={row.barTop + row.barHeight / 2} dominantBaseline="central">
        {text}
      </text>
    </g>
  );
}

function ViolatedStep({ model, item, row, badgeX }: { model: TimelineModel; item: Single; row: LaneRow; badgeX: number | null }) {
  const step = model.trace.steps[item.id];
  if (!step) return null;
  const bar = widen(item.x0, item.x1, step.start === step.end ? row.barHeight : MIN_BAR_PX);
  return (
    <g data-testid="timeline-step" data-step-index={step.index} data-kind={step.kind ?? undefined} data-lock={step.lock} data-violation="true">
      <ViolationOutline x={bar.x} width={bar.width} row={row} badgeX={badgeX} />
    </g>
  );
}

function LaneMarks({ model, lane }: { model: TimelineModel; lane: LaneScene }) {
  const badges = violationBadges(model, lane);
  return (
    <g className="tl-lane-steps" data-lane={lane.row.lane}>
      {lane.steps.map((item) =>
        item.type === 'cluster' ? (
          <ClusterLabel key={`c${item.first}`} item={item} row={lane.row} />
        ) : model.violationsByStep.has(item.id) ? (
          <ViolatedStep key={item.id} model={model} item={item} row={lane.row} badgeX={badges.get(item.id) ?? null} />
        ) : null,
      )}
    </g>
  );
}

export const CanvasMarks = memo(function CanvasMarks({ model, scene }: Props) {
  return (
    <g className="tl-steps tl-canvas-marks">
      {scene.lanes.map((lane) => (
        <LaneMarks key={lane.row.lane} model={model} lane={lane} />
      ))}
    </g>
  );
});
