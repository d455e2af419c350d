/**
 * Which part of the trace's time the timeline shows, as state: the stored
 * domain is `null` for the default view, or the range the user zoomed to (or
 * that a link asked for). Decided here, when a trace arrives, rather than in
 * a component's effect after it has drawn.
 */
import type { Trace } from '../model/types';
import { openingDomain } from '../view/race-span';
import { clampDomain, type Domain, reconcileDomain, sameDomain, traceExtent } from '../view/time-domain';

/** A range from the URL waiting for the trace it belongs to (`domain: null`: the default view). */
export interface PendingDomain {
  readonly domain: Domain | null;
}

/** The view `trace` opens on when nothing else is asked for: the whole trace, or the race in a long one. */
export function defaultDomain(trace: Trace): Domain {
  return openingDomain(trace);
}

/**
 * A range that shows `trace`: clamped into it, and `null` when that is just
 * the default view (so the URL leaves it out).
 *
 * @example fitDomain([0, 1e9], trace) // null: the whole trace is the default
 */
export function fitDomain(domain: Domain | null, trace: Trace): Domain | null {
  if (domain === null) return null;
  const clamped = clampDomain(domain, traceExtent(trace.endTime));
  return sameDomain(clamped, defaultDomain(trace)) ? null : clamped;
}

/**
 * The stored domain once `trace` replaces `old`: a range a link asked for
 * wins; else the user's zoom is kept while a slider nudges the trace, and
 * dropped when the trace changed a lot (see `reconcileDomain`).
 */
export function nextTimeDomain(current: Domain | null, pending: PendingDomain | null, old: Trace | null, trace: Trace): Domain | null {
  if (pending !== null) return fitDomain(pending.domain, trace);
  const kept = reconcileDomain(current, old ? traceExtent(old.endTime) : null, traceExtent(trace.endTime));
  return fitDomain(kept, trace);
}
