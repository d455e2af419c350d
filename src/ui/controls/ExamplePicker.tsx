/**
 * Load a ready-made scenario; shows which one is on screen, or "your own",
 * and what it shows in a sentence under the select.
 */
import { selectScenario } from '../../state/selectors';
import { useApp, useAppStore } from '../store-context';
import { EXAMPLES, examplesOf, matchingExample } from './examples';

export function ExamplePicker() {
  const store = useAppStore();
  const scenario = useApp(selectScenario);
  const current = matchingExample(scenario);
  const examples = examplesOf(scenario.race);
  return (
    <>
      <label className="field example-picker">
        <span>Example</span>
        <select
          data-testid="example"
          value={current?.id ?? ''}
          onChange={(e) => {
            const example = EXAMPLES.find((x) => x.id === e.target.value);
            if (example) store.getState().loadScenario(example.scenario, 'push');
          }}
        >
          {!current && <option value="">your own scenario</option>}
          {examples.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>
      </label>
      <p className="field-doc example-summary" data-testid="example-summary">
        {current ? current.summary : 'Your own scenario: pick an example to start from a known one.'}
      </p>
    </>
  );
}
