/**
 * The scenario's inputs: the race, its examples, the harness (#1896463
 * only), the fix, every key the race reads, reset.
 */
import { FIX_REVIEW_URL, novaUrl, NOVA_REFS, NUMERIC_PARAMS, RACE_IDS, RACE_INFO, raceHasPresets, raceParams, type RaceId } from '../../model';
import { PRESETS, type Preset } from '../../model';
import { useApp, useAppStore } from '../store-context';
import { ExamplePicker } from './ExamplePicker';
import { ProductionNote } from './ProductionNote';
import './controls.css';
import { ParamSlider } from './ParamSlider';

const PRESET_TEXT: Readonly<Record<Preset, string>> = {
  'nova-test': "Nova's functional test: one process, one shared lock, _run_periodics() once",
  production: 'one process per host: a lock per host, periodic every period on live hosts',
};

/** Each race's own injected delays first; the rest under "more". */
const MAIN_KEYS: Readonly<Record<RaceId, ReadonlySet<string>>> = {
  '1896463': new Set(['dropDelay', 'migDelay']),
  '1879878-confirm': new Set(['winDelay', 'periodicAt']),
  '1879878-revert': new Set(['winDelay', 'periodicAt']),
  '2025480': new Set(['spawn', 'periodicAt']),
};

function RacePicker({ race }: { race: RaceId }) {
  const store = useAppStore();
  return (
    <>
      <label className="field race-picker">
        <span>Race</span>
        <select data-testid="race" value={race} onChange={(e) => store.getState().setRace(e.target.value as RaceId)}>
          {RACE_IDS.map((id) => (
            <option key={id} value={id}>
              {RACE_INFO[id].title}
            </option>
          ))}
        </select>
      </label>
      <p className="field-doc race-summary" data-testid="race-summary">
        {RACE_INFO[race].summary}{' '}
        <a href={RACE_INFO[race].refs.bugUrl} target="_blank" rel="noreferrer noopener">
          bug
        </a>
      </p>
    </>
  );
}

function FixToggle({ race, fix }: { race: RaceId; fix: boolean }) {
  const store = useAppStore();
  const info = RACE_INFO[race];
  // #1896463 links to finish_evacuation's code and its review; the other races to their fix commit.
  const code = race === '1896463' ? novaUrl(NOVA_REFS['finish-evacuation']) : info.refs.fixUrl;
  return (
    <>
      <label className="fix-toggle">
        <input type="checkbox" data-testid="fix-toggle" checked={fix} onChange={(e) => store.getState().setFix(e.target.checked)} />
        <span>
          <strong>fix:</strong> {info.fixLabel}
        </span>
      </label>
      <p className="field-doc">
        {info.fixDoc}{' '}
        <a href={code} target="_blank" rel="noreferrer noopener">
          {race === '1896463' ? 'code' : 'commit'}
        </a>
        {race === '1896463' && (
          <>
            {' '}
            ·{' '}
            <a href={FIX_REVIEW_URL} target="_blank" rel="noreferrer noopener">
              review
            </a>
          </>
        )}
      </p>
    </>
  );
}

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
  const race = useApp((s) => s.scenario.race);
  const presets = raceHasPresets(race);
  const params = raceParams(race).filter((p) => !presets || p.presets.includes(preset));
  const main = MAIN_KEYS[race];
  const ignored = [...(presets ? [] : ['preset']), ...NUMERIC_PARAMS.filter((p) => !p.races.includes(race)).map((p) => p.key)];
  return (
    <section className="scenario-panel" aria-label="Scenario">
      <h2 className="panel-title">Scenario</h2>
      <ScheduleBanner />
      <RacePicker race={race} />
      <ExamplePicker />
      {presets && (
        <>
          <label className="field">
            <span>Harness</span>
            <select data-testid="preset" value={preset} onChange={(e) => store.getState().setPreset(e.target.value as Preset)}>
              {PRESETS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <p className="field-doc">{PRESET_TEXT[preset]}</p>
          <ProductionNote />
        </>
      )}
      <FixToggle race={race} fix={fix} />
      {params.filter((p) => main.has(p.key)).map((p) => (
        <ParamSlider key={p.key} param={p} />
      ))}
      <details className="more-params" open>
        <summary>{presets ? 'Timing, harness and optional actors' : 'Timing and the test harness'}</summary>
        {params.filter((p) => !main.has(p.key)).map((p) => (
          <ParamSlider key={p.key} param={p} />
        ))}
        {ignored.length > 0 && (
          <p className="field-doc ignored-keys" data-testid="ignored-keys">
            This race ignores {ignored.join(', ')}
            {presets ? '' : "; it runs in Nova's functional-test harness (one process, one shared lock)"}.
          </p>
        )}
      </details>
      <button type="button" className="reset-button" data-testid="reset" onClick={() => store.getState().resetToTest()}>
        Reset to the Nova test
      </button>
    </section>
  );
}
