/**
 * What tells the explorer's final outcomes apart, on its own: the Schedules
 * panel keys its rows by it, and it loads with the page's first script,
 * which must not bring the explorer (and with it the whole simulation)
 * along. Types only from the model.
 */
import type { Mechanism, Outcome, PciOutcome, UsageMechanism, UsageOutcome, VerdictValue } from '../types';

/** One distinct final outcome: #1896463's PCI count, or a usage race's counters at the end of the run. */
export type OutcomeCount =
  | {
      readonly verdict: VerdictValue;
      readonly mechanism: Mechanism | null;
      readonly pciAllocated: PciOutcome['pciAllocated'];
      /** With two evacuees only: which lost their allocation. */
      readonly lostInstances?: readonly string[];
      readonly count: number;
    }
  | {
      readonly verdict: VerdictValue;
      readonly mechanism: UsageMechanism | null;
      /** `vcpus_used` when the operation finished (what the verdict reads) and at the end. */
      readonly usageWhenFinished: UsageOutcome['usageWhenFinished'];
      readonly usage: UsageOutcome['usage'];
      readonly count: number;
    };

/** What tells final outcomes apart: the explorer counts each key once, and a list of them keys its rows by it. */
export function outcomeKey(o: Outcome | OutcomeCount): string {
  if (!('pciAllocated' in o)) return `${o.verdict}|${o.mechanism ?? '-'}|${JSON.stringify(o.usageWhenFinished)}|${JSON.stringify(o.usage)}`;
  const lost = o.lostInstances ? `|${o.lostInstances.join(',')}` : '';
  return `${o.verdict}|${o.mechanism ?? '-'}|${o.pciAllocated.host1}|${o.pciAllocated.host2}${lost}`;
}
