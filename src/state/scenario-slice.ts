/**
 * The scenario being simulated. Each action tells the history channel how its
 * change should reach the browser history: discrete changes push an entry,
 * drags replace it.
 */
import { clampParam, defaultScenario, type NumericKey, PARAM_BY_KEY, paramDefault, type Preset, type RaceId, type Scenario } from '../model';
import { defaultMapSpecFor } from '../sweep/map-spec';
import type { HistoryIntent } from './history-intent';
import type { SliceCreator } from './store';

export interface ScenarioSlice {
  readonly scenario: Scenario;
  /** Set one numeric key; `transient` while a slider is dragged. `null` turns an optional actor off. */
  setParam(key: NumericKey, value: number | null, options?: { transient?: boolean }): void;
  /** Set several numeric keys at once, as one history entry (a click on the race map sets two). */
  setParams(values: Partial<Record<NumericKey, number>>): void;
  setFix(fix: boolean): void;
  /** Switch harness; keys that equal the old preset's defaults take the new preset's. */
  setPreset(preset: Preset): void;
  /** Back to the Nova regression test's values (of the race on screen). */
  resetToTest(): void;
  /** Switch to another race: its Nova test's scenario, and the race map on its own keys (one history entry). */
  setRace(race: RaceId): void;
  /** Replace the whole scenario (an example, the URL, Back/Forward), reaching the history as `intent` says. */
  loadScenario(scenario: Scenario, intent: HistoryIntent): void;
}

export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get, { history }) => ({
  scenario: defaultScenario(),
  setParam(key, value, options) {
    const param = PARAM_BY_KEY[key];
    const { race, preset } = get().scenario;
    const next = value === null ? (param.optional ? null : paramDefault(param, race, preset)) : clampParam(param, value);
    if (get().scenario[key] === next) return;
    history.note(options?.transient ? 'replace' : 'push');
    set({ scenario: { ...get().scenario, [key]: next } });
  },
  setParams(values) {
    const current = get().scenario;
    const next: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(values) as [NumericKey, number][]) next[key] = clampParam(PARAM_BY_KEY[key], value);
    if (Object.keys(values).every((key) => next[key] === current[key as NumericKey])) return;
    history.note('push');
    set({ scenario: next as unknown as Scenario });
  },
  setFix(fix) {
    if (get().scenario.fix === fix) return;
    history.note('push');
    set({ scenario: { ...get().scenario, fix } });
  },
  setPreset(preset) {
    const current = get().scenario;
    if (current.preset === preset) return;
    const oldDefaults = defaultScenario(current.preset, current.race);
    const newDefaults = defaultScenario(preset, current.race);
    const next: Record<string, unknown> = { ...current, preset };
    for (const key of Object.keys(newDefaults) as (keyof Scenario)[]) {
      if (key !== 'preset' && key !== 'fix' && current[key] === oldDefaults[key]) next[key] = newDefaults[key];
    }
    history.note('push');
    set({ scenario: next as unknown as Scenario });
  },
  resetToTest() {
    history.note('push');
    set({ scenario: defaultScenario('nova-test', get().scenario.race) });
  },
  setRace(race) {
    if (get().scenario.race === race) return;
    get().loadScenario(defaultScenario('nova-test', race), 'push');
  },
  loadScenario(scenario, intent) {
    history.note(intent);
    // Another race: the race map moves onto that race's own default keys (a link's own map is loaded after this).
    if (scenario.race === get().scenario.race) set({ scenario });
    else set({ scenario, mapSpec: { ...defaultMapSpecFor(scenario.race), res: get().mapSpec.res } });
  },
});
