/**
 * The verdict in the words every export uses (the app's header says the same).
 */
import type { Verdict } from '../model/types';
import { EVACUEE } from '../model/world';

/** How a loss other than bug #1896463's happened, in the title. */
const OTHER_MECHANISM: Readonly<Record<NonNullable<Verdict['mechanism']>, string>> = {
  'stale-snapshots': '',
  'migration-completed-by-source': ' (host1 back mid-evacuation, a window the fix does not close)',
  unexplained: ' (unexplained)',
};

/** "PCI allocation LOST on host2" / "PCI allocation kept on host2" / "Not reached: ...". */
export function verdictTitle(verdict: Verdict): string {
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

/** What the Nova test counts: `pci_devices` rows allocated to the evacuee per host. */
export function verdictCounts(verdict: Verdict): string {
  const { host1, host2 } = verdict.pciAllocated;
  return `${EVACUEE} allocated in pci_devices: host1 ${host1}, host2 ${host2}`;
}
