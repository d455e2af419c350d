/**
 * Each periodic run's two database reads ("snapshot 1" = the instance list,
 * "snapshot 2" = the in-progress migration list) and whether they saw the
 * evacuated instance. A run loses the instance's PCI claim when neither
 * snapshot saw it while host2's tracker held devices for it: that is the bug.
 */
import type { HostName, Trace, World } from '../model/types';

/**
 * - `seen`: the snapshot has the instance (or its migration).
 * - `missed`: it does not, nor does the run's other snapshot, while the
 *   tracker holds the instance's devices: `clean_usage` will drop them.
 * - `gap`: it does not, but that is harmless (the other snapshot saw it, or
 *   the tracker holds nothing for it yet or any more).
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
  /** Neither snapshot saw the instance while its devices were tracked. */
  readonly lost: boolean;
}

interface RawRead {
  readonly step: number;
  readonly time: number;
  readonly seen: boolean;
  readonly tracked: boolean;
}

function trackerHolds(world: World | undefined, host: HostName, uuid: string): boolean {
  const rt = world?.hosts[host].tracker;
  return !!rt && ((rt.claims[uuid]?.length ?? 0) > 0 || (rt.allocations[uuid]?.length ?? 0) > 0);
}

function snapshotOf(raw: RawRead | undefined, which: 1 | 2, lost: boolean): Snapshot | null {
  if (!raw) return null;
  const status: SnapshotStatus = raw.seen ? 'seen' : lost ? 'missed' : 'gap';
  return { which, step: raw.step, time: raw.time, status };
}

/**
 * The periodic runs of `host` in trace order, with what their snapshots saw.
 *
 * @example periodicRuns(trace, 'host2', 'inst-A', 1)[0].lost // true in the buggy default
 */
export function periodicRuns(trace: Trace, host: HostName, uuid: string, migrationId: number): PeriodicRun[] {
  const byRun = new Map<number, { first?: RawRead; second?: RawRead }>();
  const order: number[] = [];
  for (const step of trace.steps) {
    if (step.host !== host || (step.kind !== 'instance-list' && step.kind !== 'migration-list')) continue;
    const after = trace.states[step.index + 1];
    const view = after?.hosts[host].periodic;
    if (!view) continue;
    if (!byRun.has(view.run)) {
      byRun.set(view.run, {});
      order.push(view.run);
    }
    const entry = byRun.get(view.run)!;
    // The tracker as the read found it: the claim the run would have to keep.
    const tracked = trackerHolds(trace.states[step.index], host, uuid);
    if (step.kind === 'instance-list') {
      const seen = (view.instances ?? []).some((row) => row.uuid === uuid);
      entry.first = { step: step.index, time: step.end, seen, tracked };
    } else {
      const seen = (view.migrations ?? []).some((row) => row.id === migrationId);
      entry.second = { step: step.index, time: step.end, seen, tracked };
    }
  }
  return order.map((run) => {
    const { first, second } = byRun.get(run)!;
    const seenAny = !!first?.seen || !!second?.seen;
    // The second read is where clean_usage's decision is made; a run cut short decides on the first.
    const tracked = (second ?? first)?.tracked ?? false;
    const lost = !seenAny && tracked;
    return { run, host, first: snapshotOf(first, 1, lost), second: snapshotOf(second, 2, lost), lost };
  });
}
