/**
 * One scenario key: a labelled range input (dragging re-simulates on every
 * move and replaces the history entry) and a number field with its unit
 * (typing a value pushes one). Optional actors get an on/off switch; moving
 * their slider or typing a time also turns them on.
 */
import { useId, useState } from 'react';
import { clampParam, type NumericParam, paramDoc } from '../../model';
import { selectScenario } from '../../state/selectors';
import { useApp, useAppStore } from '../store-context';
import { SLIDER } from './slider-ranges';

/** Where an optional actor starts when switched on: just after the Nova test's race. */
const SWITCH_ON_AT: Partial<Record<NumericParam['key'], number>> = { bootAt: 6000, host1UpAt: 8000 };

export function ParamSlider({ param }: { param: NumericParam }) {
  const store = useAppStore();
  const value = useApp((s) => selectScenario(s)[param.key]);
  const preset = useApp((s) => s.scenario.preset);
  const race = useApp((s) => s.scenario.race);
  const doc = paramDoc(param, race);
  const id = useId();
  // What the user is typing, or null when not editing: then the field shows the store's value.
  // Deriving it (rather than copying the value into state in an effect) matters: that effect left
  // a render pending behind every slider move, and fast key repeat on the slider piled those up
  // until React gave up with "Maximum update depth exceeded" (#185) and dropped key presses.
  const [draft, setDraft] = useState<string | null>(null);
  const shownValue = value === null ? '' : String(value);
  const { max, step } = SLIDER[param.key];
  const enabled = value !== null;
  const sliderValue = Math.min(value ?? 0, max);
  const unit = param.unit === 'runs' || param.unit === 'servers' ? '' : param.unit;

  const commitDraft = (): void => {
    if (draft === null) return;
    setDraft(null);
    const parsed = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(parsed)) return;
    const state = store.getState();
    state.clearNotices('input');
    if (parsed < param.min || parsed > param.max || !Number.isInteger(parsed)) {
      const used = clampParam(param, parsed);
      state.addNotice({
        source: 'input',
        level: 'warning',
        text: `${param.key} takes whole numbers from ${param.min} to ${param.max}${unit ? ` ${unit}` : ''}; using ${used}.`,
      });
    }
    state.setParam(param.key, parsed);
  };

  return (
    <div className={`param ${enabled ? '' : 'param-off'}`} data-testid={`param-${param.key}`}>
      <div className="param-head">
        {param.optional ? (
          <label className="param-switch">
            <input
              type="checkbox"
              checked={enabled}
              data-testid={`enable-${param.key}`}
              onChange={(e) =>
                store.getState().setParam(param.key, e.target.checked ? (SWITCH_ON_AT[param.key] ?? param.min) : null)
              }
            />
            {param.label}
          </label>
        ) : (
          <label htmlFor={id}>{param.label}</label>
        )}
        <span className="param-value">
          <input
            type="number"
            className="param-number"
            aria-label={`${param.label} value${unit ? ` in ${unit}` : ''}`}
            data-testid={`delay-${param.key}-value`}
            min={param.min}
            max={param.max}
            step={step}
            value={draft ?? shownValue}
            placeholder={enabled ? undefined : 'off'}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commitDraft}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitDraft();
            }}
          />
          {unit && <span className="param-unit">{unit}</span>}
        </span>
      </div>
      <input
        id={id}
        type="range"
        data-testid={`delay-${param.key}`}
        aria-label={`${param.label}${unit ? ` (${unit})` : ''}: ${doc}`}
        aria-valuetext={enabled ? `${value}${unit ? ` ${unit}` : ''}` : 'off'}
        min={param.min}
        max={max}
        step={step}
        value={sliderValue}
        onChange={(e) => store.getState().setParam(param.key, Number(e.target.value), { transient: true })}
      />
      <p className="param-doc" title={doc}>
        {doc}
        {race === '1896463' && param.presets.length === 1 && param.presets[0] !== preset ? ' (not used by this preset)' : ''}
      </p>
    </div>
  );
}
