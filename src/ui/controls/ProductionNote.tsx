/**
 * Production has no injected sleeps. When the production harness keeps the
 * regression test's sleeps (its examples do, to open the window wide), say
 * so, and offer the example where jitter alone opens it.
 */
import type { AppState } from '../../state/store';
import { useAppShallow, useAppStore } from '../store-context';
import { EXAMPLES } from './examples';

const selectNote = (s: AppState) => ({ preset: s.scenario.preset, dropDelay: s.scenario.dropDelay, migDelay: s.scenario.migDelay });
const JITTER_ONLY = EXAMPLES.find((e) => e.id === 'production-jitter');

export function ProductionNote() {
  const store = useAppStore();
  const { preset, dropDelay, migDelay } = useAppShallow(selectNote);
  if (preset !== 'production' || (dropDelay === 0 && migDelay === 0)) return null;
  return (
    <p className="field-doc production-note" data-testid="production-note">
      A real deployment has no injected sleeps: this scenario keeps the test&apos;s dropDelay ({dropDelay} ms) and migDelay ({migDelay} ms) to
      widen the window.{' '}
      {JITTER_ONLY ? (
        <button type="button" className="link-button" onClick={() => store.getState().loadScenario(JITTER_ONLY.scenario, 'push')}>
          Try the race from jitter alone
        </button>
      ) : null}
    </p>
  );
}
