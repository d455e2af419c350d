/**
 * The timeline's visible time range ("domain", virtual ms) and its relation
 * to a zoom transform. Pure math: the d3-zoom wrapper converts with these so
 * the store can hold a domain (meaningful across resizes and traces) rather
 * than a pixel transform.
 */

export type Domain = readonly [number, number];
/** Pixel interval the domain maps onto. */
export type PxRange = readonly [number, number];

/** A horizontal zoom transform: screen x = k * baseX + x (d3-zoom's meaning). */
export interface HTransform {
  readonly k: number;
  readonly x: number;
}

/** Zooming in further than this many ms across the plot shows nothing new (steps take >= 1 ms). */
export const MIN_SPAN_MS = 5;
/** A trace of zero length still gets a drawable extent. */
const MIN_EXTENT_MS = 10;

/**
 * The whole trace's time range: 0 (the API accepted the evacuation) to its end.
 *
 * @example traceExtent(4376) // [0, 4376]
 */
export function traceExtent(endTime: number): Domain {
  return [0, Math.max(endTime, MIN_EXTENT_MS)];
}

const spanOf = (d: Domain): number => d[1] - d[0];

/**
 * Keep a domain inside the extent, no narrower than `minSpan`; a domain
 * that is too wide or too narrow keeps its centre.
 */
export function clampDomain(domain: Domain, extent: Domain, minSpan = MIN_SPAN_MS): Domain {
  const full = spanOf(extent);
  const span = Math.min(full, Math.max(spanOf(domain), Math.min(minSpan, full)));
  const centre = (domain[0] + domain[1]) / 2;
  const start = Math.min(Math.max(centre - span / 2, extent[0]), extent[1] - span);
  return [start, start + span];
}

/**
 * Zoom by `factor` (> 1 zooms in) keeping the time `anchor` at the same
 * place on screen.
 */
export function zoomDomain(domain: Domain, factor: number, anchor: number, extent: Domain, minSpan = MIN_SPAN_MS): Domain {
  const start = anchor - (anchor - domain[0]) / factor;
  const end = anchor + (domain[1] - anchor) / factor;
  const span = end - start;
  if (span >= minSpan || span >= spanOf(extent)) return clampDomain([start, end], extent, minSpan);
  // At the zoom limit, keep the anchor's relative position rather than the centre.
  const ratio = spanOf(domain) > 0 ? (anchor - domain[0]) / spanOf(domain) : 0.5;
  const limited = Math.min(minSpan, spanOf(extent));
  return clampDomain([anchor - ratio * limited, anchor + (1 - ratio) * limited], extent, minSpan);
}

/** Shift a domain by `deltaMs`, stopping at the extent's edges. */
export function panDomain(domain: Domain, deltaMs: number, extent: Domain): Domain {
  return clampDomain([domain[0] + deltaMs, domain[1] + deltaMs], extent, 0);
}

/** Pixels per ms when the whole extent fills the range (the zoom's base scale). */
function basePxPerMs(extent: Domain, range: PxRange): number {
  return (range[1] - range[0]) / Math.max(spanOf(extent), Number.EPSILON);
}

/** The transform that shows `domain` in `range`, relative to the base scale of `extent`. */
export function domainToTransform(domain: Domain, extent: Domain, range: PxRange): HTransform {
  const k = spanOf(extent) / Math.max(spanOf(domain), Number.EPSILON);
  const baseX = range[0] + (domain[0] - extent[0]) * basePxPerMs(extent, range);
  return { k, x: range[0] - k * baseX };
}

/** The domain a transform shows: the inverse of `domainToTransform`. */
export function transformToDomain(t: HTransform, extent: Domain, range: PxRange): Domain {
  const perMs = basePxPerMs(extent, range);
  const timeAt = (px: number): number => extent[0] + ((px - t.x) / t.k - range[0]) / perMs;
  return [timeAt(range[0]), timeAt(range[1])];
}

/** Equal within a fraction of the span: tiny float drift must not count as a change. */
export function sameDomain(a: Domain, b: Domain, tolerance = 1e-6): boolean {
  const eps = Math.max(spanOf(a), spanOf(b)) * tolerance;
  return Math.abs(a[0] - b[0]) <= eps && Math.abs(a[1] - b[1]) <= eps;
}

/** The extent grew or shrank by more than this fraction: a different scenario, start from the whole trace. */
const RESET_RATIO = 0.1;

/**
 * What the stored domain should become when a new trace arrives: kept (and
 * clamped) when the trace's extent barely moved, as while a slider nudges a
 * delay; `null` (= the whole trace) when the extent changed a lot, or when
 * the kept domain would cover all of it anyway.
 */
export function reconcileDomain(domain: Domain | null, oldExtent: Domain | null, newExtent: Domain): Domain | null {
  if (domain === null || oldExtent === null) return null;
  const change = Math.abs(spanOf(newExtent) - spanOf(oldExtent)) / Math.max(spanOf(oldExtent), Number.EPSILON);
  if (change > RESET_RATIO) return null;
  const clamped = clampDomain(domain, newExtent);
  return spanOf(clamped) >= spanOf(newExtent) ? null : clamped;
}

/** A merged group opens up to this much more than its own span. */
const GROUP_PAD = 0.15;
/** A click on a group always zooms in at least this much. */
const GROUP_MIN_ZOOM = 4;

/**
 * Where a click on a merged group (steps or marks too close to tell apart)
 * zooms: to the group with some room, or, when the group is most of what is
 * on screen already (a lane of thousands of periodic steps), by a factor
 * around the click, so a click always zooms in.
 *
 * @example groupZoomDomain([0, 30_000_000], [0, 30_000_000], [0, 30_000_000], 1_000_000)
 */
export function groupZoomDomain(group: Domain, current: Domain, extent: Domain, anchor: number): Domain {
  const pad = Math.max(spanOf(group) * GROUP_PAD, MIN_SPAN_MS);
  const target = clampDomain([group[0] - pad, group[1] + pad], extent);
  if (spanOf(target) <= spanOf(current) / GROUP_MIN_ZOOM) return target;
  return zoomDomain(current, GROUP_MIN_ZOOM, anchor, extent);
}
