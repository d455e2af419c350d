/**
 * One frame of the timeline: React renders every element from the pure
 * scene (src/view); d3 only scales, draws the axis into its own <g>, and
 * listens for zoom gestures. Pointer hover and clicks are resolved by
 * coordinates (`useChartPointer`), so slivers of 1 ms are still easy to hit.
 *
 * A big trace (`renderer="canvas"`) draws its steps on a canvas under the
 * SVG instead (`useStepCanvas`), and a zoom gesture redraws only that
 * canvas and the axis each frame; the domain is stored when it ends.
 */
import { type LinearScale, linearScale } from '../../view/linear-scale';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppState } from '../../state/store';
import { HIT_TOLERANCE, hitTest } from '../../view/hit-test';
import type { TimelineRenderer } from '../../view/lane-groups';
import { layoutTimeline, type TimelineLayout } from '../../view/lane-layout';
import { buildScene, hitTargets } from '../../view/scene';
import type { Domain, PxRange } from '../../view/time-domain';
import { formatTime, timeTicks } from '../../view/time-format';
import { stripKeysOf, type TimelineModel } from '../../view/timeline-model';
import { useAppShallow, useAppStore } from '../store-context';
import { CanvasMarks } from './CanvasMarks';
import { ChartDefs } from './ChartDefs';
import { CursorLayer } from './CursorLayer';
import { KindLabels } from './KindLabels';
import { LaneRows } from './LaneRows';
import { PartialVeil } from './PartialVeil';
import { RaceLinks } from './RaceLinks';
import { StepLayer } from './StepLayer';
import { TimeAxis } from './TimeAxis';
import { TimelineTooltip } from './TimelineTooltip';
import { useChartPointer } from './useChartPointer';
import { PX_PER_TICK } from './step-painter';
import { useStepCanvas } from './useStepCanvas';
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
  readonly overlay?: (layout: TimelineLayout, scale: LinearScale) => ReactNode;
  /** SVG elements for every step, or a canvas under the SVG for big traces. */
  readonly renderer?: TimelineRenderer;
  /** A partial trace: its steps reach this far (virtual ms), the rest is being simulated. */
  readonly simulatedUntil?: number | null;
}

const selectChart = (s: AppState) => ({ cursor: s.cursor, hoveredStep: s.hoveredStep });

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

export function TimelineChart(props: Props) {
  const { model, domain, width, height, extent = model.extent, selectable = true, compact = false, overlay, renderer = 'svg', simulatedUntil = null } = props;
  const store = useAppStore();
  const { cursor, hoveredStep } = useAppShallow(selectChart);
  const canvas = renderer === 'canvas';
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const liveRef = useRef<SVGSVGElement>(null);
  const stripKeys = useMemo(() => stripKeysOf(model), [model]);
  const layout = useMemo(() => layoutTimeline(model.lanes, width, height, { compact, stripKeys }), [model.lanes, width, height, compact, stripKeys]);
  const range = useMemo<PxRange>(() => [layout.plot.left, layout.plot.right], [layout]);
  const scale = useMemo(() => linearScale(domain, range), [domain, range]);
  const scene = useMemo(() => buildScene(model, layout, domain, scale), [model, layout, domain, scale]);
  const targets = useMemo(() => hitTargets(scene, layout), [scene, layout]);
  // On a canvas the steps are hit from what was drawn last (it follows a gesture); the strip's marks from the scene.
  const markTargets = useMemo(() => (canvas ? targets.filter((t) => t.payload.type === 'snapshot' || t.payload.type === 'snapshots') : targets), [canvas, targets]);
  const ticks = useMemo(() => timeTicks(domain, Math.max(2, Math.floor((range[1] - range[0]) / PX_PER_TICK)), model.clock), [domain, range, model.clock]);
  const setTimeDomain = useCallback((d: Domain) => store.getState().setTimeDomain(d), [store]);
  const [wheelHint, showWheelHint] = useWheelHint();
  const gestureStore = useMemo(() => ({ commit: setTimeDomain, gesture: (active: boolean) => store.getState().setTimelineGesture(active) }), [store, setTimeDomain]);
  const steps = useStepCanvas(canvas, { canvas: canvasRef, svg: svgRef, chart: chartRef, live: liveRef }, model, layout, domain, gestureStore);

  const hitAt = useCallback(
    (x: number, y: number) => {
      if (!canvas) return hitTest(targets, x, y);
      return steps.hit(x, y, HIT_TOLERANCE) ?? (steps.isSettled() ? hitTest(markTargets, x, y) : null);
    },
    [canvas, targets, markTargets, steps],
  );
  const timeAt = useCallback((x: number) => (canvas ? steps.timeAt(x) : scale.invert(x)), [canvas, steps, scale]);
  const { hover, onPointerMove, onPointerLeave, onClick, dropHover } = useChartPointer(svgRef, model, hitAt, domain, timeAt, selectable);
  const onLive = useCallback(
    (d: Domain) => {
      dropHover();
      steps.onLive(d);
    },
    [steps, dropHover],
  );
  // A big trace listens on the whole chart (its words over the canvas are in a layer of their own).
  useTimeZoom(canvas ? chartRef : svgRef, { extent, range, height: layout.height }, domain, canvas ? onLive : setTimeDomain, showWheelHint, canvas ? steps.onEnd : undefined);

  const moving = (
    <>
      {canvas ? <CanvasMarks model={model} scene={scene} /> : <StepLayer model={model} scene={scene} />}
      <RaceLinks model={model} layout={layout} scale={scale} />
      <KindLabels model={model} scene={scene} layout={layout} />
      {model.usage ? <UsageStrip model={model} scene={scene} layout={layout} /> : <VisibilityStrip model={model} scene={scene} layout={layout} />}
      {overlay ? overlay(layout, scale) : null}
      {simulatedUntil !== null ? <PartialVeil layout={layout} scale={scale} until={simulatedUntil} /> : null}
      {selectable ? <CursorLayer model={model} layout={layout} scale={scale} cursor={cursor} hovered={hoveredStep} /> : null}
    </>
  );
  const pointer = { onPointerMove, onPointerLeave, onClick };
  const over = hover ? ' tl-svg-over-target' : '';
  const still = (
    <>
      <ChartDefs lanes={model.lanes} layout={layout} />
      <LaneRows layout={layout} ticks={ticks} scale={scale} canvas={canvas} />
      <TimeAxis layout={layout} ticks={ticks} scale={scale} caption={model.axisCaption} />
    </>
  );
  const svgProps = { ref: svgRef, width, height: layout.height, role: 'img', 'aria-label': summaryOf(model, domain) } as const;
  return (
    <>
      {canvas ? (
        <div ref={chartRef} className={`tl-chart${over}`} style={{ width, height: layout.height }} {...pointer}>
          <canvas ref={canvasRef} className="tl-canvas" style={{ width, height: layout.height }} aria-hidden="true" />
          <svg {...svgProps} className="tl-svg tl-svg-over-canvas">
            {still}
            <StripGutter layout={layout} model={model} />
          </svg>
          <div className="tl-live-clip" style={{ left: layout.gutter + 1, width: Math.max(0, width - layout.gutter - 1), height: layout.height }}>
            <svg ref={liveRef} className="tl-live" width={width} height={layout.height} style={{ left: -(layout.gutter + 1) }}>
              {moving}
            </svg>
          </div>
        </div>
      ) : (
        <svg {...svgProps} className={`tl-svg${over}`} {...pointer}>
          {still}
          <g clipPath="url(#tl-plot-clip)">{moving}</g>
          <StripGutter layout={layout} model={model} />
        </svg>
      )}
      {hover ? <TimelineTooltip model={model} hover={hover} width={width} height={Math.max(height, layout.height)} selectable={selectable} /> : null}
      {wheelHint ? (
        <p className="tl-wheel-hint" data-testid="timeline-wheel-hint" role="status">
          Ctrl + wheel zooms the timeline (or click into it first)
        </p>
      ) : null}
    </>
  );
}
