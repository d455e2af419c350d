/**
 * Who freed a device that a guest still uses, and why: the `pci-freed` step
 * of the trace, read back with the periodic's snapshots at that moment. The
 * answer is built from the trace's data rather than its label, so it stays
 * true when labels are reworded.
 */
import { NOVA_REFS } from '../../model/nova-refs';
import type { HostName, PeriodicView, Trace, TraceStep } from '../../model/types';
import { formatTime } from '../../view/time-format';
import { LANE_LABEL } from '../theme';

export interface FreedBy {
  readonly step: TraceStep;
  /** e.g. "freed by host2 periodic's clean_usage at 4366 ms: inst-A was in neither snapshot (...)". */
  readonly text: string;
}

/** The latest step at or before `cursor` that freed `address` on `host` from `uuid`. */
export function findFreeingStep(trace: Trace, cursor: number, host: HostName, address: string, uuid: string): TraceStep | null {
  for (let i = Math.min(cursor, trace.steps.length - 1); i >= 0; i--) {
    const step = trace.steps[i]!;
    if (step.kind !== 'pci-freed' || step.host !== host || step.address !== address) continue;
    const owner = trace.states[i]?.hosts[host].tracker.devices[address]?.instanceUuid;
    if (owner === uuid) return step;
  }
  return null;
}

/** The Python name of what freed it: `clean_usage` rather than the step's "free device". */
function functionName(step: TraceStep): string {
  const ref = (NOVA_REFS as Readonly<Record<string, { readonly function: string }>>)[step.nova];
  if (!ref) return step.name;
  const last = ref.function.split(/[ .>]/).filter((part) => part.length > 0).pop();
  return last ?? step.name;
}

const readAt = (time: number | null): string => (time === null ? '?' : formatTime(time));

function snapshotWhy(view: PeriodicView | null, uuid: string): string | null {
  if (!view || view.instances === null || view.migrations === null) return null;
  const inInstances = view.instances.some((i) => i.uuid === uuid);
  const inMigrations = view.migrations.some((m) => m.instanceUuid === uuid);
  if (inInstances || inMigrations) return null;
  return (
    `${uuid} was in neither snapshot (instance list read at ${readAt(view.instancesReadAt)}, ` +
    `migration list at ${readAt(view.migrationsReadAt)})`
  );
}

/** Why `uuid` lost `address` on `host`, or `null` if no step of the trace freed it. */
export function freedBy(trace: Trace, cursor: number, host: HostName, address: string, uuid: string): FreedBy | null {
  const step = findFreeingStep(trace, cursor, host, address, uuid);
  if (!step) return null;
  const who = `freed by ${LANE_LABEL[step.thread]}'s ${functionName(step)} at ${formatTime(step.end)}`;
  const why = snapshotWhy(trace.states[step.index + 1]?.hosts[host].periodic ?? null, uuid);
  return { step, text: why ? `${who}: ${why}` : `${who} (${step.label})` };
}
