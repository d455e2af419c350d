/**
 * The verdict in the words every export uses (the app's header says the same).
 */
import { RACE_INFO } from '../model/races/catalog';
import { isUsageOutcome, type Mechanism, type Verdict } from '../model/types';
import { EVACUEE } from '../model/world';
import { outcomeTitle, usageWords } from '../view/verdict-outcome';

/** How a loss other than bug #1896463's happened, in the title. */
const OTHER_MECHANISM: Readonly<Record<Mechanism, string>> = {
  'stale-snapshots': '',
  'migration-completed-by-source': ' (host1 back mid-evacuation, a window the fix does not close)',
  unexplained: ' (unexplained)',
};

/** "PCI allocation LOST on host2" / "vcpus_used WRONG after the confirm" / "Not reached: ...". */
export function verdictTitle(verdict: Verdict): string {
  if (isUsageOutcome(verdict)) {
    if (verdict.verdict === 'incomplete') return `Not reached: the ${RACE_INFO[verdict.race].operation} did not finish`;
    const window = verdict.mechanism === 'reverted-before-host-save' ? ' (a window the fix does not close)' : '';
    return `${outcomeTitle(verdict)}${window}`;
  }
  switch (verdict.verdict) {
    case 'lost':
      return `PCI allocation LOST on host2${OTHER_MECHANISM[verdict.mechanism ?? 'unexplained']}`;
    case 'kept':
      return 'PCI allocation kept on host2';
    case 'incomplete':
      return 'Not reached: the evacuation did not finish';
  }
}

/** ✗, ✓ or … */
export function verdictIcon(verdict: Verdict): string {
  return verdict.verdict === 'lost' ? '✗' : verdict.verdict === 'kept' ? '✓' : '…';
}

/**
 * What the Nova test counts: `pci_devices` rows allocated to the evacuee per
 * host, or `vcpus_used` per host when the operation finished, with what the
 * test expects.
 */
export function verdictCounts(verdict: Verdict): string {
  if (isUsageOutcome(verdict)) {
    const when = verdict.usageWhenFinished ? usageWords(verdict.usageWhenFinished, ', ') : 'never finished';
    return `vcpus_used when the ${RACE_INFO[verdict.race].operation} finished: ${when} (the Nova test expects ${usageWords(verdict.expectedUsage, ', ')}); at the end: ${usageWords(verdict.usage, ', ')}`;
  }
  const { host1, host2 } = verdict.pciAllocated;
  return `${EVACUEE} allocated in pci_devices: host1 ${host1}, host2 ${host2}`;
}

/** What the Nova test expects, after the counts ("the Nova test expects 1 on each" for #1896463). */
export function expectedNote(verdict: Verdict): string {
  return isUsageOutcome(verdict) ? '' : ' (the Nova test expects 1 on each)';
}
