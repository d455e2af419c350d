/**
 * The verdict's outcome as the screen shows it: lost, kept, or incomplete
 * when the run cannot say (the model stopped at a limit, or the evacuation
 * never reached its claim on host2, so the race never ran). Derived from
 * today's Trace behind one function, so it can later be read from the
 * model's own field instead.
 */
import type { Trace } from '../model/types';
import { humanizeTimes } from './time-format';

export type VerdictOutcome = 'lost' | 'kept' | 'incomplete';

const reachedClaim = (trace: Trace): boolean => trace.steps.some((s) => s.thread === 'evacuation' && s.kind === 'claim');

/**
 * A loss that happened counts even if the model stopped later (nothing after
 * it gives the VF back); a "kept" from a run that stopped early or never got
 * to the claim is no verdict at all.
 *
 * @example verdictOutcome(simulate(defaultScenario())) // 'lost'
 */
export function verdictOutcome(trace: Trace): VerdictOutcome {
  if (trace.verdict.bugReproduced) return 'lost';
  if (trace.stopped !== null || !reachedClaim(trace)) return 'incomplete';
  return 'kept';
}

/** What the verdict says: the model's reason, or why there is none for an incomplete run, in the screen's time format. */
export function verdictReason(trace: Trace): string {
  if (verdictOutcome(trace) !== 'incomplete') return humanizeTimes(trace.verdict.reason);
  const stop = trace.stopped ? ` ${humanizeTimes(trace.stopped.message)}` : '';
  if (!reachedClaim(trace)) {
    return `Not reached: the evacuation never asked host2 for its claim, so host2's periodic had nothing of inst-A to free.${stop}`;
  }
  return `Not decided: the run stopped before it ended, so the counts are not the final ones.${stop}`;
}

/** The badge's words for an outcome. */
export const OUTCOME_TITLE: Readonly<Record<VerdictOutcome, string>> = {
  lost: 'PCI allocation LOST on host2',
  kept: 'PCI allocation kept on host2',
  incomplete: 'Race not reached',
};
