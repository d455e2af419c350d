/**
 * The verdict as the screen words it: the model decides lost, kept or
 * incomplete (the operation never finished: a model limit, or the race was
 * never reached) and says why; this only puts its times in the screen's one
 * format and names the badge, in the words of the verdict's race.
 */
import { isUsageOutcome, type Outcome, RACE_INFO, type Verdict, type VerdictValue } from '../model';
import { humanizeTimes } from './time-format';

/** The model's reason, in the screen's time format. */
export function verdictReason(verdict: Verdict): string {
  return humanizeTimes(verdict.reason);
}

/** The badge's words for #1896463's verdicts. */
export const OUTCOME_TITLE: Readonly<Record<VerdictValue, string>> = {
  lost: 'PCI allocation LOST on host2',
  kept: 'PCI allocation kept on host2',
  incomplete: 'Race not reached',
};

/**
 * The badge's words for any race's verdict.
 *
 * @example outcomeTitle(confirmVerdict) // 'vcpus_used WRONG after the confirm'
 */
export function outcomeTitle(outcome: Outcome): string {
  if (!isUsageOutcome(outcome)) return OUTCOME_TITLE[outcome.verdict];
  const op = RACE_INFO[outcome.race].operation;
  switch (outcome.verdict) {
    case 'lost':
      return `vcpus_used WRONG after the ${op}`;
    case 'kept':
      return `vcpus_used right after the ${op}`;
    case 'incomplete':
      return 'Race not reached';
  }
}

/** "host1 -1 · host2 1": a usage map in the badge's words. */
/**
 * Each host's counter, with what the Nova test expects beside the hosts that
 * differ: short enough for the verdict's one line.
 *
 * @example usageAgainstExpected({ host1: -1, host2: 1 }, { host1: 0, host2: 1 }) // 'host1: -1 (expected 0) · host2: 1'
 */
export function usageAgainstExpected(usage: Readonly<Partial<Record<string, number>>>, expected: Readonly<Partial<Record<string, number>>>): string {
  return Object.entries(usage)
    .map(([host, value]) => (expected[host] === undefined || expected[host] === value ? `${host}: ${value}` : `${host}: ${value} (expected ${expected[host]})`))
    .join(' · ');
}

export function usageWords(usage: Readonly<Partial<Record<string, number>>>, separator = ' · '): string {
  return Object.entries(usage)
    .map(([host, value]) => `${host}: ${value}`)
    .join(separator);
}
