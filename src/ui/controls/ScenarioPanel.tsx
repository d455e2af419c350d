/**
 * The scenario's inputs: harness preset, the fix, every delay, reset.
 */
import { FIX_REVIEW_URL, novaUrl, NOVA_REFS } from '../../model';
import { NUMERIC_PARAMS, PRESETS, type Preset } from '../../model';
import { useApp, useAppStore } from '../store-context';
import { ExamplePicker } from './ExamplePicker';
import { ProductionNote } from './ProductionNote';
import './controls.css';
import { ParamSlider } from './ParamSlider';

const PRESET_TEXT: Readonly<Record<Preset, string>> = {
  'nova-test': "Nova's functional test: one process, one shared lock, _run_periodics() once",
  production: 'one process per host: a lock per host, periodic every period on live hosts',
};

/** The test's own delays first; the rest under "more". */
const MAIN_KEYS = new Set(['dropDelay', 'migDelay']);

/** While a schedule is loaded it, not the delays, decides which thread goes next: say so, and offer the way back. */
function ScheduleBanner() {
  const store = useAppStore();
  const steps = useApp((s) => s.scenario.schedule?.length ?? null);
  if (steps === null) return null;
  return (
    <div className="schedule-banner" data-testid="schedule-banner" role="note">
      A loaded schedule of {steps} transitions decides which thread goes next; the delays below do not count.{' '}
      <button
        type="button"
        data-testid="schedule-clear"
        onClick={() => store.getState().loadScenario({ ...store.getState().scenario, schedule: null }, 'push')}
      >
        Back to the timed run
      </button>
    </div>
  );
}

export function ScenarioPanel() {
  const store = useAppStore();
  const preset = useApp((s) => s.scenario.preset);
  const fix = useApp((s) => s.scenario.fix);
  const params = NUMERIC_PARAMS.filter((p) => p.presets.includes(preset));
  return (
    <section className="scenario-panel" aria-label="Scenario">
      <h2 className="panel-title">Scenario</h2>
      <ScheduleBanner />
      <ExamplePicker />
      <label className="field">
        <span>Harness</span>
        <select
          data-testid="preset"
          value={preset}
          onChange={(e) => store.getState().setPreset(e.target.value as Preset)}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <p className="field-doc">{PRESET_TEXT[preset]}</p>
      <ProductionNote />

      <label className="fix-toggle">
        <input
          type="checkbox"
          data-testid="fix-toggle"
          checked={fix}
          onChange={(e) => store.getState().setFix(e.target.checked)}
        />
        <span>
          <strong>fix:</strong> finish_evacuation under the lock
        </span>
      </label>
      <p className="field-doc">
        Sets the host, drops the migration context and marks the migration done while holding
        COMPUTE_RESOURCE_SEMAPHORE.{' '}
        <a href={novaUrl(NOVA_REFS['finish-evacuation'])} target="_blank" rel="noreferrer noopener">
          code
        </a>{' '}
        ·{' '}
        <a href={FIX_REVIEW_URL} target="_blank" rel="noreferrer noopener">
          review
        </a>
      </p>

      {params.filter((p) => MAIN_KEYS.has(p.key)).map((p) => (
        <ParamSlider key={p.key} param={p} />
      ))}
      <details className="more-params" open>
        <summary>Timing, harness and optional actors</summary>
        {params.filter((p) => !MAIN_KEYS.has(p.key)).map((p) => (
          <ParamSlider key={p.key} param={p} />
        ))}
      </details>
      <button type="button" className="reset-button" data-testid="reset" onClick={() => store.getState().resetToTest()}>
        Reset to the Nova test
      </button>
    </section>
  );
}
