/**
 * The verdict's one-line reason, told from the outcome's moments (the
 * outcome itself is only ever the database count; see `outcome.ts`).
 */
import type { PciOutcome, PciVerdict } from './types';
import { DEST_HOST, EVACUEE } from './world';

const DEST = DEST_HOST;

function teller(outcome: PciOutcome): (t: number) => string {
  return outcome.clock === 'ms' ? (t) => `${t} ms` : (t) => `step ${t}`;
}

function incompleteReason(o: PciOutcome, at: (t: number) => string): string {
  const stop = o.stopped ? ` ${o.stopped.message}` : '';
  if (!o.times.claim) return `Not reached: the evacuation never reached its claim on ${DEST}.${stop}`;
  return `Not reached: the evacuation claimed on ${DEST} at ${at(o.times.claim.time)} but did not finish.${stop}`;
}

/** With two evacuees, which were lost (the moments are the first one's); nothing with one. */
function whichLost(o: PciOutcome): string {
  const lost = o.lostInstances ?? [];
  if (o.evacuees === undefined || lost.length === 0) return '';
  return lost.length === 1 ? `${lost[0]} lost its allocation: ` : `${lost.join(' and ')} lost their allocations; ${lost[0]}: `;
}

function lostReason(o: PciOutcome, at: (t: number) => string): string {
  const prefix = whichLost(o);
  const told = prefix ? (reason: string) => prefix + reason : (reason: string) => reason;
  return told(lostStory(o, at, o.lostInstances?.[0] ?? EVACUEE));
}

function lostStory(o: PciOutcome, at: (t: number) => string, EVACUEE: string): string {
  const { freed, hostSaved, migrationFinished } = o.times;
  if (!freed) return `${EVACUEE} ended on ${DEST} with no PCI device allocated there.`;
  const { instanceRead, migrationRead } = freed;
  if (o.mechanism === 'migration-completed-by-source' && instanceRead && migrationRead && migrationFinished) {
    return (
      `host1 came back and marked the migration completed at ${at(migrationFinished.time)}, before the evacuation ` +
      `finished: ${DEST}'s periodic read the instance list at ${at(instanceRead.time)} (host still host1) and the ` +
      `migration list at ${at(migrationRead.time)}, no longer in progress, so clean_usage freed ${freed.address} at ` +
      `${at(freed.time)}. The fix does not close this window.`
    );
  }
  if (o.mechanism === 'stale-snapshots' && instanceRead && migrationRead && hostSaved && migrationFinished) {
    return (
      `${DEST}'s periodic read the instance list at ${at(instanceRead.time)}, before the evacuation saved ` +
      `host=${DEST} at ${at(hostSaved.time)}, and the migration list at ${at(migrationRead.time)}, after the migration ` +
      `became ${migrationFinished.status} at ${at(migrationFinished.time)}: clean_usage freed ${freed.address} at ${at(freed.time)}.`
    );
  }
  return `${DEST}'s periodic freed ${freed.address} at ${at(freed.time)}: ${EVACUEE} was in neither of its snapshots.`;
}

function keptReason(o: PciOutcome, at: (t: number) => string): string {
  const { claim, hostSaved, nearMiss, migrationFinished, finishWaitedUntil } = o.times;
  if (!claim) return `The evacuation never reached its claim on ${DEST}.`;
  if (!claim.ok) return `The rebuild claim failed at ${at(claim.time)}: no free physnet2 VF on ${DEST}.`;
  if (!hostSaved) return `The evacuation did not finish: ${EVACUEE} never got host=${DEST}.`;
  if (o.times.readsAfterClaim === 0) {
    return `${DEST}'s periodic ran only before the claim at ${at(claim.time)}, so it had no PCI usage of ${EVACUEE} to free.`;
  }
  if (!nearMiss) {
    return (
      `Every ${DEST} periodic after the claim (${at(claim.time)}) read the instance list after host=${DEST} was saved at ` +
      `${at(hostSaved.time)}, so clean_usage kept the device.`
    );
  }
  if (!nearMiss.migrationRead) {
    return `${DEST}'s periodic read the instance list at ${at(nearMiss.instanceRead.time)} but never the migration list.`;
  }
  const fixNote = finishWaitedUntil !== null ? ` With the fix, finish_evacuation waited for the lock until ${at(finishWaitedUntil)}.` : '';
  const finished = migrationFinished ? ` (${migrationFinished.status} only at ${at(migrationFinished.time)})` : '';
  return (
    `${DEST}'s periodic read the instance list at ${at(nearMiss.instanceRead.time)}, before host=${DEST} was saved at ` +
    `${at(hostSaved.time)}, but the migration list at ${at(nearMiss.migrationRead.time)}, while the migration was still ` +
    `in progress${finished}, so clean_usage kept the device.${fixNote}`
  );
}

/**
 * The outcome with its one-line reason.
 *
 * @example withReason(outcome).reason // "host2's periodic read the instance list at 2353 ms, ..."
 */
export function withReason(outcome: PciOutcome): PciVerdict {
  const at = teller(outcome);
  const reason =
    outcome.verdict === 'incomplete'
      ? incompleteReason(outcome, at)
      : outcome.verdict === 'lost'
        ? lostReason(outcome, at)
        : keptReason(outcome, at);
  return { ...outcome, reason };
}
