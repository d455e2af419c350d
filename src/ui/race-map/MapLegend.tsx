/**
 * What the colours and marks mean, and what is under the pointer (or what
 * the pointer can do, when it is elsewhere).
 */
import type { RaceMapRun } from '../../state/sweep-slice';
import { cellVerdict } from '../../sweep/cells';
import { MAP_COLOR } from './palette';
import type { MapHover } from './RaceMapPlot';

const VERDICT_WORD = { lost: 'lost', kept: 'kept', incomplete: 'not reached' } as const;

export function MapLegend() {
  return (
    <ul className="race-map-legend" aria-label="Legend">
      <li>
        <span className="swatch" style={{ background: MAP_COLOR.lost }} /> lost
      </li>
      <li>
        <span className="swatch" style={{ background: MAP_COLOR.kept }} /> kept
      </li>
      <li title="the evacuation never finished: a model limit, or the claim was never reached">
        <span className="swatch" style={{ background: MAP_COLOR.incomplete }} /> not reached
      </li>
      <li className="race-map-legend-break" aria-hidden="true" />
      <li>
        <span className="legend-line" /> boundary lost/kept
      </li>
      <li>
        <span className="legend-dot" /> the scenario on screen
      </li>
    </ul>
  );
}

export function MapReadout({ run, hover }: { run: RaceMapRun; hover: MapHover | null }) {
  const { spec } = run;
  if (!hover) return <p className="race-map-readout race-map-hint">Click: set both keys · drag: zoom in</p>;
  const verdict = cellVerdict(run.cells[hover.j * spec.res + hover.i] ?? 255);
  return (
    <p className="race-map-readout" data-testid="race-map-readout">
      {spec.xKey} {hover.x} ms · {spec.yKey} {hover.y} ms:{' '}
      {verdict ? <strong className={`readout-${verdict}`}>{VERDICT_WORD[verdict]}</strong> : <span>not computed yet</span>}
    </p>
  );
}
