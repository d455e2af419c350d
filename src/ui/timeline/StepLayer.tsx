/**
 * The steps of every lane: bars in the thread's colour, hatched while
 * waiting for the lock, a dotted line for an injected sleep, a diamond for
 * an instant (a freed device), the solid lock band underneath, merged
 * groups when the zoom makes steps sub-pixel, and a red outline where an
 * invariant broke.
 */
import { memo } from 'react';
import type { StepRow } from '../../model';
import type { Cluster, Single } from '../../view/cull';
import { burstsOf } from '../../view/label-bursts';
import type { LaneRow } from '../../view/lane-layout';
import { estimateTextWidth } from '../../view/label-placement';
import type { LaneScene, TimelineScene } from '../../view/scene';
import type { TimelineModel } from '../../view/timeline-model';
import { LANE_COLOR, STATUS_COLOR } from '../theme';
import { barText, MIN_BAR_PX, SEPARATE_PX, TEXT_PX, widen } from './bar-style';
import { hatchId } from './ChartDefs';
import { BADGE_GROUP_PX } from './KindLabels';

interface Props {
  readonly model: TimelineModel;
  readonly scene: TimelineScene;
}

function StepVisual({ step, item, row }: { step: StepRow; item: Single; row: LaneRow }) {
  const color = LANE_COLOR[step.thread];
  const mid = row.barTop + row.barHeight / 2;
  if (step.start === step.end) {
    const r = row.barHeight / 2;
    return <path className="tl-instant" d={`M${item.x0},${mid - r}l${r},${r}l${-r},${r}l${-r},${-r}z`} fill={color} />;
  }
  const { x, width } = widen(item.x0, item.x1, MIN_BAR_PX);
  if (step.sleep) {
    return (
      <g className="tl-sleep" stroke={color}>
        <line x1={x} x2={x + width} y1={mid} y2={mid} />
        <line className="tl-sleep-end" x1={x} x2={x} y1={mid - 3} y2={mid + 3} />
        <line className="tl-sleep-end" x1={x + width} x2={x + width} y1={mid - 3} y2={mid + 3} />
      </g>
    );
  }
  const waited = step.lock === 'waited';
  // A light edge separates back-to-back steps of one thread; slivers keep their colour so they stay visible.
  const edge = waited || width < SEPARATE_PX ? color : 'var(--panel)';
  return (
    <rect
      className={waited ? 'tl-bar tl-bar-wait' : 'tl-bar'}
      x={x}
      y={row.barTop}
      width={width}
      height={row.barHeight}
      fill={waited ? `url(#${hatchId(step.thread)})` : color}
      stroke={edge}
    />
  );
}

/** The ⚠ icon on a violation's outline: the highlight never relies on red alone. */
function ViolationBadge({ x, y }: { x: number; y: number }) {
  return (
    <g className="tl-badge" data-testid="timeline-violation-badge">
      <path d={`M${x},${y - 6}l6.5,11.5h-13z`} fill={STATUS_COLOR.lost} />
      <text x={x} y={y + 2.5} className="tl-badge-text">
        !
      </text>
    </g>
  );
}

/** The outline of a violated step; `badgeX` where its group's one ⚠ badge goes, `null` if another step draws it. */
export function ViolationOutline({ x, width, row, badgeX }: { x: number; width: number; row: LaneRow; badgeX: number | null }) {
  return (
    <>
      <rect className="tl-violation" x={x - 2} y={row.barTop - 2} width={width + 4} height={row.barHeight + 4} stroke={STATUS_COLOR.lost} />
      {badgeX !== null ? <ViolationBadge x={badgeX} y={row.barTop - 3} /> : null}
    </>
  );
}

interface StepMarkProps {
  readonly step: StepRow;
  readonly item: Single;
  readonly row: LaneRow;
  readonly violated: boolean;
  readonly badgeX: number | null;
}

function StepMark({ step, item, row, violated, badgeX }: StepMarkProps) {
  const hit = widen(item.x0, item.x1, 6);
  const text = barText(step, item.x1 - item.x0);
  const bar = widen(item.x0, item.x1, step.start === step.end ? row.barHeight : MIN_BAR_PX);
  return (
    <g
      data-testid="timeline-step"
      data-step-index={step.index}
      data-kind={step.kind ?? undefined}
      data-lock={step.lock}
      data-violation={violated ? 'true' : undefined}
    >
      <rect className="tl-hit" x={hit.x} y={row.barTop - 2} width={hit.width} height={row.barHeight + 4} />
      <StepVisual step={step} item={item} row={row} />
      {step.kind ? <line className="tl-kind-tick" x1={item.x1} x2={item.x1} y1={row.barTop - 4} y2={row.barTop} /> : null}
      {text ? (
        <text className="tl-bar-text" x={(item.x0 + item.x1) / 2} y={row.barTop + row.barHeight / 2} dominantBaseline="central">
          {text}
        </text>
      ) : null}
      {violated ? <ViolationOutline x={bar.x} width={bar.width} row={row} badgeX={badgeX} /> : null}
    </g>
  );
}

function ClusterMark({ item, row, violated }: { item: Cluster; row: LaneRow; violated: boolean }) {
  const { x, width } = widen(item.x0, item.x1, MIN_BAR_PX);
  const text = `${item.count} steps`;
  const color = LANE_COLOR[row.lane];
  return (
    <g data-testid="timeline-cluster" data-count={item.count} data-violation={violated ? 'true' : undefined}>
      <rect className="tl-cluster" x={x} y={row.barTop} width={width} height={row.barHeight} fill={color} stroke={color} />
      {width >= estimateTextWidth(text, TEXT_PX) + 8 ? (
        <text className="tl-bar-text" x={x + width / 2} y={row.barTop + row.barHeight / 2} dominantBaseline="central">
          {text}
        </text>
      ) : null}
      {violated ? <ViolationOutline x={x} width={width} row={row} badgeX={x + width + 5} /> : null}
    </g>
  );
}

/**
 * Where the ⚠ badges of a lane's violated steps go: steps a few pixels apart
 * share one badge (two used to overlap at the race's end), drawn by the
 * first step of each group, right of the group's last bar. Keys are step
 * indices.
 */
export function violationBadges(model: TimelineModel, lane: LaneScene): Map<number, number> {
  const { row } = lane;
  const { steps } = model.trace;
  const badges = new Map<number, number>();
  const violatedSingles = lane.steps.filter((item): item is Single => item.type === 'single' && model.violationsByStep.has(item.id));
  for (const group of burstsOf(violatedSingles.map((item) => ({ x: item.x1, item })), BADGE_GROUP_PX)) {
    const right = Math.max(...group.map(({ item }) => widen(item.x0, item.x1, steps[item.id]!.start === steps[item.id]!.end ? row.barHeight : MIN_BAR_PX)).map((b) => b.x + b.width));
    badges.set(group[0]!.item.id, right + 5);
  }
  return badges;
}

function LaneSteps({ model, lane }: { model: TimelineModel; lane: LaneScene }) {
  const { row } = lane;
  const { steps } = model.trace;
  // A merged group is outlined when one of its steps broke an invariant (violations are few).
  const violationTimes = model.trace.violations.filter((v) => steps[v.step]?.thread === row.lane).map((v) => v.time);
  const badges = violationBadges(model, lane);
  return (
    <g className="tl-lane-steps" data-lane={row.lane}>
      {lane.locks.map((item) => {
        const { x, width } = widen(item.x0, item.x1, 1);
        const key = item.type === 'single' ? `l${item.id}` : `lc${item.first}`;
        return <rect key={key} className="tl-lock" data-testid="timeline-lock" x={x} y={row.bandTop} width={width} height={row.bandHeight} />;
      })}
      {lane.steps.map((item) => {
        if (item.type === 'cluster') {
          const violated = violationTimes.some((t) => t >= item.start && t <= item.end);
          return <ClusterMark key={`c${item.first}`} item={item} row={row} violated={violated} />;
        }
        const step = steps[item.id]!;
        return <StepMark key={item.id} step={step} item={item} row={row} violated={model.violationsByStep.has(item.id)} badgeX={badges.get(item.id) ?? null} />;
      })}
    </g>
  );
}

export const StepLayer = memo(function StepLayer({ model, scene }: Props) {
  return (
    <g className="tl-steps">
      {scene.lanes.map((lane) => (
        <LaneSteps key={lane.row.lane} model={model} lane={lane} />
      ))}
    </g>
  );
});
