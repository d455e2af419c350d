/**
 * A usage race as the screen draws it, told from the facts: every host's
 * `vcpus_used` over time against what the Nova test expects, the watched
 * host's periodic runs with their two snapshots, and when the instance was
 * visible to that host's two queries.
 */
import { factsOf, type Fact } from '../facts';
import { holdIntervals, inProgressFor, listedOn, type RaceView, runsOf, type UsageInterval, type UsageSeries } from '../race';
import type { HostMap, HostName, TraceStep, UsageOutcome, World } from '../types';

export interface UsageViewSpec {
  /** The host whose periodic the race turns on (its runs and snapshots are drawn). */
  readonly host: HostName;
  readonly uuid: string;
  readonly migrationId: number | null;
  readonly hosts: readonly HostName[];
  readonly initialUsage: HostMap<number>;
}

/** Each host's counter as intervals of one value, from the saves the facts record. */
function seriesOf(facts: readonly Fact[], spec: UsageViewSpec, expected: HostMap<number>, endTime: number): UsageSeries[] {
  return spec.hosts.map((host) => {
    const intervals: UsageInterval[] = [];
    let open = { start: 0, fromStep: null as number | null, value: spec.initialUsage[host] ?? 0 };
    for (const f of factsOf(facts, 'usage-saved')) {
      if (f.host !== host || f.vcpusUsed === open.value) continue;
      intervals.push({ ...open, end: f.time, toStep: f.step });
      open = { start: f.time, fromStep: f.step, value: f.vcpusUsed };
    }
    intervals.push({ ...open, end: endTime, toStep: null });
    return { host, expected: expected[host] ?? 0, intervals };
  });
}

/**
 * The race of a full trace of a usage race, for the screen.
 *
 * @example usageRaceView(spec, outcome, facts, steps, states, endTime).usage.series[0].intervals
 */
export function usageRaceView(
  spec: UsageViewSpec,
  outcome: UsageOutcome,
  facts: readonly Fact[],
  steps: readonly TraceStep[],
  states: readonly World[],
  endTime: number,
): RaceView {
  const deciding = outcome.times.decidingRun;
  const lostRun = (run: number): boolean => deciding !== null && deciding.host === spec.host && deciding.run === run;
  const { host, uuid, migrationId } = spec;
  return {
    host,
    uuid,
    migrationId,
    runs: runsOf(facts, host, uuid, migrationId, lostRun),
    links: [],
    freed: [],
    visibility: {
      listed: holdIntervals(steps, states, endTime, listedOn(host, uuid)),
      inProgress: migrationId === null ? [] : holdIntervals(steps, states, endTime, inProgressFor(host, migrationId)),
    },
    usage: {
      series: seriesOf(facts, spec, outcome.expectedUsage, endTime),
      finished: outcome.times.finished,
      judged: outcome.times.judged,
      restored: outcome.times.restored,
    },
  };
}
