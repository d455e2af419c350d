/**
 * "What host2's periodic can see": over the trace's states, when the
 * evacuated instance is in host2's instance list, when its migration is in
 * host2's in-progress migration list, and what each periodic run's two
 * snapshots actually saw. The model's own query functions decide membership,
 * so the strip and the simulation cannot disagree.
 */
import { inProgressMigrations, instancesOnHost } from '../model/database';
import type { HostName, Trace, World } from '../model/types';

/** A stretch of time during which a condition held. */
export interface Interval {
  readonly start: number;
  readonly end: number;
  /** The step that made it true; `null` = true from the start. */
  readonly fromStep: number | null;
  /** The step that made it false; `null` = still true when the trace ends. */
  readonly toStep: number | null;
}

/**
 * Where the database condition `holds` is true across the trace. Step `i`
 * takes effect at its end time, turning `states[i]` into `states[i + 1]`.
 * `holds` must read only `world.db` (worlds whose db is the same object are
 * not asked again).
 *
 * @example holdIntervals(trace, listedOn('host2', 'inst-A'))
 */
export function holdIntervals(trace: Trace, holds: (world: World) => boolean): Interval[] {
  const out: Interval[] = [];
  const first = trace.states[0];
  if (!first) return out;
  let open: { start: number; fromStep: number | null } | null = holds(first) ? { start: 0, fromStep: null } : null;
  let previousDb = first.db;
  let previous = open !== null;
  trace.steps.forEach((step, i) => {
    const world = trace.states[i + 1];
    if (!world) return;
    // Worlds share unchanged parts; a step that left the database alone cannot change a DB query.
    const now = world.db === previousDb ? previous : holds(world);
    previousDb = world.db;
    if (now && !previous) open = { start: step.end, fromStep: i };
    if (!now && previous && open) {
      out.push({ start: open.start, end: step.end, fromStep: open.fromStep, toStep: i });
      open = null;
    }
    previous = now;
  });
  if (open) out.push({ start: open.start, end: trace.endTime, fromStep: open.fromStep, toStep: null });
  return out;
}

/** `InstanceList.get_by_host_and_node(host)` would return the instance. */
export const listedOn = (host: HostName, uuid: string) => (w: World): boolean => instancesOnHost(w, host).includes(uuid);

/** `MigrationList.get_in_progress_and_error(host)` would return the migration. */
export const inProgressFor = (host: HostName, migrationId: number) => (w: World): boolean =>
  inProgressMigrations(w, host).some((m) => m.id === migrationId);

/** Is `t` inside one of the intervals (ends inclusive: a read at the same ms as a write is ordered by step). */
export function covers(intervals: readonly Interval[], t: number): boolean {
  return intervals.some((iv) => t >= iv.start && t <= iv.end);
}

export interface Visibility {
  readonly listed: readonly Interval[];
  readonly inProgress: readonly Interval[];
}

/**
 * The two bars of the strip for one instance and its migration, as seen by
 * one host's periodic.
 *
 * @example visibility(trace, 'host2', 'inst-A', 1).listed
 */
export function visibility(trace: Trace, host: HostName, uuid: string, migrationId: number): Visibility {
  return {
    listed: holdIntervals(trace, listedOn(host, uuid)),
    inProgress: holdIntervals(trace, inProgressFor(host, migrationId)),
  };
}
