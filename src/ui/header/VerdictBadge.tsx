/**
 * The verdict: lost (red, cross) or kept (green, tick), always with the reason.
 */
import { selectIsCurrent, selectVerdict } from '../../state/selectors';
import { useApp } from '../store-context';

export function VerdictBadge() {
  const verdict = useApp(selectVerdict);
  const current = useApp(selectIsCurrent);
  if (!verdict) {
    return (
      <div className="verdict verdict-pending" data-testid="verdict" data-verdict="pending" aria-busy="true">
        Simulating…
      </div>
    );
  }
  const lost = verdict.bugReproduced;
  const { host1, host2 } = verdict.pciAllocated;
  return (
    <div
      className={`verdict ${lost ? 'verdict-lost' : 'verdict-kept'}`}
      data-testid="verdict"
      data-verdict={lost ? 'lost' : 'kept'}
      aria-busy={!current}
      role="status"
    >
      <span className="verdict-badge">
        <span aria-hidden="true">{lost ? '✗' : '✓'}</span> PCI allocation {lost ? 'LOST' : 'kept'} on host2
      </span>
      <span className="verdict-counts" title="pci_devices rows allocated to inst-A, as the Nova test counts them">
        host1: {host1} · host2: {host2}
      </span>
      <span className="verdict-reason" data-testid="verdict-reason">
        {verdict.reason}
      </span>
    </div>
  );
}
