/**
 * One frame of the timeline as SVG: React renders every element from the
 * pure scene (src/view); d3 only scales, draws the axis into its own <g>,
 * and listens for zoom gestures. Pointer hover and clicks are resolved by
 * coordinates (`useChartPointer`), so slivers of 1 ms are still easy to hit.
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppState } from '../../state/store';
import { layoutTimeline, type TimelineLayout } from '../../view/lane-layout';
import { buildScene, hitTargets } from '../../view/scene';
import type { Domain, PxRange } from '../../view/time-domain';
import { formatTime, timeTicks } from '../../view/time-format';
import { stripKeysOf, type TimelineModel } from '../../view/timeline-model';
import { useAppShallow, useAppStore } from '../store-context';
import { ChartDefs } from './ChartDefs';
import { CursorLayer } from './CursorLayer';
import { KindLabels } from './KindLabels';
import { LaneRows } from './LaneRows';
import { RaceLinks } from './RaceLinks';
import { StepLayer } from './StepLayer';
import { TimeAxis } from './TimeAxis';
import { TimelineTooltip } from './TimelineTooltip';
import { useChartPointer } from './useChartPointer';
import { useTimeZoom } from './useTimeZoom';
import { StripGutter } from './StripGutter';
import { UsageStrip } from './UsageStrip';
import { VisibilityStrip } from './VisibilityStrip';

interface Props {
  readonly model: TimelineModel;
  readonly domain: Domain;
  readonly width: number;
  readonly height: number;
  /** The zoom's whole range: the model's extent, or both traces' when two share the axis. */
  readonly extent?: Domain;
  /** Does this chart own the cursor? The other side of a comparison shows no cursor and selects nothing. */
  readonly selectable?: boolean;
  /** Two charts share the panel: leave out the strip's title row. */
  readonly compact?: boolean;
  /** Extra marks drawn over the steps (the differences between buggy and fixed). */
  readonly overlay?: (layout: TimelineLayout, scale: ScaleLinear<number, number>) => ReactNode;
}

const selectChart = (s: AppState) => ({ cursor: s.cursor, hoveredStep: s.hoveredStep });
/** Axis labels need about this much room each. */
const PX_PER_TICK = 110;

function summaryOf(model: TimelineModel, domain: Domain): string {
  const lost = model.runs.some((r) => r.lost);
  return (
    `Timeline of ${model.trace.steps.length} steps in ${model.lanes.length} threads, showing ${formatTime(domain[0], model.clock)} to ${formatTime(domain[1], model.clock)}. ` +
    (lost
      ? "Host2's periodic missed the evacuated instance in both snapshots."
      : "Host2's periodic saw the evacuated instance in at least one snapshot of every run.")
  );
}

/** How long the "Ctrl + wheel" hint stays after a wheel went to the page. */
const WHEEL_HINT_MS = 1500;

/** A hint shown for a moment after a wheel scrolled the page instead of zooming. */
function useWheelHint(): [boolean, () => void] {
  const [shown, setShown] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const show = useCallback(() => {
    setShown(true);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setShown(false), WHEEL_HINT_MS);
  }, []);
  return [shown, show];
}

export function TimelineChart({ model, domain, width, height, extent = model.extent, selectable = true, compact = false, overlay }: Props) {
  const store = useAppStore();
  const { cursor, hoveredStep } = useAppShallow(selectChart);
  const svgRef = useRef<SVGSVGElement>(null);
  const stripKeys = useMemo(() => stripKeysOf(model), [model]);
  const layout = useMemo(() => layoutTimeline(model.lanes, width, height, { compact, stripKeys }), [model.lanes, width, height, compact, stripKeys]);
  const range = useMemo<PxRange>(() => [layout.plot.left, layout.plot.right], [layout]);
  const scale = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([range[0], range[1]]), [domain, range]);
  const scene = useMemo(() => buildScene(model, layout, domain, scale), [model, layout, domain, scale]);
  const targets = useMemo(() => hitTargets(scene, layout), [scene, layout]);
  const ticks = useMemo(() => timeTicks(domain, Math.max(2, Math.floor((range[1] - range[0]) / PX_PER_TICK)), model.clock), [domain, range, model.clock]);
  const setTimeDomain = useCallback((d: Domain) => store.getState().setTimeDomain(d), [store]);
  const [wheelHint, showWheelHint] = useWheelHint();
  useTimeZoom(svgRef, { extent, range, height: layout.height }, domain, setTimeDomain, showWheelHint);

  const timeAt = useCallback((x: number) => scale.invert(x), [scale]);
  const { hover, onPointerMove, onPointerLeave, onClick } = useChartPointer(svgRef, model, targets, domain, timeAt, selectable);

  return (
    <>
      <svg
        ref={svgRef}
        className={hover ? 'tl-svg tl-svg-over-target' : 'tl-svg'}
        width={width}
        height={layout.height}
        role="img"
        aria-label={summaryOf(model, domain)}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
      >
        <ChartDefs lanes={model.lanes} layout={layout} />
        <LaneRows layout={layout} ticks={ticks} scale={scale} />
        <TimeAxis layout={layout} ticks={ticks} scale={scale} caption={model.axisCaption} />
        <g clipPath="url(#tl-plot-clip)">
          <StepLayer model={model} scene={scene} />
          <RaceLinks model={model} layout={layout} scale={scale} />
          <KindLabels model={model} scene={scene} layout={layout} />
          {model.usage ? <UsageStrip model={model} scene={scene} layout={layout} /> : <VisibilityStrip model={model} scene={scene} layout={layout} />}
          {overlay ? overlay(layout, scale) : null}
          {selectable ? <CursorLayer model={model} layout={layout} scale={scale} cursor={cursor} hovered={hoveredStep} /> : null}
        </g>
        <StripGutter layout={layout} model={model} />
      </svg>
      {hover ? <TimelineTooltip model={model} hover={hover} width={width} height={Math.max(height, layout.height)} selectable={selectable} /> : null}
      {wheelHint ? (
        <p className="tl-wheel-hint" data-testid="timeline-wheel-hint" role="status">
          Ctrl + wheel zooms the timeline (or click into it first)
        </p>
      ) : null}
    </>
  );
}
