/**
 * The timing space at a glance: the race map over two scenario keys, and
 * the odds under jitter below it. Loaded with `React.lazy`, so it stays out
 * of the start-up bundle.
 */
import { useState } from 'react';
import { OddsPanel } from '../odds/OddsPanel';
import { useAppShallow } from '../store-context';
import { MapControls } from './MapControls';
import { MapLegend, MapReadout } from './MapLegend';
import { MapStatus } from './MapStatus';
import { type MapHover, RaceMapPlot } from './RaceMapPlot';
import './race-map.css';

export default function RaceMapPanel() {
  const { run, spec, schedule } = useAppShallow((s) => ({ run: s.raceMap, spec: s.mapSpec, schedule: s.scenario.schedule !== null }));
  const [hover, setHover] = useState<MapHover | null>(null);
  const shown = run?.spec ?? spec;
  return (
    <div className="race-map-panel">
      <section
        className="race-map"
        data-testid="race-map"
        data-state={run?.status ?? 'running'}
        data-x-key={shown.xKey}
        data-y-key={shown.yKey}
        data-x-min={shown.xMin}
        data-x-max={shown.xMax}
        data-y-min={shown.yMin}
        data-y-max={shown.yMax}
        data-res={shown.res}
        data-cells={run?.computed ?? 0}
        data-lost={run?.lost ?? 0}
        aria-labelledby="race-map-title"
      >
        <div className="race-map-head">
          <h2 className="panel-title" id="race-map-title">
            Race map
          </h2>
          {run && <MapStatus run={run} />}
        </div>
        {schedule && (
          <p className="race-map-note" data-testid="race-map-schedule-note">
            The map is of the timed run: a loaded schedule ignores timing.
          </p>
        )}
        <MapControls spec={spec} />
        {run && <RaceMapPlot run={run} onHover={setHover} />}
        {run && <MapReadout run={run} hover={hover} />}
        <MapLegend />
      </section>
      <OddsPanel />
    </div>
  );
}
