/**
 * One host of a usage race at the cursor, in words the card shows: its
 * `compute_nodes.vcpus_used` (what the Nova test asserts), the tracker's
 * counters and tracked sets in memory, and whether the operation has
 * finished by then with the counter wrong. Pure: tested without React.
 */
import type { HostName, Moment, World } from '../../model';

export interface UsageCardSummary {
  readonly host: HostName;
  readonly up: boolean;
  readonly guests: readonly string[];
  /** `compute_nodes.vcpus_used`, and its value before the selected step when the step changed it. */
  readonly dbUsed: number | null;
  readonly dbWas: number | null;
  /** The tracker's counter in memory (saved to the row by `_update`). */
  readonly trackerUsed: number | null;
  readonly trackerWas: number | null;
  /** What the Nova test expects once the operation has finished. */
  readonly expected: number;
  /** The cursor is at or after the moment the verdict is read. */
  readonly judged: boolean;
  /** Judged, and the row is not what the test expects. */
  readonly wrong: boolean;
  readonly trackedInstances: readonly string[];
  readonly trackedMigrations: readonly string[];
  readonly trackedChanged: boolean;
}

const trackedMigrationsOf = (w: World, host: HostName): string[] =>
  Object.entries(w.hosts[host]?.tracker.trackedMigrations ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([uuid, id]) => `${uuid} (migration ${id})`);

/**
 * @example usageCardSummary(at, before, 'host1', 0, { step: 19, time: 1080 }, 20).wrong // true in the buggy confirm
 */
export function usageCardSummary(at: World, before: World, host: HostName, expected: number, judged: Moment | null, step: number): UsageCardSummary {
  const now = at.hosts[host];
  const then = before.hosts[host];
  const dbUsed = at.db.computeNodes[host]?.vcpusUsed ?? null;
  const dbBefore = before.db.computeNodes[host]?.vcpusUsed ?? null;
  const trackerUsed = now?.tracker.computeNode?.vcpusUsed ?? null;
  const trackerBefore = then?.tracker.computeNode?.vcpusUsed ?? null;
  const isJudged = judged !== null && step >= judged.step;
  const trackedInstances = [...(now?.tracker.trackedInstances ?? [])];
  const trackedMigrations = trackedMigrationsOf(at, host);
  const trackedChanged =
    trackedInstances.join() !== (then?.tracker.trackedInstances ?? []).join() || trackedMigrations.join() !== trackedMigrationsOf(before, host).join();
  return {
    host,
    up: now?.service.up ?? false,
    guests: Object.keys(now?.guests ?? {}).sort(),
    dbUsed,
    dbWas: dbBefore !== dbUsed ? dbBefore : null,
    trackerUsed,
    trackerWas: trackerBefore !== trackerUsed ? trackerBefore : null,
    expected,
    judged: isJudged,
    wrong: isJudged && dbUsed !== expected,
    trackedInstances,
    trackedMigrations,
    trackedChanged,
  };
}
