/**
 * The verdict: what Nova's regression test asserts at the end, and a
 * one-line reason read off the trace (the reason explains the outcome; the
 * outcome itself is only ever the database count).
 */
import { FINISHED_MIGRATION_STATUSES, pciAllocatedCount } from './database';
import type { TraceStep, Verdict, World } from './types';
import { EVACUATION_MIGRATION_ID, EVACUEE } from './world';

const DEST = 'host2';

interface Timeline {
  readonly steps: readonly TraceStep[];
  readonly states: readonly World[];
  readonly fix: boolean;
}

function ms(t: number): string {
  return `${t} ms`;
}

function firstOfKind(steps: readonly TraceStep[], kind: TraceStep['kind']): TraceStep | undefined {
  return steps.find((s) => s.kind === kind);
}

/** When the evacuation's migration stopped being "in progress" for the periodic query. */
function migrationFinishedAt(t: Timeline): { time: number; status: string } | null {
  for (const step of t.steps) {
    const status = t.states[step.index + 1]?.db.migrations[EVACUATION_MIGRATION_ID]?.status;
    if (status && FINISHED_MIGRATION_STATUSES.includes(status)) return { time: step.end, status };
  }
  return null;
}

/** The host2 periodic read that precedes `step` in the same lane. */
function previousRead(t: Timeline, before: TraceStep, kind: 'instance-list' | 'migration-list'): TraceStep | undefined {
  for (let i = before.index - 1; i >= 0; i--) {
    const s = t.steps[i]!;
    if (s.thread === before.thread && s.kind === kind) return s;
  }
  return undefined;
}

function nextRead(t: Timeline, after: TraceStep, kind: 'migration-list'): TraceStep | undefined {
  return t.steps.find((s) => s.index > after.index && s.thread === after.thread && s.kind === kind);
}

function lostReason(t: Timeline): string {
  const freed = t.steps.find(
    (s) => s.kind === 'pci-freed' && s.host === DEST &&
      t.states[s.index]?.hosts[DEST].tracker.devices[s.address ?? '']?.instanceUuid === EVACUEE,
  );
  if (!freed) return `${EVACUEE} ended on ${DEST} with no PCI device allocated there.`;
  const instanceRead = previousRead(t, freed, 'instance-list');
  const migrationRead = previousRead(t, freed, 'migration-list');
  const saved = firstOfKind(t.steps, 'host-saved');
  const finished = migrationFinishedAt(t);
  if (!instanceRead || !migrationRead || !saved || !finished) {
    return `${DEST}'s periodic freed ${freed.address} at ${ms(freed.end)}: ${EVACUEE} was in neither of its snapshots.`;
  }
  return (
    `${DEST}'s periodic read the instance list at ${ms(instanceRead.end)}, before the evacuation saved ` +
    `host=${DEST} at ${ms(saved.end)}, and the migration list at ${ms(migrationRead.end)}, after the migration ` +
    `became ${finished.status} at ${ms(finished.time)}: clean_usage freed ${freed.address} at ${ms(freed.end)}.`
  );
}

function keptReason(t: Timeline): string {
  const claim = firstOfKind(t.steps, 'claim');
  const saved = firstOfKind(t.steps, 'host-saved');
  if (!claim) return 'The evacuation never reached its claim on host2.';
  const migration = t.states[claim.index + 1]?.db.migrations[EVACUATION_MIGRATION_ID];
  if (migration?.status === 'failed') return `The rebuild claim failed at ${ms(claim.end)}: no free physnet2 VF on ${DEST}.`;
  if (!saved) return `The evacuation did not finish: ${EVACUEE} never got host=${DEST}.`;
  const reads = t.steps.filter((s) => s.kind === 'instance-list' && s.host === DEST && s.end > claim.end);
  if (reads.length === 0) {
    return `${DEST}'s periodic ran only before the claim at ${ms(claim.end)}, so it had no PCI usage of ${EVACUEE} to free.`;
  }
  const gap = reads.find((s) => s.end < saved.end);
  if (!gap) {
    return `Every ${DEST} periodic after the claim (${ms(claim.end)}) read the instance list after host=${DEST} was saved at ${ms(saved.end)}, so clean_usage kept the device.`;
  }
  const migrationRead = nextRead(t, gap, 'migration-list');
  const finished = migrationFinishedAt(t);
  const waited = t.fix ? t.steps.find((s) => s.thread === 'evacuation' && s.lock === 'waited' && s.index > claim.index) : undefined;
  const fixNote = waited ? ` With the fix, finish_evacuation waited for the lock until ${ms(waited.end)}.` : '';
  if (!migrationRead) return `${DEST}'s periodic read the instance list at ${ms(gap.end)} but never the migration list.`;
  return (
    `${DEST}'s periodic read the instance list at ${ms(gap.end)}, before host=${DEST} was saved at ${ms(saved.end)}, ` +
    `but the migration list at ${ms(migrationRead.end)}, while the migration was still in progress` +
    `${finished ? ` (${finished.status} only at ${ms(finished.time)})` : ''}, so clean_usage kept the device.${fixNote}`
  );
}

/**
 * Count what the Nova test counts in the final database, and explain it.
 *
 * @example computeVerdict({ steps, states, fix: false }).bugReproduced
 */
export function computeVerdict(t: Timeline): Verdict {
  const final = t.states[t.states.length - 1]!;
  const pciAllocated = {
    host1: pciAllocatedCount(final, EVACUEE, 'host1'),
    host2: pciAllocatedCount(final, EVACUEE, 'host2'),
  };
  const instanceHost = final.db.instances[EVACUEE]?.host ?? null;
  const bugReproduced = instanceHost === DEST && pciAllocated.host2 === 0;
  return {
    bugReproduced,
    pciAllocated,
    instanceHost,
    reason: bugReproduced ? lostReason(t) : keptReason(t),
  };
}
