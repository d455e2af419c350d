/**
 * Hover and click on the timeline, resolved by coordinates (`hitAt`: the
 * frame's hit targets, or a big trace's canvas groups): hover shows a
 * tooltip and marks the step hovered in the store; a click selects a step
 * or a snapshot's read, or zooms into a merged group.
 */
import { type MouseEvent, type PointerEvent, type RefObject, useCallback, useState } from 'react';
import type { TimelineTarget } from '../../view/scene';
import { type Domain, groupZoomDomain } from '../../view/time-domain';
import type { TimelineModel } from '../../view/timeline-model';
import { useAppStore } from '../store-context';
import type { HoverState } from './TimelineTooltip';

export interface ChartPointer {
  readonly hover: HoverState | null;
  onPointerMove(e: PointerEvent<Element>): void;
  onPointerLeave(): void;
  onClick(e: MouseEvent<Element>): void;
  /** Forget the hover (the view moved under a still pointer). */
  dropHover(): void;
}

export function useChartPointer(
  svgRef: RefObject<SVGSVGElement | null>,
  model: TimelineModel,
  /** What is at (x, y) in the chart. */
  hitAt: (x: number, y: number) => TimelineTarget | null,
  domain: Domain,
  /** The time under an x in the chart (the scale's inverse). */
  timeAt: (x: number) => number,
  /** Does this chart's trace own the cursor? The other side of a comparison only zooms. */
  selectable: boolean,
): ChartPointer {
  const store = useAppStore();
  // A zoom moves everything under a still pointer: a tooltip from another domain would describe the
  // wrong thing. It is dropped by derivation, not by an effect that sets state after each zoom frame
  // (that queues a render behind every wheel event).
  const [hoverAt, setHoverAt] = useState<{ hover: HoverState; domain: Domain } | null>(null);
  const hover = hoverAt !== null && hoverAt.domain === domain ? hoverAt.hover : null;
  const setHover = (next: HoverState | null): void => {
    if (next === null && hoverAt === null) return;
    setHoverAt(next === null ? null : { hover: next, domain });
  };

  const locate = (e: { clientX: number; clientY: number }) => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box) return null;
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    return { x, y, target: hitAt(x, y) };
  };
  const setHoveredStep = (index: number | null): void => {
    if (!selectable) return;
    const s = store.getState();
    if (s.hoveredStep !== index) s.setHoveredStep(index);
  };
  const activate = (target: TimelineTarget, x: number): void => {
    const s = store.getState();
    if (target.type === 'step') {
      if (selectable) s.setCursor(target.index);
    } else if (target.type === 'snapshot') {
      if (!selectable) return;
      const run = model.runs[target.run];
      const snap = target.which === 1 ? run?.first : run?.second;
      if (snap) s.setCursor(snap.step);
    } else {
      // A click on a merged group always zooms in, even when the group fills the view (thousands of periodic steps).
      s.setTimeDomain(groupZoomDomain([target.start, target.end], domain, model.extent, timeAt(x)));
    }
  };

  const dropHover = useCallback(() => setHoverAt(null), []);
  return {
    hover,
    dropHover,
    onPointerMove(e) {
      const hit = e.buttons === 0 ? locate(e) : null; // no tooltip while panning
      setHover(hit?.target ? { target: hit.target, x: hit.x, y: hit.y } : null);
      setHoveredStep(hit?.target?.type === 'step' ? hit.target.index : null);
    },
    onPointerLeave() {
      setHover(null);
      setHoveredStep(null);
    },
    onClick(e) {
      const hit = locate(e);
      if (hit?.target) activate(hit.target, hit.x);
    },
  };
}
