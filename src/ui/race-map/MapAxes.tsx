/**
 * The map's axes with their units, drawn by d3-axis into <g>s that React
 * leaves empty.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { memo, useLayoutEffect, useRef } from 'react';
import { PARAM_BY_KEY } from '../../model';
import type { MapSpec } from '../../sweep/map-spec';
import type { MapScales } from '../../view/race-map-geometry';

interface Props {
  readonly spec: MapSpec;
  readonly scales: MapScales;
  readonly side: number;
  readonly margin: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number };
}

const TICKS = 5;
const unitOf = (key: MapSpec['xKey']): string => PARAM_BY_KEY[key].unit;

export const MapAxes = memo(function MapAxes({ spec, scales, side, margin }: Props) {
  const xRef = useRef<SVGGElement>(null);
  const yRef = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (xRef.current) select(xRef.current).call(axisBottom(scales.x).ticks(TICKS).tickFormat(scales.x.tickFormat(TICKS)).tickSizeOuter(0));
    if (yRef.current) select(yRef.current).call(axisLeft(scales.y).ticks(TICKS).tickFormat(scales.y.tickFormat(TICKS)).tickSizeOuter(0));
  }, [scales]);
  const width = margin.left + side + margin.right;
  const height = margin.top + side + margin.bottom;
  return (
    <svg className="race-map-axes" width={width} height={height} aria-hidden="true">
      <g ref={xRef} transform={`translate(${margin.left},${margin.top + side})`} />
      <g ref={yRef} transform={`translate(${margin.left},${margin.top})`} />
      <text className="race-map-axis-label" x={margin.left + side} y={height - 3} textAnchor="end">
        {spec.xKey} ({unitOf(spec.xKey)}) →
      </text>
      <text className="race-map-axis-label" transform={`translate(11,${margin.top}) rotate(-90)`} textAnchor="end">
        {spec.yKey} ({unitOf(spec.yKey)}) →
      </text>
    </svg>
  );
});
