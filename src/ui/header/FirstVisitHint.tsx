/**
 * Two sentences under the verdict on a first visit: what happened, and what
 * to drag to make it go away; and what S1/S2 and the Nova test's counts
 * mean. Dismissed once, it stays away (remembered in this browser).
 */
import { useMemo, useState } from 'react';
import { selectScenario, selectTrace } from '../../state/selectors';
import { DEFINITIONS, firstVisitHint } from '../../view/hint-text';
import { useApp } from '../store-context';

const STORAGE_KEY = 'racelab.first-visit-hint';

function wasDismissed(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'dismissed';
  } catch {
    return false; // storage blocked: show the hint, it can still be closed for this page
  }
}

function rememberDismissed(): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, 'dismissed');
  } catch {
    // storage blocked: closed for this page only
  }
}

export function FirstVisitHint() {
  const trace = useApp(selectTrace);
  const scenario = useApp(selectScenario);
  const [open, setOpen] = useState(() => !wasDismissed());
  const hint = useMemo(() => (trace ? firstVisitHint(trace.verdict.verdict, scenario) : null), [trace, scenario]);
  if (!open) return null;
  // Drawn while the first trace is simulated too (empty), so the page does not move when it arrives.
  return (
    <aside className="first-visit-hint" data-testid="first-visit-hint" aria-label="What you are looking at">
      <p className="hint-main">
        {hint ? (
          <>
            <strong>What happened:</strong> {hint.happened} <strong>Try:</strong> {hint.tryThis}
          </>
        ) : null}
      </p>
      <p className="hint-terms" data-testid="hint-definitions">
        {scenario.race === '1896463' ? `${DEFINITIONS.snapshots} ${DEFINITIONS.counts}` : `${DEFINITIONS.usageSnapshots} ${DEFINITIONS.usage}`}
      </p>
      <button
        type="button"
        className="hint-dismiss"
        data-testid="hint-dismiss"
        onClick={() => {
          rememberDismissed();
          setOpen(false);
        }}
      >
        Got it
      </button>
    </aside>
  );
}
