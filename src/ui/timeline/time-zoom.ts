/**
 * d3-zoom, wrapped once: horizontal-only zoom and pan over an SVG element,
 * reported as a time domain. The wheel zooms around the pointer (see
 * `wheelZooms` for when it scrolls the page instead), a drag pans.
 * Framework-free (the React hook creates one in one effect); d3 only listens
 * to events here and renders nothing.
 *
 * The store's domain is the truth. Gestures report a new domain through
 * `onDomain`; `update` moves d3's internal transform to the store's domain
 * without reporting back (d3 marks such programmatic changes with a null
 * `sourceEvent`), so there is no feedback loop.
 */
import { select } from 'd3-selection';
import { type D3ZoomEvent, zoom, type ZoomBehavior, zoomIdentity, zoomTransform } from 'd3-zoom';
import {
  clampDomain,
  type Domain,
  domainToTransform,
  MIN_SPAN_MS,
  type PxRange,
  sameDomain,
  transformToDomain,
} from '../../view/time-domain';
import { wheelZooms } from '../../view/wheel-policy';

export interface TimeZoomGeometry {
  /** The whole trace: the zoom's base scale and its limits. */
  readonly extent: Domain;
  /** The plot's pixel range inside the element. */
  readonly range: PxRange;
  readonly height: number;
}

export interface TimeZoom {
  /** Follow a new size, trace or stored domain (silently). */
  update(geometry: TimeZoomGeometry, domain: Domain): void;
  destroy(): void;
}

/** A press that moves less than this is still a click (a step selection), not a pan. */
const CLICK_DISTANCE_PX = 4;
/** Wheel events closer than this are one gesture. */
const WHEEL_BURST_MS = 250;

/**
 * Attach horizontal zoom and pan to `element`.
 *
 * @example const z = createTimeZoom(svg, { onDomain: (d) => store.getState().setTimeDomain(d) }); z.update(geometry, domain);
 */
/** Can the page, or a box around `element`, scroll vertically? */
function scrollableAround(element: Element): boolean {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight + 1) return true;
  }
  const page = document.scrollingElement;
  return page !== null && getComputedStyle(document.body).overflowY !== 'hidden' && page.scrollHeight > window.innerHeight + 1;
}

export interface TimeZoomEvents {
  /** Every step of a gesture. */
  readonly onDomain: (domain: Domain) => void;
  /** A gesture ended (the pointer was released, or the wheel rested for 150 ms) on this domain. */
  readonly onEnd?: (domain: Domain) => void;
  /** A wheel went to the page instead of the zoom: say how to zoom. */
  readonly onWheelPassed?: () => void;
}

export function createTimeZoom(element: Element, events: TimeZoomEvents): TimeZoom {
  const selection = select(element);
  let geometry: TimeZoomGeometry | null = null;
  // A click into the timeline engages the wheel; leaving it or scrolling the page lets the wheel go.
  let engaged = false;
  const engage = (): void => {
    engaged = true;
  };
  const release = (): void => {
    engaged = false;
  };
  element.addEventListener('pointerdown', engage);
  element.addEventListener('pointerleave', release);
  window.addEventListener('scroll', release, { capture: true, passive: true });

  // Whether the page scrolls is measured once per burst of wheel events, not for each (a forced layout each).
  let measured = { last: Number.NEGATIVE_INFINITY, scrollable: false };
  const scrollableIn = (timeStamp: number): boolean => {
    if (timeStamp - measured.last > WHEEL_BURST_MS) measured = { last: timeStamp, scrollable: scrollableAround(element) };
    measured.last = timeStamp;
    return measured.scrollable;
  };

  const toTransform = (domain: Domain) => {
    if (!geometry) return zoomIdentity;
    const t = domainToTransform(domain, geometry.extent, geometry.range);
    return zoomIdentity.translate(t.x, 0).scale(t.k);
  };

  const behavior: ZoomBehavior<Element, unknown> = zoom<Element, unknown>()
    .clickDistance(CLICK_DISTANCE_PX)
    .filter((event: Event) => {
      if (event.type === 'wheel') {
        const wheel = event as WheelEvent;
        const modifier = wheel.ctrlKey || wheel.metaKey;
        // The policy needs `scrollable` only without a modifier or engagement: measuring it forces a layout.
        const zooms = modifier || engaged || wheelZooms({ modifier, engaged, scrollable: scrollableIn(wheel.timeStamp) });
        if (!zooms) events.onWheelPassed?.();
        return zooms;
      }
      // d3's default for the rest: no Ctrl+drag, primary button only.
      const pointer = event as MouseEvent;
      return !pointer.ctrlKey && !pointer.button;
    })
    // Keep y at 0 and the visible domain inside the trace, whatever the gesture did.
    .constrain((t) => {
      if (!geometry) return t;
      const domain = transformToDomain(t, geometry.extent, geometry.range);
      return toTransform(clampDomain(domain, geometry.extent));
    })
    .on('zoom', (event: D3ZoomEvent<Element, unknown>) => {
      if (!event.sourceEvent || !geometry) return;
      events.onDomain(transformToDomain(event.transform, geometry.extent, geometry.range));
    })
    .on('end', (event: D3ZoomEvent<Element, unknown>) => {
      if (!event.sourceEvent || !geometry) return;
      events.onEnd?.(transformToDomain(event.transform, geometry.extent, geometry.range));
    });

  selection.call(behavior).on('dblclick.zoom', null);

  return {
    update(next, domain) {
      geometry = next;
      const span = next.extent[1] - next.extent[0];
      behavior
        .extent([
          [next.range[0], 0],
          [next.range[1], next.height],
        ])
        .scaleExtent([1, Math.max(1, span / MIN_SPAN_MS)]);
      const current = transformToDomain(zoomTransform(element), next.extent, next.range);
      if (!sameDomain(current, domain)) behavior.transform(selection, toTransform(domain));
    },
    destroy() {
      selection.on('.zoom', null);
      element.removeEventListener('pointerdown', engage);
      element.removeEventListener('pointerleave', release);
      window.removeEventListener('scroll', release, { capture: true });
    },
  };
}
