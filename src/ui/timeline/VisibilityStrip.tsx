/**
 * "What host2's periodic can see": the picture that explains the bug. One
 * bar for the time the evacuee is in host2's instance list, one for the
 * time its migration is in host2's in-progress list, and each periodic
 * run's two snapshots as marks on them. A snapshot that falls in a gap while
 * the other one does too is "missed" (red, hollow, labelled): the tracker
 * then drops the instance's devices. With the fix, snapshot 2 lands on the
 * migration bar.
 */
import { memo } from 'react';
import type { Cluster } from '../../view/cull';
import { estimateTextWidth, type LabelRequest, placeLabels } from '../../view/label-placement';
import { isVisibilityKey, type StripRow, type TimelineLayout } from '../../view/lane-layout';
import type { TimelineScene } from '../../view/scene';
import type { PeriodicRun, RaceLink, Snapshot, SnapshotStatus } from '../../model';
import type { Clock } from '../../view/time-format';
import type { TimelineModel } from '../../view/timeline-model';
import { EVACUEE } from '../../model';
import { INSTANCE_COLOR, LANE_COLOR } from '../theme';
import { MARK_FONT_PX as FONT_PX, MARK_R, markPaint, snapshotLabel } from './snapshot-style';

interface Props {
  readonly model: TimelineModel;
  readonly scene: TimelineScene;
  readonly layout: TimelineLayout;
}

const BAR_H = 8;

const snapshotOf = (run: PeriodicRun | undefined, which: 1 | 2): Snapshot | null =>
  (which === 1 ? run?.first : run?.second) ?? null;

/** A merged group of marks shows its worst status: one missed run is what matters. */
function clusterStatus(model: TimelineModel, cluster: Cluster, which: 1 | 2): SnapshotStatus {
  let seen = false;
  for (let i = cluster.first; i <= cluster.last; i++) {
    const status = snapshotOf(model.runs[i], which)?.status;
    if (status === 'missed') return 'missed';
    if (status === 'seen') seen = true;
  }
  return seen ? 'seen' : 'gap';
}

interface MarkProps {
  readonly x: number;
  readonly row: StripRow;
  readonly status: SnapshotStatus;
  readonly which: 1 | 2;
  readonly step?: number | undefined;
  readonly run?: number | undefined;
}

function Mark({ x, row, status, which, step, run }: MarkProps) {
  return (
    <circle
      className={`tl-snap tl-snap-${status}`}
      {...markPaint(status)}
      data-testid="timeline-snapshot"
      data-snapshot={which}
      data-status={status}
      data-step-index={step}
      data-run={run}
      cx={x}
      cy={row.mid}
      r={MARK_R}
    />
  );
}

/** Many runs too close to tell apart: a capsule over their span, filled if any of them saw the evacuee. */
function MarkGroup({ x0, x1, row, status, which, count }: { x0: number; x1: number; row: StripRow; status: SnapshotStatus; which: 1 | 2; count: number }) {
  const width = Math.max(x1 - x0, 2 * MARK_R);
  return (
    <rect
      className={`tl-snap tl-snap-${status}`}
      {...markPaint(status)}
      fillOpacity={status === 'seen' ? 0.3 : 0}
      data-testid="timeline-snapshot-group"
      data-snapshot={which}
      data-status={status}
      data-count={count}
      x={(x0 + x1) / 2 - width / 2}
      y={row.mid - MARK_R + 1}
      width={width}
      height={2 * MARK_R - 2}
      rx={MARK_R - 1}
    />
  );
}

interface MarkView {
  readonly key: string;
  readonly x0: number;
  readonly x1: number;
  readonly status: SnapshotStatus;
  readonly count: number;
  readonly step?: number | undefined;
  readonly run?: number | undefined;
  /** The race link of this read, if its run raced with the evacuation. */
  readonly link?: RaceLink | undefined;
}

function markViews(model: TimelineModel, scene: TimelineScene, which: 1 | 2): MarkView[] {
  return scene.strip.marks[which].map((item) => {
    if (item.type === 'single') {
      const snap = snapshotOf(model.runs[item.id], which)!;
      const run = model.runs[item.id]!.run;
      const link = model.links.find((l) => l.run === run && l.which === which);
      return { key: `r${item.id}`, x0: item.x0, x1: item.x0, status: snap.status, step: snap.step, run, count: 1, link };
    }
    return { key: `c${item.first}`, x0: item.x0, x1: item.x1, status: clusterStatus(model, item, which), count: item.count };
  });
}

function labelRequest(m: MarkView, which: 1 | 2, clock: Clock): LabelRequest {
  const single = m.count === 1;
  const text = single ? snapshotLabel(which, m.status, m.link, clock) : `${m.count} runs`;
  return {
    id: m.key,
    x: (m.x0 + m.x1) / 2,
    priority: m.status === 'missed' ? 3 : m.status === 'seen' ? 2 : 1,
    variants: [{ text, width: estimateTextWidth(text, FONT_PX) }],
    // Above the row's bar line, so a label may also sit right over its own mark.
    anchors: single ? ['start', 'end', 'middle'] : ['middle', 'start', 'end'],
  };
}

function StripMarks({ model, scene, layout, which }: Props & { which: 1 | 2 }) {
  const row = layout.strip.rows[which - 1]!;
  const marks = markViews(model, scene, which);
  const placed = placeLabels(marks.map((m) => labelRequest(m, which, model.clock)), [layout.plot.left - 10, layout.width - 2]);
  const labels = new Map(placed.map((p) => [p.id, p]));
  return (
    <g className="tl-strip-marks">
      {marks.map((m) => {
        const label = labels.get(m.key);
        return (
          <g key={m.key}>
            {m.count === 1 ? (
              <Mark x={m.x0} row={row} status={m.status} which={which} step={m.step} run={m.run} />
            ) : (
              <MarkGroup x0={m.x0} x1={m.x1} row={row} status={m.status} which={which} count={m.count} />
            )}
            {label ? (
              <text className={`tl-snap-label tl-snap-label-${m.status}`} x={label.x} y={row.labelBaseline} textAnchor={label.anchor}>
                {label.text}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

export const VisibilityStrip = memo(function VisibilityStrip({ model, scene, layout }: Props) {
  const [plotLeft, plotRight] = [layout.plot.left, layout.plot.right];
  const color = INSTANCE_COLOR[model.trace.race.uuid] ?? INSTANCE_COLOR[EVACUEE] ?? LANE_COLOR.evacuation;
  return (
    <g className="tl-strip" data-testid="timeline-strip">
      {layout.strip.rows.map((row) => (
        <g key={row.key} data-testid={`timeline-strip-${row.key}`}>
          <line className="tl-strip-gap" x1={plotLeft - 6} x2={plotRight + 6} y1={row.mid} y2={row.mid} />
          {(isVisibilityKey(row.key) ? scene.strip.bars[row.key] : []).map((bar) => (
            <rect
              key={bar.interval.start}
              className="tl-strip-bar"
              data-testid="timeline-visible"
              data-start={bar.interval.start}
              data-end={bar.interval.end}
              x={bar.x0}
              y={row.mid - BAR_H / 2}
              width={Math.max(1, bar.x1 - bar.x0)}
              height={BAR_H}
              fill={color}
            />
          ))}
        </g>
      ))}
      <StripMarks model={model} scene={scene} layout={layout} which={1} />
      <StripMarks model={model} scene={scene} layout={layout} which={2} />
    </g>
  );
});
