/**
 * How far the map is, and what it found: a progress bar while cells come
 * in, then the count of lost cells and how long the map took.
 */
import type { RaceMapRun } from '../../state/sweep-slice';

const count = new Intl.NumberFormat('en-US');

export function MapStatus({ run }: { run: RaceMapRun }) {
  const total = run.spec.res * run.spec.res;
  const done = run.status === 'done';
  const rate = done && run.elapsedMs ? ` · ${Math.round(run.elapsedMs)} ms` : '';
  const text =
    run.status === 'error' ? 'stopped' : done ? `${count.format(run.lost)} lost${rate}` : `${count.format(run.computed)} / ${count.format(total)} cells`;
  const whole = done ? `${count.format(run.lost)} of ${count.format(total)} cells lost${rate ? `, computed in ${Math.round(run.elapsedMs!)} ms` : ''}` : text;
  return (
    <div className="race-map-status">
      <progress data-testid="race-map-progress" max={total} value={run.computed} aria-label="Race map cells computed" />
      <span className="race-map-status-text" aria-live="polite" title={whole}>
        {text}
      </span>
    </div>
  );
}
