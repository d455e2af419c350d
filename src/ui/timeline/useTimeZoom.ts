/**
 * The React binding of `createTimeZoom`: one effect creates it for the
 * chart's element, another keeps it in step with the size, the trace and the
 * stored domain. d3-zoom (and d3-transition, which it brings) loads on its
 * own, so the first verdict does not wait for it: the gestures are there a
 * moment after the first frame.
 */
import { type RefObject, useEffect, useRef } from 'react';
import { afterNextPaint } from '../../state/after-paint';
import type { Domain } from '../../view/time-domain';
import type { TimeZoom, TimeZoomGeometry } from './time-zoom';

let loading: Promise<typeof import('./time-zoom')> | null = null;
/** After the frame that shows the first chart (and the verdict with it) has been painted. */
const loadZoom = () =>
  (loading ??= new Promise<void>((resolve) => void afterNextPaint(resolve))
    .then(() => import('./time-zoom'))
    .catch((error: unknown) => {
      // A chunk that did not load (the network): the next chart to mount asks again.
      loading = null;
      throw error;
    }));

export function useTimeZoom(
  elementRef: RefObject<Element | null>,
  geometry: TimeZoomGeometry,
  domain: Domain,
  onDomain: (domain: Domain) => void,
  onWheelPassed: () => void,
  /** When a gesture ends (a big trace stores its domain only then). */
  onEnd?: (domain: Domain) => void,
): void {
  const zoomRef = useRef<TimeZoom | null>(null);
  // The latest callbacks without re-creating the zoom (that would drop a gesture in progress).
  const callbacks = useRef({ onDomain, onWheelPassed, onEnd });
  useEffect(() => {
    callbacks.current = { onDomain, onWheelPassed, onEnd };
  }, [onDomain, onWheelPassed, onEnd]);
  // What a zoom created after its module has loaded starts from.
  const latest = useRef({ geometry, domain });

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return undefined;
    let zoom: TimeZoom | null = null;
    let gone = false;
    void loadZoom().then(({ createTimeZoom }) => {
      if (gone) return;
      zoom = createTimeZoom(element, {
        onDomain: (d) => callbacks.current.onDomain(d),
        onWheelPassed: () => callbacks.current.onWheelPassed(),
        onEnd: (d) => callbacks.current.onEnd?.(d),
      });
      zoomRef.current = zoom;
      zoom.update(latest.current.geometry, latest.current.domain);
    });
    return () => {
      gone = true;
      zoom?.destroy();
      zoomRef.current = null;
    };
  }, [elementRef]);

  const { extent, range, height } = geometry;
  useEffect(() => {
    latest.current = { geometry: { extent, range, height }, domain };
    zoomRef.current?.update({ extent, range, height }, domain);
    // Tuples are compared by value: a new array with the same numbers is no change.
  }, [extent[0], extent[1], range[0], range[1], height, domain[0], domain[1]]);
}
