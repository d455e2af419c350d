/**
 * What a usage race ends with: the `compute_nodes` counters when the
 * operation finished (the verdict), at the end of the run (a later periodic
 * may have restored them), how they went wrong and the moments the reason
 * is told with. Read from the facts and the final world only, so the fast
 * path and the full simulation compute it alike.
 */
import { type Fact, type FactOf, factsOf } from '../facts';
import type { HostMap, HostName, Moment, UsageMechanism, UsageOutcome, UsageRaceId, UsageRun, UsageTimes } from '../types';
import type { OutcomeInput } from './definition';

/** What a usage race tells its outcome from. */
export interface UsageSpec {
  readonly race: UsageRaceId;
  readonly hosts: readonly HostName[];
  /** `vcpus_used` per host at time 0. */
  readonly initialUsage: HostMap<number>;
  /** What the Nova test asserts once the operation has finished. */
  readonly expected: HostMap<number>;
  /** The operation's writes the periodic races with, in the order they can happen. */
  racingWrites(facts: readonly Fact[]): { readonly opened: Moment | null; readonly closed: Moment | null; readonly all: readonly Moment[] };
  /** How it went wrong (asked only when it did), and the run behind it. */
  mechanism(facts: readonly Fact[], runs: readonly UsageRun[], times: Omit<UsageTimes, 'decidingRun' | 'margin' | 'mechanism'>): {
    readonly mechanism: UsageMechanism;
    readonly run: UsageRun | null;
  };
  /** The race's own bug. */
  readonly bugMechanism: UsageMechanism;
}

export const moment = (f: { readonly time: number; readonly step: number }): Moment => ({ time: f.time, step: f.step });

/** Every periodic run of the trace, per host: its two reads and its save. */
export function usageRuns(facts: readonly Fact[]): UsageRun[] {
  const runs = new Map<string, { host: HostName; run: number; instanceRead: Moment | null; migrationRead: Moment | null; saved: Moment | null }>();
  const entry = (host: HostName, run: number) => {
    const key = `${host}|${run}`;
    let e = runs.get(key);
    if (!e) runs.set(key, (e = { host, run, instanceRead: null, migrationRead: null, saved: null }));
    return e;
  };
  for (const f of facts) {
    if (f.type === 'instance-list') entry(f.host, f.run).instanceRead = moment(f);
    else if (f.type === 'migration-list') entry(f.host, f.run).migrationRead = moment(f);
    else if (f.type === 'usage-saved' && f.run !== null) entry(f.host, f.run).saved = moment(f);
  }
  return [...runs.values()];
}

/** The counters after replaying every save up to and including `step`. */
function usageAt(facts: readonly Fact[], initial: HostMap<number>, step: number): Record<string, number> {
  const usage: Record<string, number> = { ...initial };
  for (const f of facts) {
    if (f.step > step) break;
    if (f.type === 'usage-saved') usage[f.host] = f.vcpusUsed;
  }
  return usage;
}

function matches(usage: HostMap<number>, expected: HostMap<number>, hosts: readonly HostName[]): boolean {
  return hosts.every((h) => usage[h] === expected[h]);
}

/** The finish, or the end of the last periodic run that had begun by then (its save still lands). */
function judgedMoment(finished: Moment, runs: readonly UsageRun[]): Moment {
  let judged = finished;
  for (const run of runs) {
    const began = run.instanceRead ?? run.migrationRead;
    if (began && began.step < finished.step && run.saved && run.saved.step > judged.step) judged = run.saved;
  }
  return judged;
}

function restoredMoment(facts: readonly Fact[], spec: UsageSpec, judged: Moment): Moment | null {
  const usage = usageAt(facts, spec.initialUsage, judged.step);
  for (const f of factsOf(facts, 'usage-saved')) {
    if (f.step <= judged.step) continue;
    usage[f.host] = f.vcpusUsed;
    if (matches(usage, spec.expected, spec.hosts)) return moment(f);
  }
  return null;
}

/** The nearest periodic read to one of the racing writes, signed by the verdict. */
function marginOf(runs: readonly UsageRun[], writes: readonly Moment[], judged: Moment, lost: boolean): number | null {
  let nearest: number | null = null;
  for (const run of runs) {
    for (const read of [run.instanceRead, run.migrationRead]) {
      if (!read || read.step > judged.step) continue;
      for (const write of writes) {
        const d = Math.abs(read.time - write.time);
        if (nearest === null || d < nearest) nearest = d;
      }
    }
  }
  return nearest === null ? null : lost ? nearest : -nearest;
}

function droppedOf(facts: readonly Fact[]): UsageTimes['dropped'] {
  const drop = facts.find((f): f is FactOf<'claim-dropped'> => f.type === 'claim-dropped');
  return drop ? { ...moment(drop), host: drop.host, found: drop.found, vcpus: drop.vcpus } : null;
}

/**
 * The outcome of a usage race.
 *
 * @example usageOutcome(CONFIRM_SPEC, input).usage // { host1: -1, host2: 1 } for the Nova test's buggy case
 */
export function usageOutcome(spec: UsageSpec, input: OutcomeInput): UsageOutcome {
  const { facts, world } = input;
  const usage: Record<string, number> = {};
  for (const h of spec.hosts) usage[h] = world.db.computeNodes[h]?.vcpusUsed ?? 0;
  const finishedFact = facts.find((f) => f.type === 'operation-finished');
  const finished = finishedFact ? moment(finishedFact) : null;
  const runs = usageRuns(facts);
  const writes = spec.racingWrites(facts);
  const base = {
    race: spec.race,
    usage,
    expectedUsage: spec.expected,
    stopped: input.stopped,
    steps: input.steps,
    endTime: input.endTime,
    clock: input.clock,
  };
  if (!finished) {
    const times: UsageTimes = {
      finished: null, judged: null, windowOpened: writes.opened, windowClosed: writes.closed, dropped: droppedOf(facts),
      decidingRun: null, restored: null, margin: null,
    };
    return { ...base, verdict: 'incomplete', bugReproduced: false, mechanism: null, usageWhenFinished: null, times };
  }
  const judged = judgedMoment(finished, runs);
  const atJudge = usageAt(facts, spec.initialUsage, judged.step);
  const whenFinished: Record<string, number> = {};
  for (const h of spec.hosts) whenFinished[h] = atJudge[h] ?? 0;
  const lost = !matches(whenFinished, spec.expected, spec.hosts);
  const partial = {
    finished, judged, windowOpened: writes.opened, windowClosed: writes.closed, dropped: droppedOf(facts),
    restored: lost ? restoredMoment(facts, spec, judged) : null,
  };
  const told = lost ? spec.mechanism(facts, runs, partial) : null;
  const times: UsageTimes = { ...partial, decidingRun: told?.run ?? null, margin: marginOf(runs, writes.all, judged, lost) };
  const mechanism = told?.mechanism ?? null;
  return {
    ...base,
    verdict: lost ? 'lost' : 'kept',
    bugReproduced: mechanism === spec.bugMechanism,
    mechanism,
    usageWhenFinished: whenFinished,
    times,
  };
}
