/**
 * The verdict: lost (red, cross), kept (green, tick) or not reached (grey:
 * the run stopped before the evacuation finished), always with the reason
 * and, for a loss, which mechanism it was.
 */
import type { Mechanism, VerdictValue } from '../../model';
import { selectIsCurrent, selectVerdict } from '../../state/selectors';
import { NearestFlip } from '../nearest-flip/NearestFlip';
import { useApp } from '../store-context';

const BADGE: Readonly<Record<VerdictValue, { icon: string; text: string }>> = {
  lost: { icon: '✗', text: 'PCI allocation LOST on host2' },
  kept: { icon: '✓', text: 'PCI allocation kept on host2' },
  incomplete: { icon: '…', text: 'Not reached: the evacuation did not finish' },
};

const MECHANISM: Readonly<Record<Mechanism, { text: string; title: string }>> = {
  'stale-snapshots': {
    text: 'bug #1896463',
    title: 'the instance list was read before host=host2 was saved and the migration list after the migration was done',
  },
  'migration-completed-by-source': {
    text: 'host1 back mid-evacuation',
    title: "host1's _destroy_evacuated_instances marked the migration completed before finish_evacuation: a second window, which the fix does not close",
  },
  unexplained: { text: 'unexplained loss', title: 'the facts match neither known mechanism' },
};

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
  const { host1, host2 } = verdict.pciAllocated;
  const look = BADGE[verdict.verdict];
  return (
    <div
      className={`verdict verdict-${verdict.verdict}`}
      data-testid="verdict"
      data-verdict={verdict.verdict}
      data-mechanism={verdict.mechanism ?? ''}
      aria-busy={!current}
      role="status"
    >
      <span className="verdict-badge">
        <span aria-hidden="true">{look.icon}</span> {look.text}
      </span>
      <span className="verdict-meta">
        {verdict.mechanism && (
          <span className="verdict-mechanism" data-testid="verdict-mechanism" title={MECHANISM[verdict.mechanism].title}>
            {MECHANISM[verdict.mechanism].text}
          </span>
        )}
        <span className="verdict-counts" title="pci_devices rows allocated to inst-A, as the Nova test counts them">
          host1: {host1} · host2: {host2}
        </span>
      </span>
      <span className="verdict-reason" data-testid="verdict-reason">
        {verdict.reason}
      </span>
      <NearestFlip />
    </div>
  );
}
