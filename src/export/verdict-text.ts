/**
 * The verdict in the words every export uses (the app's header says the same).
 */
import type { Verdict } from '../model/types';
import { EVACUEE } from '../model/world';

/** "PCI allocation LOST on host2" / "PCI allocation kept on host2". */
export function verdictTitle(verdict: Verdict): string {
  return `PCI allocation ${verdict.bugReproduced ? 'LOST' : 'kept'} on host2`;
}

/** What the Nova test counts: `pci_devices` rows allocated to the evacuee per host. */
export function verdictCounts(verdict: Verdict): string {
  const { host1, host2 } = verdict.pciAllocated;
  return `${EVACUEE} allocated in pci_devices: host1 ${host1}, host2 ${host2}`;
}
