/**
 * The verdict: lost (red, cross), kept (green, tick) or not reached (grey,
 * for a run that stopped early or never got to the race), always with the
 * reason. The box keeps one size whatever it says (pending, lost, kept, a
 * reason of two lines or three), so nothing below it moves.
 */
import { useMemo } from 'react';
import { selectIsCurrent, selectTrace } from '../../state/selectors';
import { DEFINITIONS } from '../../view/hint-text';
import { OUTCOME_TITLE, verdictOutcome, verdictReason } from '../../view/verdict-outcome';
import { useApp } from '../store-context';

const ICON = { lost: '✗', kept: '✓', incomplete: '–' } as const;


export function VerdictBadge() {
  const trace = useApp(selectTrace);
  const current = useApp(selectIsCurrent);
  const view = useMemo(() => (trace ? { outcome: verdictOutcome(trace), reason: verdictReason(trace), verdict: trace.verdict } : null), [trace]);
  if (!view) {
    return (
      <div className="verdict verdict-pending" data-testid="verdict" data-verdict="pending" aria-busy="true">
        <span className="verdict-badge">Simulating…</span>
        <span className="verdict-counts" />
        <span className="verdict-reason" />
      </div>
    );
  }
  const { outcome, reason, verdict } = view;
  const { host1, host2 } = verdict.pciAllocated;
  return (
    <div className={`verdict verdict-${outcome}`} data-testid="verdict" data-verdict={outcome} aria-busy={!current} role="status">
      <span className="verdict-badge">
        <span aria-hidden="true">{ICON[outcome]}</span> {OUTCOME_TITLE[outcome]}
      </span>
      <span className="verdict-counts" title={DEFINITIONS.counts}>
        <span className="verdict-counts-label">Nova test counts</span> host1: {host1} · host2: {host2}
      </span>
      <span className="verdict-reason" data-testid="verdict-reason">
        {reason}
      </span>
    </div>
  );
}
