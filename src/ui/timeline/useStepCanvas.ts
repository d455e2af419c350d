/**
 * The React binding of the step painter, and the live view of a zoom
 * gesture on a big trace. React draws the chart for the stored domain (the
 * canvas in a layout effect, so it never lags the SVG on top of it). During
 * a gesture, each zoom event only moves a live domain kept in a ref, and one
 * requestAnimationFrame redraws the canvas and the axis for it, and moves
 * the SVG layer above with a CSS transform (a pan; during a zoom it hides
 * until the gesture ends, as its words would stretch). At the end of the
 * gesture the live domain is stored, once, and React draws it.
 */
import { linearScale } from '../../view/linear-scale';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineLayout } from '../../view/lane-layout';
import { pxMapOf } from '../../view/lane-groups';
import type { TimelineTarget } from '../../view/scene';
import { type Domain, sameDomain } from '../../view/time-domain';
import { timeTicks } from '../../view/time-format';
import type { TimelineModel } from '../../view/timeline-model';
import { createStepPainter, PX_PER_TICK } from './step-painter';
import { renderAxis } from './TimeAxis';

export interface StepCanvas {
  /** A gesture moved the view: draw `domain` at the next frame, store nothing. */
  onLive(domain: Domain): void;
  /** The gesture ended on `domain`: draw it and store it. */
  onEnd(domain: Domain): void;
  /** The step or merged group under (x, y), as drawn on screen now. */
  hit(x: number, y: number, tolerance: number): TimelineTarget | null;
  /** The time under x, as drawn on screen now. */
  timeAt(x: number): number;
  /** Is the screen showing the stored domain (no gesture frame in between)? */
  isSettled(): boolean;
}

/** What the chart tells the store: a gesture's domain when it ends, and that one is under way (sweeps pause). */
export interface GestureStore {
  commit(domain: Domain): void;
  gesture(active: boolean): void;
}

interface Refs {
  readonly canvas: RefObject<HTMLCanvasElement | null>;
  /** The SVG that stays (lane labels, the axis). */
  readonly svg: RefObject<SVGSVGElement | null>;
  /** The element around both, which carries `data-live` during a zoom gesture. */
  readonly chart: RefObject<HTMLElement | null>;
  /** The SVG layer that moves with the view (links, labels, strip, cursor), in a box of its own. */
  readonly live: RefObject<SVGSVGElement | null>;
}

/** The device pixel ratio, following a move to another screen or a browser zoom. */
function useDevicePixelRatio(): number {
  const [dpr, setDpr] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const query = window.matchMedia(`(resolution: ${dpr}dppx)`);
    const changed = (): void => setDpr(window.devicePixelRatio || 1);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, [dpr]);
  return dpr;
}

export function useStepCanvas(
  enabled: boolean,
  refs: Refs,
  model: TimelineModel,
  layout: TimelineLayout,
  domain: Domain,
  store: GestureStore,
): StepCanvas {
  const painter = useMemo(() => createStepPainter(), []);
  const dpr = useDevicePixelRatio();
  const committed = useRef({ model, layout, domain });
  const live = useRef<Domain>(domain);
  const frame = useRef(0);
  const storeRef = useRef(store);
  const inGesture = useRef(false);
  useEffect(() => {
    storeRef.current = store;
  }, [store]);

  const paint = useCallback(
    (view: Domain) => {
      const canvas = refs.canvas.current;
      if (canvas) painter.draw(canvas, { model: committed.current.model, layout: committed.current.layout, domain: view }, dpr);
    },
    [painter, refs.canvas, dpr],
  );

  /**
   * Move the SVG layer from the stored domain's pixels to `view`'s: a CSS
   * translation during a pan (the browser moves the layer, nothing is laid
   * out again); during a zoom the layer hides, as its words would stretch.
   * In a gesture the axis is redrawn for `view` too.
   */
  const follow = useCallback(
    (view: Domain, gesture: boolean) => {
      const { layout: l, domain: stored, model: m } = committed.current;
      const range = [l.plot.left, l.plot.right] as const;
      const from = pxMapOf(stored, range);
      const to = pxMapOf(view, range);
      const a = to.k / from.k;
      const b = to.b - a * from.b;
      const zooming = Math.abs(a - 1) > 1e-9;
      const layer = refs.live.current;
      if (layer) layer.style.transform = zooming || Math.abs(b) < 1e-6 ? '' : `translate3d(${b}px, 0, 0)`;
      const chart = refs.chart.current;
      if (chart) {
        if (zooming) chart.dataset.live = 'zoom';
        else delete chart.dataset.live;
      }
      const axis = refs.svg.current?.querySelector<SVGGElement>('.tl-axis');
      if (axis && gesture) {
        const ticks = timeTicks(view, Math.max(2, Math.floor((range[1] - range[0]) / PX_PER_TICK)), m.clock);
        renderAxis(axis, linearScale(view, range), ticks, l);
      }
    },
    [refs.live, refs.svg, refs.chart],
  );

  // The stored view: drawn before the browser paints, so canvas and SVG change together.
  useLayoutEffect(() => {
    if (!enabled) return;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    committed.current = { model, layout, domain };
    live.current = domain;
    paint(domain);
    follow(domain, false);
  }, [enabled, model, layout, domain, paint, follow]);

  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      // A chart that goes away mid-gesture (a new trace, another renderer) must not leave the sweeps paused.
      if (inGesture.current) storeRef.current.gesture(false);
    },
    [],
  );

  return useMemo<StepCanvas>(() => {
    const draw = (): void => {
      frame.current = 0;
      paint(live.current);
      follow(live.current, true);
    };
    return {
      onLive(view) {
        live.current = view;
        if (!inGesture.current) {
          inGesture.current = true;
          storeRef.current.gesture(true);
        }
        if (frame.current === 0) frame.current = requestAnimationFrame(draw);
      },
      onEnd(view) {
        live.current = view;
        cancelAnimationFrame(frame.current);
        draw();
        if (inGesture.current) {
          inGesture.current = false;
          storeRef.current.gesture(false);
        }
        if (!sameDomain(view, committed.current.domain)) storeRef.current.commit(view);
      },
      hit: (x, y, tolerance) => painter.hit(x, y, tolerance),
      timeAt(x) {
        const { layout: l } = committed.current;
        const map = pxMapOf(live.current, [l.plot.left, l.plot.right]);
        return (x - map.b) / map.k;
      },
      isSettled: () => sameDomain(live.current, committed.current.domain),
    };
  }, [paint, follow, painter]);
}
