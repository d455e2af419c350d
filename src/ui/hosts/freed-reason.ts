/**
 * Who freed a device that a guest still uses, and why: the model's own
 * record of the free (`trace.race.freed`), with the two reads of the
 * periodic run that made the decision.
 */
import type { Freed, HostName, TraceView } from '../../model';
import { formatTime } from '../../view/time-format';
import { LANE_LABEL } from '../theme';

export interface FreedBy {
  readonly freed: Freed;
  /** e.g. "freed by host2 periodic's clean_usage at 4366 ms: inst-A was in neither snapshot (...)". */
  readonly text: string;
}

/** The latest free at or before `cursor` of `address` on `host` from `uuid`. */
export function findFree(trace: TraceView, cursor: number, host: HostName, address: string, uuid: string): Freed | null {
  let found: Freed | null = null;
  for (const f of trace.race.freed) {
    if (f.step > cursor) break;
    if (f.host === host && f.address === address && f.uuid === uuid) found = f;
  }
  return found;
}

/** Why `uuid` lost `address` on `host`, or `null` if no step of the trace freed it. */
export function freedBy(trace: TraceView, cursor: number, host: HostName, address: string, uuid: string): FreedBy | null {
  const freed = findFree(trace, cursor, host, address, uuid);
  if (!freed) return null;
  const clock = trace.verdict.clock;
  const who = `freed by ${LANE_LABEL[freed.thread]}'s clean_usage at ${formatTime(freed.time, clock)}`;
  const reads =
    freed.instanceRead && freed.migrationRead
      ? ` (instance list read at ${formatTime(freed.instanceRead.time, clock)}, migration list at ${formatTime(freed.migrationRead.time, clock)})`
      : '';
  return { freed, text: `${who}: ${uuid} was in neither snapshot${reads}` };
}
