/**
 * Copy the full URL (every input, the selected step and the view), or the
 * `npm run simulate` command that reruns the scenario headless, for a bug
 * report.
 */
import { selectScenario } from '../../state/selectors';
import { shareableUrl } from '../../state/url-sync';
import { simulateCommand } from '../../url/simulate-command';
import { useAppStore } from '../store-context';
import { CopyButton } from './CopyButton';

export function ShareButton() {
  const store = useAppStore();
  return (
    <>
      <CopyButton
        testId="share-link"
        className="share-button"
        label="Copy link"
        copiedLabel="Link copied"
        what="the link to this scenario"
        text={() => shareableUrl(store, window.location)}
      />
      <CopyButton
        testId="copy-simulate"
        label="Copy as command"
        copiedLabel="Command copied"
        what="the command that simulates this scenario"
        title="Copy npm run -s simulate -- '<query>': the same scenario, headless, as JSON (for a bug report or another CI)"
        text={() => simulateCommand(selectScenario(store.getState()))}
      />
    </>
  );
}
