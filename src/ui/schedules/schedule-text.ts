/** The explorer's results in words. */
import type { OutcomeCount, ScheduleSummary } from '../../model';

const count = new Intl.NumberFormat('en-US');

/**
 * @example outcomeWords({ verdict: 'lost', mechanism: 'stale-snapshots', pciAllocated: { host1: 1, host2: 0 }, count: 7 }) // '7 × lost (bug #1896463), host1 1 · host2 0'
 */
export function outcomeWords(o: OutcomeCount): string {
  const how = o.verdict === 'lost' ? `lost (${o.mechanism === 'stale-snapshots' ? 'bug #1896463' : o.mechanism === 'migration-completed-by-source' ? 'host1 back mid-evacuation' : 'unexplained'})` : o.verdict;
  return `${count.format(o.count)} × ${how}, host1 ${o.pciAllocated.host1} · host2 ${o.pciAllocated.host2}`;
}

/** @example scheduleWords({ steps: 21, contextSwitches: 3, ... }) // '21 steps, 3 context switches' */
export function scheduleWords(s: Pick<ScheduleSummary, 'steps' | 'contextSwitches'>): string {
  return `${s.steps} steps, ${s.contextSwitches} context switch${s.contextSwitches === 1 ? '' : 'es'}`;
}
