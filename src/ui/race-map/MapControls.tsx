/**
 * The map's inputs: which key each axis spans, the resolution, and a reset
 * of the zoom. Each change is a history entry of its own and part of the URL.
 */
import { useId } from 'react';
import { PARAM_BY_KEY, paramDoc } from '../../model';
import { defaultRange, MAP_RES_CHOICES, type MapAxis, mapAxisKeysFor, type MapSpec, withAxisKey } from '../../sweep/map-spec';
import { useApp, useAppStore } from '../store-context';

function AxisSelect({ spec, axis }: { spec: MapSpec; axis: MapAxis }) {
  const store = useAppStore();
  const id = useId();
  const race = useApp((s) => s.scenario.race);
  // Each race offers the keys in ms it reads.
  const keys = mapAxisKeysFor(race);
  const value = axis === 'x' ? spec.xKey : spec.yKey;
  return (
    <span className="race-map-field">
      <label htmlFor={id}>{axis}</label>
      <select
        id={id}
        data-testid={`race-map-${axis}`}
        value={value}
        onChange={(e) => {
          const key = keys.find((k) => k === e.target.value);
          if (key) store.getState().setMapSpec(withAxisKey(spec, axis, key));
        }}
      >
        {keys.map((key) => (
          <option key={key} value={key} title={paramDoc(PARAM_BY_KEY[key], race)}>
            {key}
          </option>
        ))}
      </select>
    </span>
  );
}

export function MapControls({ spec }: { spec: MapSpec }) {
  const store = useAppStore();
  const resId = useId();
  const [xMin, xMax] = defaultRange(spec.xKey);
  const [yMin, yMax] = defaultRange(spec.yKey);
  const zoomed = spec.xMin !== xMin || spec.xMax !== xMax || spec.yMin !== yMin || spec.yMax !== yMax;
  const choices = MAP_RES_CHOICES.includes(spec.res) ? MAP_RES_CHOICES : [...MAP_RES_CHOICES, spec.res].sort((a, b) => a - b);
  return (
    <div className="race-map-controls">
      <AxisSelect spec={spec} axis="x" />
      <AxisSelect spec={spec} axis="y" />
      <span className="race-map-field">
        <label htmlFor={resId}>cells</label>
        <select id={resId} data-testid="race-map-res" value={spec.res} onChange={(e) => store.getState().setMapSpec({ ...spec, res: Number(e.target.value) })}>
          {choices.map((res) => (
            <option key={res} value={res}>
              {res} × {res}
            </option>
          ))}
        </select>
      </span>
      <button type="button" data-testid="race-map-reset" disabled={!zoomed} onClick={() => store.getState().resetMapRanges()} title="Back to each key's full default range">
        Reset zoom
      </button>
    </div>
  );
}
