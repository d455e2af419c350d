/**
 * Where the race is in a trace: from host2's first snapshot of the evacuated
 * instance (the first read of a periodic run that overlaps the evacuation)
 * to the moment the run frees its VF, or, when nothing is freed (the fix),
 * to the evacuation's host save. The timeline zooms to it on request, and
 * opens on it when the whole trace would squeeze it into a few pixels.
 */
import { isUsageOutcome, type TraceView } from '../model';
import { clampDomain, type Domain, traceExtent } from './time-domain';

/** Room around the race when it is framed: a share of its span, at least this many ms. */
const PAD_SHARE = 0.08;
const MIN_PAD_MS = 20;
/** Open on the race when the whole trace would give it less than this share of the width. */
export const FRAME_BELOW_SHARE = 1 / 3;

const cache = new WeakMap<TraceView, Domain | null>();

/**
 * The race's time span, or `null` when the evacuation never reached its claim.
 *
 * @example raceSpan(simulate(defaultScenario())) // [2343, 4366]: snapshot 1's read to the free
 */
export function raceSpan(trace: TraceView): Domain | null {
  if (cache.has(trace)) return cache.get(trace)!;
  const span = computeRaceSpan(trace);
  cache.set(trace, span);
  return span;
}

/** A usage race: from the window's opening (or the deciding periodic's first read, if earlier) to the verdict. */
function usageRaceSpan(trace: TraceView): Domain | null {
  const { verdict } = trace;
  if (!isUsageOutcome(verdict)) return null;
  const { windowOpened, judged, decidingRun, windowClosed } = verdict.times;
  const opened = windowOpened ? trace.steps[windowOpened.step] : undefined;
  if (!opened) return null;
  const firstRead = decidingRun?.instanceRead ?? decidingRun?.migrationRead;
  const start = Math.min(opened.start, firstRead ? (trace.steps[firstRead.step]?.start ?? opened.start) : opened.start);
  const end = Math.max(judged?.time ?? 0, windowClosed?.time ?? 0, opened.end);
  return [start, Math.max(end, start + 1)];
}

function computeRaceSpan(trace: TraceView): Domain | null {
  if (isUsageOutcome(trace.verdict)) return usageRaceSpan(trace);
  const { claim: claimed, hostSaved, freed } = trace.verdict.times;
  const claim = claimed ? trace.steps[claimed.step] : undefined;
  if (!claim) return null;
  const firstRead = trace.race.links.find((link) => link.which === 1);
  const start = firstRead ? trace.steps[firstRead.read]!.start : claim.start;
  const end = freed?.time ?? hostSaved?.time ?? claim.end;
  return [start, Math.max(end, start + 1)];
}

/**
 * The race with some room around it, inside the trace.
 *
 * @example raceFraming(trace) // about [2181, 4528] for the Nova test
 */
export function raceFraming(trace: TraceView): Domain | null {
  const span = raceSpan(trace);
  if (!span) return null;
  const pad = Math.max((span[1] - span[0]) * PAD_SHARE, MIN_PAD_MS);
  return clampDomain([span[0] - pad, span[1] + pad], traceExtent(trace.endTime));
}

/**
 * What the timeline opens on: the whole trace, or the race when the whole
 * trace would make it smaller than a third of the width (long production
 * traces, where it fills a few pixels of an 8-hour axis).
 */
export function openingDomain(trace: TraceView): Domain {
  return openingDomainOf([trace]);
}

/**
 * The same for traces drawn on one axis (buggy and fixed side by side): the
 * races of all of them, framed together, or everything.
 */
export function openingDomainOf(traces: readonly TraceView[]): Domain {
  const extent = traceExtent(Math.max(0, ...traces.map((t) => t.endTime)));
  const race = raceFramingOf(traces);
  if (!race) return extent;
  return race[1] - race[0] < (extent[1] - extent[0]) * FRAME_BELOW_SHARE ? race : extent;
}

/** The races of traces drawn on one axis, framed together; `null` when none has a race. */
export function raceFramingOf(traces: readonly TraceView[]): Domain | null {
  const races = traces.map(raceFraming).filter((d): d is Domain => d !== null);
  if (races.length === 0) return null;
  return [Math.min(...races.map((d) => d[0])), Math.max(...races.map((d) => d[1]))];
}
