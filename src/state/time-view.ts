/**
 * Which part of the trace's time the timeline shows, as state: the stored
 * domain is `null` for the default view, or the range the user zoomed to (or
 * that a link asked for). Decided here, when a trace arrives, rather than in
 * a component's effect after it has drawn.
 */
import type { TraceView } from '../model';
import { unionExtent } from '../view/compare-diff';
import { openingDomainOf } from '../view/race-span';
import { clampDomain, type Domain, reconcileDomain, sameDomain, traceExtent } from '../view/time-domain';
import type { AppState } from './store';

/** A range from the URL waiting for the trace it belongs to (`domain: null`: the default view). */
export interface PendingDomain {
  readonly domain: Domain | null;
}

/** The traces on one time axis: the trace, and the other variant's while comparing. */
export function tracesOnScreen(s: Pick<AppState, 'trace' | 'compare' | 'compareTrace'>): TraceView[] {
  const out: TraceView[] = [];
  if (s.trace) out.push(s.trace);
  if (s.compare && s.compareTrace) out.push(s.compareTrace);
  return out;
}

/** The view the traces open on when nothing else is asked for: all of it, or the race in a long trace. */
export function defaultDomain(traces: readonly TraceView[]): Domain {
  return openingDomainOf(traces);
}

/**
 * A range that shows the traces: clamped into them, and `null` when that is
 * just the default view (so the URL leaves it out).
 *
 * @example fitDomain([0, 1e9], [trace]) // null: the whole Nova test is its default view
 */
export function fitDomain(domain: Domain | null, traces: readonly TraceView[]): Domain | null {
  if (domain === null || traces.length === 0) return domain;
  const clamped = clampDomain(domain, unionExtent(traces));
  return sameDomain(clamped, defaultDomain(traces)) ? null : clamped;
}

/**
 * The stored domain once `trace` replaces `old`: a range a link asked for
 * wins; else the user's zoom is kept while a slider nudges the trace, and
 * dropped when the trace changed a lot (see `reconcileDomain`).
 */
export function nextTimeDomain(current: Domain | null, pending: PendingDomain | null, old: TraceView | null, trace: TraceView): Domain | null {
  if (pending !== null) return fitDomain(pending.domain, [trace]);
  const kept = reconcileDomain(current, old ? traceExtent(old.endTime) : null, traceExtent(trace.endTime));
  return fitDomain(kept, [trace]);
}
