/**
 * Next to the verdict (its last line, inside its live region): the
 * smallest change of one timing key that flips it, found by the sweep
 * workers, with a button that applies it.
 */
import { useApp, useAppStore } from '../store-context';
import { flipDetails, flipSentence } from './flip-text';
import './nearest-flip.css';

export function NearestFlip() {
  const store = useAppStore();
  const flips = useApp((s) => s.flips);
  const schedule = useApp((s) => s.scenario.schedule !== null);
  // Its line is kept while there is nothing to say yet, so the verdict box never changes size.
  if (!flips) return <div className="nearest-flip" aria-hidden="true" />;
  if (schedule) {
    return (
      <div className="nearest-flip" data-testid="nearest-flip" data-state="schedule">
        <span className="nearest-flip-label">nearest flip:</span>
        <span className="nearest-flip-text nearest-flip-pending">none here: a loaded schedule ignores timing</span>
      </div>
    );
  }
  const nearest = flips.status === 'done' ? (flips.report?.flips[0] ?? null) : null;
  return (
    <div
      className="nearest-flip"
      data-testid="nearest-flip"
      data-state={flips.status}
      data-key={nearest?.key ?? ''}
      data-value={nearest?.value ?? ''}
      title={flips.report ? `Nearest change of one timing key that flips the verdict (searched in the model, exact to 1 ms):\n${flipDetails(flips.report)}` : undefined}
    >
      <span className="nearest-flip-label">nearest flip:</span>
      {flips.status === 'running' && <span className="nearest-flip-text nearest-flip-pending">searching…</span>}
      {flips.status === 'error' && <span className="nearest-flip-text">search failed</span>}
      {flips.status === 'done' && !nearest && <span className="nearest-flip-text">no single timing key flips it</span>}
      {nearest && (
        <span className="nearest-flip-row">
          <span className={`nearest-flip-text flip-to-${nearest.to}`}>{flipSentence(nearest)}</span>
          <button
            type="button"
            className="nearest-flip-apply"
            data-testid="nearest-flip-apply"
            onClick={() => store.getState().setParam(nearest.key, nearest.value)}
            aria-label={`Apply: set ${nearest.key} to ${nearest.value}`}
          >
            Apply
          </button>
        </span>
      )}
    </div>
  );
}
