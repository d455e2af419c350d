/**
 * The race as the screen draws it, told from the facts: each host2 periodic
 * run's two snapshots and whether they saw the evacuee, which run freed its
 * device, the reads that raced with the evacuation's writes, and when the
 * evacuee was visible to host2's two queries at all. The view draws these;
 * it never decides on its own what was lost.
 */
import { inProgressMigrations, instancesOnHost } from './database';
import { type Fact, type FactOf, factsOf } from './facts';
import type { HostName, Moment, TraceStep, World } from './types';
import { DEST_HOST, EVACUATION_MIGRATION_ID, EVACUEE } from './world';
import { FINISHED_MIGRATION_STATUSES } from './database';

/**
 * - `seen`: the snapshot has the instance (or its migration).
 * - `missed`: it does not, and the run freed the instance's devices: this is
 *   a read that lost the claim.
 * - `gap`: it does not, but that was harmless (the other snapshot saw it, or
 *   the tracker held nothing for it).
 */
export type SnapshotStatus = 'seen' | 'missed' | 'gap';

export interface Snapshot {
  readonly which: 1 | 2;
  readonly step: number;
  /** When the read took effect (the step's end). */
  readonly time: number;
  readonly status: SnapshotStatus;
}

export interface PeriodicRun {
  readonly run: number;
  readonly host: HostName;
  readonly first: Snapshot | null;
  readonly second: Snapshot | null;
  /** This run's `clean_usage` freed the watched instance's devices. */
  readonly lost: boolean;
}

export interface RaceLink {
  readonly which: 1 | 2;
  readonly run: number;
  /** The periodic's read. */
  readonly read: number;
  /** The write it is compared with: host=host2 saved (1), or the migration leaving "in progress" (2). */
  readonly write: number;
  readonly readTime: number;
  readonly writeTime: number;
  /** The read missed the write: came before host=host2 was saved, or after the migration finished. */
  readonly stale: boolean;
  /** Stale, but the run kept the device (its other read caught the evacuation). */
  readonly harmless: boolean;
}

/** A device `clean_usage` freed, and why: the run's two reads did not list its instance. */
export interface Freed extends Moment {
  readonly host: HostName;
  readonly uuid: string;
  readonly address: string;
  readonly was: 'claimed' | 'allocated';
  readonly run: number;
  readonly thread: FactOf<'pci-freed'>['thread'];
  readonly instanceRead: Moment | null;
  readonly migrationRead: Moment | null;
}

/** A stretch of time during which a condition held. */
export interface Interval {
  readonly start: number;
  readonly end: number;
  /** The step that made it true; `null` = true from the start. */
  readonly fromStep: number | null;
  /** The step that made it false; `null` = still true when the trace ends. */
  readonly toStep: number | null;
}

export interface Visibility {
  /** `InstanceList.get_by_host_and_node(host2)` would list the evacuee. */
  readonly listed: readonly Interval[];
  /** `MigrationList.get_in_progress_and_error(host2)` would return its migration. */
  readonly inProgress: readonly Interval[];
}

/** A stretch of time during which a host's `compute_nodes.vcpus_used` had one value. */
export interface UsageInterval extends Interval {
  readonly value: number;
}

/** One host's counter over the trace, and what the Nova test expects once the operation has finished. */
export interface UsageSeries {
  readonly host: HostName;
  readonly expected: number;
  readonly intervals: readonly UsageInterval[];
}

/** The usage races: every host's counter over time, and the moments the verdict turns on. */
export interface UsageView {
  readonly series: readonly UsageSeries[];
  /** The operation's last step. */
  readonly finished: Moment | null;
  /** Where the verdict was read (the finish, or the end of a periodic run under way then). */
  readonly judged: Moment | null;
  /** A later periodic brought every host back to the expected usage. */
  readonly restored: Moment | null;
}

export interface RaceView {
  /** The host whose periodic races with the operation, and what it watches. */
  readonly host: HostName;
  readonly uuid: string;
  /** The racing migration; `null` for an operation without one (an unshelve). */
  readonly migrationId: number | null;
  readonly runs: readonly PeriodicRun[];
  readonly links: readonly RaceLink[];
  /** Every device freed by `clean_usage`, on any host. */
  readonly freed: readonly Freed[];
  readonly visibility: Visibility;
  /** The usage counters over time (the usage races); `null` for #1896463, which counts PCI devices. */
  readonly usage: UsageView | null;
}

interface RunFacts {
  instanceList?: FactOf<'instance-list'>;
  migrationList?: FactOf<'migration-list'>;
  freedWatched: boolean;
}

export function runsOf(
  facts: readonly Fact[],
  host: HostName,
  uuid: string,
  migrationId: number | null,
  lostRun: (run: number) => boolean = () => false,
): PeriodicRun[] {
  const byRun = new Map<number, RunFacts>();
  const entry = (run: number): RunFacts => {
    let e = byRun.get(run);
    if (!e) byRun.set(run, (e = { freedWatched: false }));
    return e;
  };
  for (const f of facts) {
    if (f.type === 'instance-list' && f.host === host) entry(f.run).instanceList = f;
    else if (f.type === 'migration-list' && f.host === host) entry(f.run).migrationList = f;
    else if (f.type === 'pci-freed' && f.host === host && f.uuid === uuid) entry(f.run).freedWatched = true;
  }
  for (const [run, e] of byRun) if (lostRun(run)) e.freedWatched = true;
  return [...byRun.entries()].map(([run, e]) => {
    const status = (seen: boolean): SnapshotStatus => (seen ? 'seen' : e.freedWatched ? 'missed' : 'gap');
    const first = e.instanceList
      ? { which: 1 as const, step: e.instanceList.step, time: e.instanceList.time, status: status(e.instanceList.uuids.includes(uuid)) }
      : null;
    const second = e.migrationList
      ? {
          which: 2 as const,
          step: e.migrationList.step,
          time: e.migrationList.time,
          status: status(e.migrationList.migrations.some((m) => m.id === migrationId)),
        }
      : null;
    return { run, host, first, second, lost: e.freedWatched };
  });
}

function freedOf(facts: readonly Fact[]): Freed[] {
  return factsOf(facts, 'pci-freed').map((f) => {
    const read = (type: 'instance-list' | 'migration-list'): Moment | null => {
      let found: Moment | null = null;
      for (const r of facts) {
        if (r.step > f.step) break;
        if (r.type === type && r.host === f.host && r.run === f.run) found = { time: r.time, step: r.step };
      }
      return found;
    };
    return {
      time: f.time, step: f.step, host: f.host, uuid: f.uuid, address: f.address, was: f.was, run: f.run, thread: f.thread,
      instanceRead: read('instance-list'), migrationRead: read('migration-list'),
    };
  });
}

/**
 * Links for the runs that overlap the evacuation (from its claim to its last
 * racing write): snapshot 1 against the host save, snapshot 2 against the
 * write that took the migration out of "in progress". Steps are numbered in
 * the order they took effect, so index order is "happened before".
 */
function linksOf(facts: readonly Fact[], steps: readonly TraceStep[], runs: readonly PeriodicRun[], watched: Watched): RaceLink[] {
  const { uuid, migrationId } = watched;
  const claim = facts.find((f) => f.type === 'claim' && f.uuid === uuid && f.host === DEST_HOST);
  if (!claim) return [];
  const saved = facts.find((f) => f.type === 'instance-host' && f.uuid === uuid && f.to === DEST_HOST);
  const finished = facts.find(
    (f) => f.type === 'migration-status' && f.id === migrationId && f.step > claim.step && FINISHED_MIGRATION_STATUSES.includes(f.to),
  );
  const windowStart = steps[claim.step]?.start ?? claim.time;
  const windowEnd = Math.max(claim.time, saved?.time ?? 0, finished?.time ?? 0);
  const links: RaceLink[] = [];
  for (const run of runs) {
    const runStart = steps[(run.first ?? run.second)?.step ?? -1]?.start;
    const runEnd = (run.second ?? run.first)?.time;
    if (runStart === undefined || runEnd === undefined || runStart > windowEnd || runEnd < windowStart) continue;
    if (run.first && saved) {
      const stale = run.first.step < saved.step;
      links.push({ which: 1, run: run.run, read: run.first.step, write: saved.step, readTime: run.first.time, writeTime: saved.time, stale, harmless: stale && !run.lost });
    }
    if (run.second && finished) {
      const stale = run.second.step > finished.step;
      links.push({ which: 2, run: run.run, read: run.second.step, write: finished.step, readTime: run.second.time, writeTime: finished.time, stale, harmless: stale && !run.lost });
    }
  }
  return links;
}

/**
 * Where the database condition `holds` is true across the trace. Step `i`
 * takes effect at its end time, turning `states[i]` into `states[i + 1]`.
 * `holds` must read only `world.db` (worlds whose db is the same object are
 * not asked again).
 */
export function holdIntervals(
  steps: readonly TraceStep[],
  states: readonly World[],
  endTime: number,
  holds: (world: World) => boolean,
): Interval[] {
  const out: Interval[] = [];
  const first = states[0];
  if (!first) return out;
  let open: { start: number; fromStep: number | null } | null = holds(first) ? { start: 0, fromStep: null } : null;
  let previousDb = first.db;
  let previous = open !== null;
  steps.forEach((step, i) => {
    const world = states[i + 1];
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
  if (open) out.push({ start: open.start, end: endTime, fromStep: open.fromStep, toStep: null });
  return out;
}

/** `InstanceList.get_by_host_and_node(host)` would return the instance. */
export const listedOn = (host: HostName, uuid: string) => (w: World): boolean => instancesOnHost(w, host).includes(uuid);

/** `MigrationList.get_in_progress_and_error(host)` would return the migration. */
export const inProgressFor = (host: HostName, migrationId: number) => (w: World): boolean =>
  inProgressMigrations(w, host).some((m) => m.id === migrationId);

/** The evacuee whose race the view tells: `inst-A`, or with two evacuees the first one lost. */
export interface Watched {
  readonly uuid: string;
  readonly migrationId: number;
}

const FIRST_EVACUEE: Watched = { uuid: EVACUEE, migrationId: EVACUATION_MIGRATION_ID };

/**
 * The race of a full trace, for the screen.
 *
 * @example raceView(facts, steps, states, endTime).runs[0].lost // true in the buggy default
 */
export function raceView(
  facts: readonly Fact[],
  steps: readonly TraceStep[],
  states: readonly World[],
  endTime: number,
  watched: Watched = FIRST_EVACUEE,
): RaceView {
  const host: HostName = DEST_HOST;
  const { uuid, migrationId } = watched;
  const runs = runsOf(facts, host, uuid, migrationId);
  return {
    host,
    uuid,
    migrationId,
    runs,
    links: linksOf(facts, steps, runs, watched),
    freed: freedOf(facts),
    visibility: {
      listed: holdIntervals(steps, states, endTime, listedOn(host, uuid)),
      inProgress: holdIntervals(steps, states, endTime, inProgressFor(host, migrationId)),
    },
    usage: null,
  };
}
