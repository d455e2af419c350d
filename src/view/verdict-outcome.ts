/**
 * The verdict as the screen words it: the model decides lost, kept or
 * incomplete (the evacuation never finished: a model limit, or the claim was
 * never reached) and says why; this only puts its times in the screen's one
 * format and names the badge.
 */
import type { Verdict, VerdictValue } from '../model';
import { humanizeTimes } from './time-format';

/** The model's reason, in the screen's time format. */
export function verdictReason(verdict: Verdict): string {
  return humanizeTimes(verdict.reason);
}

/** The badge's words for a verdict. */
export const OUTCOME_TITLE: Readonly<Record<VerdictValue, string>> = {
  lost: 'PCI allocation LOST on host2',
  kept: 'PCI allocation kept on host2',
  incomplete: 'Race not reached',
};
