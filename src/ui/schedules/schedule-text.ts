/** The explorer's results in words. */
import type { OutcomeCount, ScheduleSummary } from '../../model';
import { usageWords } from '../../view/verdict-outcome';

const count = new Intl.NumberFormat('en-US');

/**
 * @example outcomeWords({ verdict: 'lost', mechanism: 'stale-snapshots', pciAllocated: { host1: 1, host2: 0 }, count: 7 }) // '7 × lost (bug #1896463), host1 1 · host2 0'
 */
export function outcomeWords(o: OutcomeCount): string {
  // With two evacuees, which of them lost.
  const which = 'pciAllocated' in o && o.lostInstances && o.lostInstances.length > 0 ? `: ${o.lostInstances.join(', ')}` : '';
  const how = o.verdict === 'lost' ? `lost (${MECHANISM_WORDS[o.mechanism ?? 'unexplained']}${which})` : o.verdict;
  if ('pciAllocated' in o) return `${count.format(o.count)} × ${how}, host1 ${o.pciAllocated.host1} · host2 ${o.pciAllocated.host2}`;
  const finished = o.usageWhenFinished ? `vcpus_used ${usageWords(o.usageWhenFinished)}` : 'not finished';
  return `${count.format(o.count)} × ${how}, ${finished}`;
}

/** How each race's loss came about, in a few words. */
const MECHANISM_WORDS: Readonly<Record<NonNullable<OutcomeCount['mechanism']>, string>> = {
  'stale-snapshots': 'bug #1896463',
  'migration-completed-by-source': 'host1 back mid-evacuation',
  'periodic-before-drop': 'periodic before the drop',
  'reverted-before-host-save': "periodic before host1's host save",
  'spawning-not-counted': 'spawning server not counted',
  unexplained: 'unexplained',
};

/** @example scheduleWords({ steps: 21, contextSwitches: 3, ... }) // '21 steps, 3 context switches' */
export function scheduleWords(s: Pick<ScheduleSummary, 'steps' | 'contextSwitches'>): string {
  return `${s.steps} steps, ${s.contextSwitches} context switch${s.contextSwitches === 1 ? '' : 'es'}`;
}
