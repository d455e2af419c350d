/**
 * What a run ends with: the Nova test's count, whether the evacuation
 * finished, how the allocation was lost, and the moments the verdict is told
 * with. Read from the facts, the lock spans and the final world only, so the
 * fast path (no trace kept) and the full simulation compute it alike.
 */
import { allocationMissing, FINISHED_MIGRATION_STATUSES, pciAllocatedCount } from './database';
import type { Fact, FactOf } from './facts';
import type { OutcomeInput } from './races/definition';
import type { EvacueeOutcome, Mechanism, Moment, OutcomeTimes, PciOutcome } from './types';
import { DEST_HOST, type Evacuee, EVACUATION_MIGRATION_ID, EVACUEES, evacueesOf, SOURCE_HOST } from './world';

export type { OutcomeInput };

const moment = (f: { readonly time: number; readonly step: number }): Moment => ({ time: f.time, step: f.step });

/** The host2 periodic run's read of `type` that belongs to the same run as `after`, before it. */
function readOfRun<T extends 'instance-list' | 'migration-list'>(
  facts: readonly Fact[],
  type: T,
  run: { readonly host: string; readonly run: number; readonly step: number },
): FactOf<T> | undefined {
  let found: FactOf<T> | undefined;
  for (const f of facts) {
    if (f.step > run.step) break;
    if ((f.type === 'instance-list' || f.type === 'migration-list') && f.type === type && f.host === run.host && f.run === run.run) {
      found = f as FactOf<T>;
    }
  }
  return found;
}

/** An evacuation migration's status just before `step` (by default `inst-A`'s), and which thread set it. */
export function migrationStatusBefore(facts: readonly Fact[], step: number, migrationId = EVACUATION_MIGRATION_ID): FactOf<'migration-status'> | null {
  let status: FactOf<'migration-status'> | null = null;
  for (const f of facts) {
    if (f.step >= step) break;
    if (f.type === 'migration-status' && f.id === migrationId) status = f;
  }
  return status;
}

function outcomeTimes(input: OutcomeInput, evacuee: Evacuee): OutcomeTimes {
  const { facts } = input;
  const { uuid, migrationId } = evacuee;
  const claimFact = facts.find((f): f is FactOf<'claim'> => f.type === 'claim' && f.uuid === uuid && f.host === DEST_HOST);
  // Literals rather than `{ ...moment(f), more }` and one filter per query: sweeps compute this for every run.
  const claim = claimFact ? { time: claimFact.time, step: claimFact.step, ok: claimFact.ok } : null;
  const afterClaim = claim?.step ?? Number.POSITIVE_INFINITY;
  const saved = facts.find((f) => f.type === 'instance-host' && f.uuid === uuid && f.to === DEST_HOST);
  const finished = facts.find(
    (f): f is FactOf<'migration-status'> =>
      f.type === 'migration-status' && f.id === migrationId && f.step > afterClaim &&
      FINISHED_MIGRATION_STATUSES.includes(f.to),
  );
  const freedFact = facts.find(
    (f): f is FactOf<'pci-freed'> => f.type === 'pci-freed' && f.host === DEST_HOST && f.uuid === uuid && f.step > afterClaim,
  );
  const freed = freedFact
    ? {
        time: freedFact.time,
        step: freedFact.step,
        address: freedFact.address,
        instanceRead: ((r) => (r ? moment(r) : null))(readOfRun(facts, 'instance-list', freedFact)),
        migrationRead: ((r) => (r ? moment(r) : null))(readOfRun(facts, 'migration-list', freedFact)),
      }
    : null;
  const reads = facts.filter(
    (f): f is FactOf<'instance-list'> => f.type === 'instance-list' && f.host === DEST_HOST && f.step > afterClaim,
  );
  const stale = reads.find((f) => saved === undefined || f.step < saved.step);
  const staleMigrationRead = stale
    ? facts.find(
        (f): f is FactOf<'migration-list'> =>
          f.type === 'migration-list' && f.host === DEST_HOST && f.run === stale.run && f.step > stale.step,
      )
    : undefined;
  const finishWait = input.lockSpans.find(
    (s) => s.thread === evacuee.lane && claim !== null && s.requestedAt >= claim.time && s.acquiredAt > s.requestedAt,
  );
  return {
    claim,
    hostSaved: saved ? moment(saved) : null,
    migrationFinished: finished ? { time: finished.time, step: finished.step, status: finished.to } : null,
    freed,
    nearMiss: stale ? { instanceRead: moment(stale), migrationRead: staleMigrationRead ? moment(staleMigrationRead) : null } : null,
    readsAfterClaim: reads.length,
    finishWaitedUntil: finishWait ? finishWait.acquiredAt : null,
  };
}

function mechanismOf(facts: readonly Fact[], times: OutcomeTimes, evacuee: Evacuee): Mechanism {
  const read = times.freed?.migrationRead;
  if (!read) return 'unexplained';
  const status = migrationStatusBefore(facts, read.step, evacuee.migrationId);
  if (status?.to === 'done') return 'stale-snapshots';
  if (status?.to === 'completed' && status.thread === 'host1-restart') return 'migration-completed-by-source';
  return 'unexplained';
}

/** One evacuee's outcome: what the Nova test would assert of it. */
function evacueeOutcome(input: OutcomeInput, evacuee: Evacuee): EvacueeOutcome & { readonly times: OutcomeTimes } {
  const { facts, world } = input;
  const { uuid, migrationId, lane } = evacuee;
  const times = outcomeTimes(input, evacuee);
  const pciAllocated = {
    host1: pciAllocatedCount(world, uuid, SOURCE_HOST),
    host2: pciAllocatedCount(world, uuid, DEST_HOST),
  };
  const instanceHost = world.db.instances[uuid]?.host ?? null;
  const finished =
    times.claim !== null &&
    (!times.claim.ok || facts.some((f) => f.type === 'migration-status' && f.id === migrationId && f.to === 'done' && f.thread === lane));
  const allocationLost = finished && allocationMissing(world, uuid, DEST_HOST);
  const mechanism = allocationLost ? mechanismOf(facts, times, evacuee) : null;
  const verdict = !finished ? 'incomplete' : allocationLost ? 'lost' : 'kept';
  return { uuid, verdict, allocationLost, mechanism, pciAllocated, instanceHost, times };
}

/**
 * The outcome of a run. With one evacuee, `inst-A`'s. With two, lost when
 * either evacuee ended on host2 without its allocation (else incomplete when
 * either did not finish, else kept); `pciAllocated` and `instanceHost` stay
 * `inst-A`'s, the mechanism and moments are those of the first evacuee lost
 * (else `inst-A`'s), and `evacuees` and `lostInstances` say which.
 *
 * @example computeOutcome({ facts, lockSpans, world, stopped: null, steps: 26, endTime: 4376, clock: 'ms' }).verdict // 'lost'
 */
export function computeOutcome(input: OutcomeInput): PciOutcome {
  const evacuees = evacueesOf(input.world);
  const first = evacueeOutcome(input, EVACUEES[0]);
  const run = { stopped: input.stopped, steps: input.steps, endTime: input.endTime, clock: input.clock };
  if (evacuees.length === 1) {
    const { verdict, allocationLost, mechanism, pciAllocated, instanceHost, times } = first;
    return { verdict, allocationLost, bugReproduced: mechanism === 'stale-snapshots', mechanism, pciAllocated, instanceHost, times, ...run };
  }
  const each = evacuees.map((e) => (e === EVACUEES[0] ? first : evacueeOutcome(input, e)));
  const lost = each.filter((o) => o.allocationLost);
  const told = lost[0] ?? first;
  const verdict = lost.length > 0 ? 'lost' : each.some((o) => o.verdict === 'incomplete') ? 'incomplete' : 'kept';
  return {
    verdict,
    allocationLost: lost.length > 0,
    bugReproduced: lost.some((o) => o.mechanism === 'stale-snapshots'),
    mechanism: told.allocationLost ? told.mechanism : null,
    pciAllocated: first.pciAllocated,
    instanceHost: first.instanceHost,
    times: told.times,
    ...run,
    evacuees: each.map(({ times: _times, ...o }) => o),
    lostInstances: lost.map((o) => o.uuid),
  };
}
