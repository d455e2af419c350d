/**
 * How far the map is, and what it found: a progress bar while cells come
 * in, then the count of lost cells and how long the map took.
 */
import type { RaceMapRun } from '../../state/sweep-slice';

const count = new Intl.NumberFormat('en-US');

export function MapStatus({ run }: { run: RaceMapRun }) {
  const total = run.spec.res * run.spec.res;
  const done = run.status === 'done';
  const ms = done && run.elapsedMs ? Math.round(run.elapsedMs) : null;
  const lost = count.format(run.lost);
  const text = run.status === 'error' ? 'stopped' : done ? `${lost} lost${ms === null ? '' : ` · ${ms} ms`}` : `${count.format(run.computed)} / ${count.format(total)} cells`;
  const whole = done ? `${lost} of ${count.format(total)} cells lost${ms === null ? '' : `, computed in ${ms} ms`}` : text;
  return (
    <div className="race-map-status">
      <progress data-testid="race-map-progress" max={total} value={run.computed} aria-label="Race map cells computed" />
      <span className="race-map-status-text" aria-live="polite" title={whole}>
        {text}
      </span>
    </div>
  );
}
