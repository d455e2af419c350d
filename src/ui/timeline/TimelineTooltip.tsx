/**
 * The tooltip for what is under the pointer: a step (what it did, when, for
 * how long, and its lock), a merged group, or a snapshot mark.
 */
import type { ReactNode } from 'react';
import type { StepRow } from '../../model';
import type { TimelineTarget } from '../../view/scene';
import { formatDuration, formatInterval, formatTime } from '../../view/time-format';
import type { TimelineModel } from '../../view/timeline-model';
import { LANE_COLOR, LANE_LABEL } from '../theme';
import { SNAPSHOT_NAME } from './kind-labels';
import { snapshotLabel } from './snapshot-style';

export interface HoverState {
  readonly target: TimelineTarget;
  /** Pointer position in the chart's coordinates. */
  readonly x: number;
  readonly y: number;
}

const WIDTH = 300;
const OFFSET = 14;

function lockLine(step: StepRow): string {
  if (step.lock === 'held') return `holds ${step.lockName ?? 'the lock'}`;
  if (step.lock === 'waited') return `waits for ${step.lockName ?? 'the lock'}`;
  return 'no lock';
}

function StepTip({ model, step, selectable }: { model: TimelineModel; step: StepRow; selectable: boolean }) {
  const violations = model.violationsByStep.get(step.index) ?? [];
  return (
    <>
      <div className="tl-tip-head">
        <span className="lane-dot" style={{ background: LANE_COLOR[step.thread] }} aria-hidden="true" />
        {LANE_LABEL[step.thread]} · step {step.index + 1}
      </div>
      <div className="tl-tip-name">{step.name}</div>
      <div>{step.label}</div>
      <div className="tl-tip-meta">
        {formatInterval(step.start, step.end, model.clock)} · {formatDuration(step.end - step.start, model.clock)}
        {step.sleep ? ' (injected sleep)' : ''} · {lockLine(step)}
      </div>
      {step.read ? <div className="tl-tip-meta">read: {step.read}</div> : null}
      {violations.map((v) => (
        <div key={v.invariant} className="tl-tip-violation">
          ⚠ {v.message}
        </div>
      ))}
      {selectable ? <div className="tl-tip-hint">Click to select this step</div> : null}
    </>
  );
}

function content(model: TimelineModel, target: TimelineTarget, selectable: boolean): ReactNode {
  switch (target.type) {
    case 'step': {
      const step = model.trace.steps[target.index];
      return step ? <StepTip model={model} step={step} selectable={selectable} /> : null;
    }
    case 'cluster':
    case 'snapshots':
      return (
        <>
          <div className="tl-tip-name">{target.type === 'cluster' ? `${target.count} steps` : `${target.count} periodic runs`}</div>
          <div className="tl-tip-meta">
            {formatInterval(target.start, target.end, model.clock)}
          </div>
          <div className="tl-tip-hint">Too close together at this zoom: click to zoom in on them</div>
        </>
      );
    case 'snapshot': {
      const run = model.runs[target.run];
      const snap = target.which === 1 ? run?.first : run?.second;
      if (!run || !snap) return null;
      return (
        <>
          <div className="tl-tip-head">host2 periodic run {run.run}</div>
          <div className="tl-tip-name">{SNAPSHOT_NAME[target.which]}</div>
          <div className={snap.status === 'missed' ? 'tl-tip-violation' : undefined}>
            {snapshotLabel(target.which, snap.status, model.links.find((l) => l.run === run.run && l.which === target.which), model.clock)}
          </div>
          <div className="tl-tip-meta">read at {formatTime(snap.time, model.clock)}</div>
          <div className="tl-tip-meta">{model.trace.steps[snap.step]?.read ?? ''}</div>
          {selectable ? <div className="tl-tip-hint">Click to select this read</div> : null}
        </>
      );
    }
    default:
      return null;
  }
}

/** Room a tooltip usually needs below the pointer; with less, it opens upwards. */
const TYPICAL_HEIGHT = 150;

interface TooltipProps {
  readonly model: TimelineModel;
  readonly hover: HoverState;
  readonly width: number;
  readonly height: number;
  /** Clicks select in this chart (not on the other side of a comparison). */
  readonly selectable: boolean;
}

export function TimelineTooltip({ model, hover, width, height, selectable }: TooltipProps) {
  const body = content(model, hover.target, selectable);
  if (!body) return null;
  // Flip to the pointer's left near the right edge and above it near the bottom, so it stays in the panel.
  const left = hover.x + OFFSET + WIDTH > width ? Math.max(4, hover.x - OFFSET - WIDTH) : hover.x + OFFSET;
  const above = hover.y + OFFSET + TYPICAL_HEIGHT > height && hover.y > height / 2;
  const style = above
    ? { left, top: hover.y - OFFSET, width: WIDTH, transform: 'translateY(-100%)' }
    : { left, top: hover.y + OFFSET, width: WIDTH };
  return (
    <div className="tl-tooltip" data-testid="timeline-tooltip" role="tooltip" style={style}>
      {body}
    </div>
  );
}
