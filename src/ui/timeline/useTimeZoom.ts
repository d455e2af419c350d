/**
 * The React binding of `createTimeZoom`: one effect creates it for the SVG
 * element, another keeps it in step with the size, the trace and the stored
 * domain.
 */
import { type RefObject, useEffect, useRef } from 'react';
import type { Domain } from '../../view/time-domain';
import { createTimeZoom, type TimeZoom, type TimeZoomGeometry } from './time-zoom';

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

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return undefined;
    const zoom = createTimeZoom(element, {
      onDomain: (d) => callbacks.current.onDomain(d),
      onWheelPassed: () => callbacks.current.onWheelPassed(),
      onEnd: (d) => callbacks.current.onEnd?.(d),
    });
    zoomRef.current = zoom;
    return () => {
      zoom.destroy();
      zoomRef.current = null;
    };
  }, [elementRef]);

  const { extent, range, height } = geometry;
  useEffect(() => {
    zoomRef.current?.update({ extent, range, height }, domain);
    // Tuples are compared by value: a new array with the same numbers is no change.
  }, [extent[0], extent[1], range[0], range[1], height, domain[0], domain[1]]);
}
