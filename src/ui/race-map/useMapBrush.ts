/**
 * The map's one d3 gesture: d3-brush on a <g> that React leaves empty.
 * A drag selects a sub-range to zoom into; a click (a brush that ends
 * without area) picks the point under the pointer. Both are reported as
 * fractions of the plot's box, x from the left and y from the top.
 */
import { brush, type D3BrushEvent } from 'd3-brush';
import { pointer, select } from 'd3-selection';
import { type RefObject, useEffect, useRef } from 'react';

/** A drag shorter than this (px) in both directions is a click. */
const CLICK_PX = 4;

export interface BrushHandlers {
  onPick(fx: number, fy: number): void;
  /** The selected box; a side shorter than a click is `null` (zoom the other axis only). */
  onZoom(x: readonly [number, number] | null, y: readonly [number, number] | null): void;
}

export function useMapBrush(ref: RefObject<SVGGElement | null>, side: number, handlers: BrushHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const node = ref.current;
    if (!node || side <= 0) return undefined;
    const gesture = brush<unknown>()
      .extent([
        [0, 0],
        [side, side],
      ])
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // our own brush.move(null) below
        const box = event.selection as [[number, number], [number, number]] | null;
        const [[x0, y0], [x1, y1]] = box ?? [[0, 0], [0, 0]];
        const wide = x1 - x0 >= CLICK_PX;
        const tall = y1 - y0 >= CLICK_PX;
        if (box) select(node).call(gesture.move, null);
        if (!wide && !tall) {
          const [px, py] = pointer(event.sourceEvent, node);
          latest.current.onPick(px / side, py / side);
          return;
        }
        latest.current.onZoom(wide ? [x0 / side, x1 / side] : null, tall ? [y0 / side, y1 / side] : null);
      });
    const group = select(node).call(gesture);
    return () => {
      group.on('.brush', null);
      group.selectAll('*').remove();
    };
  }, [ref, side]);
}
