/**
 * Keeping the selected step when the trace changes: the same step (same
 * thread, name and occurrence) if the new trace has it, else the last step
 * that ended by the same time.
 */
import type { TraceView, StepRow } from '../model';

function sameStep(a: StepRow, b: StepRow): boolean {
  return a.thread === b.thread && a.name === b.name && a.address === b.address;
}

export function relocateCursor(oldTrace: TraceView, oldCursor: number, newTrace: TraceView): number {
  const last = newTrace.steps.length - 1;
  if (last < 0) return 0;
  if (oldCursor >= oldTrace.steps.length - 1) return last;
  const target = oldTrace.steps[oldCursor];
  if (!target) return Math.min(Math.max(0, oldCursor), last);
  let occurrence = 0;
  for (let i = 0; i < oldCursor; i++) if (sameStep(oldTrace.steps[i]!, target)) occurrence++;
  for (const step of newTrace.steps) {
    if (!sameStep(step, target)) continue;
    if (occurrence === 0) return step.index;
    occurrence--;
  }
  let byTime = 0;
  for (const step of newTrace.steps) if (step.end <= target.end) byTime = step.index;
  return byTime;
}
