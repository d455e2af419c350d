/**
 * The map itself: the cells on a canvas (one pixel per cell, scaled up),
 * and over it an SVG with the lost/kept boundary, the y = x diagonal, the
 * current scenario's point and the brush. `race-map-plot` covers exactly the
 * plotted area, so a click at a fraction of its box sets the values at that
 * fraction.
 */
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { RaceMapRun } from '../../state/sweep-slice';
import { type MapSpec, MIN_MAP_SPAN, valueAtFraction } from '../../sweep/map-spec';
import { cellAtFraction, cellImage, lostBoundaryPath, mapScales } from '../../view/race-map-geometry';
import { useAppShallow, useAppStore } from '../store-context';
import { useElementSize } from '../timeline/useElementSize';
import { MapAxes } from './MapAxes';
import { CELL_PALETTE } from './palette';
import { useMapBrush } from './useMapBrush';

const MARGIN = { top: 8, right: 12, bottom: 34, left: 48 } as const;
const MAX_SIDE = 440;

export interface MapHover {
  readonly x: number;
  readonly y: number;
  /** The cell under the pointer (column from the left, row from the bottom). */
  readonly i: number;
  readonly j: number;
}

interface Props {
  readonly run: RaceMapRun;
  readonly onHover: (hover: MapHover | null) => void;
}

/** The range a zoom selects, kept at least `MIN_MAP_SPAN` wide. */
function zoomRange(min: number, max: number, f0: number, f1: number): [number, number] {
  let lo = valueAtFraction(min, max, f0);
  let hi = valueAtFraction(min, max, f1);
  if (hi - lo < MIN_MAP_SPAN) {
    const mid = Math.round((lo + hi) / 2);
    lo = Math.max(min, mid - MIN_MAP_SPAN / 2);
    hi = Math.min(max, lo + MIN_MAP_SPAN);
    lo = hi - MIN_MAP_SPAN;
  }
  return [lo, hi];
}

function pointAt(spec: MapSpec, fx: number, fyFromTop: number): { x: number; y: number } {
  return { x: valueAtFraction(spec.xMin, spec.xMax, fx), y: valueAtFraction(spec.yMin, spec.yMax, 1 - fyFromTop) };
}

export function RaceMapPlot({ run, onHover }: Props) {
  const store = useAppStore();
  const { spec } = run;
  const [frameRef, size] = useElementSize<HTMLDivElement>();
  const side = size ? Math.max(120, Math.min(size.width - MARGIN.left - MARGIN.right, MAX_SIDE)) : 0;
  const scales = useMemo(() => mapScales(spec, side, side), [spec, side]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const brushRef = useRef<SVGGElement>(null);
  const clipId = useId();
  const current = useAppShallow((s) => ({ x: s.scenario[spec.xKey], y: s.scenario[spec.yKey] }));

  useLayoutEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context || side <= 0) return;
    context.putImageData(new ImageData(cellImage(run.cells, spec.res, CELL_PALETTE) as Uint8ClampedArray<ArrayBuffer>, spec.res, spec.res), 0, 0);
  }, [run, spec.res, side]);

  // The boundary of a half-computed map would be a boundary of the rows so far: draw it once the map is done.
  const boundary = useMemo(
    () => (run.status === 'done' && side > 0 ? lostBoundaryPath(run.cells, spec.res, side, side) : ''),
    [run.status, run.cells, spec.res, side],
  );

  useMapBrush(brushRef, side, {
    onPick(fx, fy) {
      const { x, y } = pointAt(spec, fx, fy);
      store.getState().setParams({ [spec.xKey]: x, [spec.yKey]: y });
    },
    onZoom(xs, ys) {
      const [xMin, xMax] = xs ? zoomRange(spec.xMin, spec.xMax, xs[0], xs[1]) : [spec.xMin, spec.xMax];
      // The brush measures y from the top; the map's y grows upwards.
      const [yMin, yMax] = ys ? zoomRange(spec.yMin, spec.yMax, 1 - ys[1], 1 - ys[0]) : [spec.yMin, spec.yMax];
      store.getState().setMapSpec({ ...spec, xMin, xMax, yMin, yMax });
    },
  });

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const fx = (event.clientX - box.left) / box.width;
    const fy = (event.clientY - box.top) / box.height;
    onHover({ ...pointAt(spec, fx, fy), ...cellAtFraction(spec.res, fx, fy) });
  };

  const marker = current.x !== null && current.y !== null ? markerAt(scales, side, current.x, current.y) : null;
  const diagonal = diagonalOf(spec, scales);
  return (
    <div className="race-map-frame" ref={frameRef} style={{ height: side > 0 ? side + MARGIN.top + MARGIN.bottom : undefined }}>
      {side > 0 && (
        <>
          <MapAxes spec={spec} scales={scales} side={side} margin={MARGIN} />
          <div
            className="race-map-plot"
            data-testid="race-map-plot"
            style={{ left: MARGIN.left, top: MARGIN.top, width: side, height: side }}
            onPointerMove={onPointerMove}
            onPointerLeave={() => onHover(null)}
          >
            <canvas ref={canvasRef} className="race-map-cells" width={spec.res} height={spec.res} />
            <svg className="race-map-overlay" width={side} height={side}>
              <clipPath id={clipId}>
                <rect width={side} height={side} />
              </clipPath>
              {diagonal && (
                <g className="race-map-diagonal">
                  <line x1={diagonal.x1} y1={diagonal.y1} x2={diagonal.x2} y2={diagonal.y2} />
                  <text x={diagonal.x2 - 4} y={diagonal.y2 + 12} textAnchor="end">
                    {spec.yKey} = {spec.xKey}
                  </text>
                </g>
              )}
              {boundary && <path className="race-map-boundary" d={boundary} clipPath={`url(#${CSS.escape(clipId)})`} />}
              <g ref={brushRef} className="race-map-brush" />
              {marker && (
                <g
                  className={`race-map-current${marker.inside ? '' : ' race-map-current-outside'}`}
                  data-testid="race-map-current"
                  data-x={current.x ?? ''}
                  data-y={current.y ?? ''}
                  transform={`translate(${marker.px},${marker.py})`}
                >
                  <title>{`now: ${spec.xKey} ${current.x}, ${spec.yKey} ${current.y}${marker.inside ? '' : ' (outside the map)'}`}</title>
                  <circle r={6} />
                  <circle r={2} className="race-map-current-dot" />
                </g>
              )}
            </svg>
          </div>
        </>
      )}
    </div>
  );
}

/** The current point, pinned to the edge when it lies outside the map. */
function markerAt(scales: ReturnType<typeof mapScales>, side: number, x: number, y: number) {
  const px = scales.x(x);
  const py = scales.y(y);
  const inside = px >= 0 && px <= side && py >= 0 && py <= side;
  return { px: Math.min(side, Math.max(0, px)), py: Math.min(side, Math.max(0, py)), inside };
}

/** The part of y = x inside the map, when the two ranges overlap enough to show it. */
function diagonalOf(spec: MapSpec, scales: ReturnType<typeof mapScales>) {
  const lo = Math.max(spec.xMin, spec.yMin);
  const hi = Math.min(spec.xMax, spec.yMax);
  if (hi - lo < MIN_MAP_SPAN) return null;
  return { x1: scales.x(lo), y1: scales.y(lo), x2: scales.x(hi), y2: scales.y(hi) };
}
