/**
 * How many ms the race's second snapshot missed (right of 0: read after the
 * migration was done, so lost) or caught (left of 0: still in progress, so
 * kept) the migration's end by, over the seeded runs.
 */
import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { MAP_COLOR } from '../race-map/palette';
import { useElementSize } from '../timeline/useElementSize';
import { marginBins } from './margin-bins';

const HEIGHT = 96;
const PAD = { top: 16, right: 18, bottom: 20, left: 14 } as const;

export function MarginHistogram({ margins, zeroLabel = 'done' }: { margins: readonly (number | null)[]; zeroLabel?: string }) {
  const [frameRef, size] = useElementSize<HTMLDivElement>();
  const axisRef = useRef<SVGGElement>(null);
  const { bins, domain, without } = useMemo(() => marginBins(margins), [margins]);
  const width = size?.width ?? 0;
  const x = useMemo(() => scaleLinear().domain(domain).range([PAD.left, Math.max(PAD.left + 1, width - PAD.right)]), [domain, width]);
  const most = Math.max(1, ...bins.map((b) => b.count));
  const barHeight = (count: number): number => ((HEIGHT - PAD.top - PAD.bottom) * count) / most;
  useLayoutEffect(() => {
    if (axisRef.current && width > 0) select(axisRef.current).call(axisBottom(x).ticks(5).tickFormat((v) => `${Number(v) > 0 ? '+' : ''}${v}`).tickSizeOuter(0));
  }, [x, width]);
  return (
    <div className="odds-histogram" ref={frameRef}>
      {width > 0 && (
        <svg width={width} height={HEIGHT} role="img" aria-label={`Histogram of the race margin over ${margins.length - without} runs`}>
          {bins.map((b) =>
            b.count === 0 ? null : (
              <rect
                key={b.x0}
                x={x(b.x0) + 0.5}
                width={Math.max(1, x(b.x1) - x(b.x0) - 1)}
                y={HEIGHT - PAD.bottom - barHeight(b.count)}
                height={barHeight(b.count)}
                fill={b.x0 >= 0 ? MAP_COLOR.lost : MAP_COLOR.kept}
              >
                <title>{`${b.x0} to ${b.x1} ms: ${b.count} run${b.count === 1 ? '' : 's'}`}</title>
              </rect>
            ),
          )}
          <line className="odds-zero" x1={x(0)} x2={x(0)} y1={PAD.top - 6} y2={HEIGHT - PAD.bottom} />
          <text className="odds-zero-label" x={x(0) > width / 2 ? x(0) - 3 : x(0) + 3} y={PAD.top - 6} textAnchor={x(0) > width / 2 ? 'end' : 'start'}>
            {zeroLabel}
          </text>
          <g ref={axisRef} transform={`translate(0,${HEIGHT - PAD.bottom})`} />
        </svg>
      )}
    </div>
  );
}
