/**
 * The command line that reruns a scenario headless: what "Copy as command"
 * puts on the clipboard for a bug report. Only the scenario's keys (the step
 * and the view are the app's), quoted for a POSIX shell (the query never
 * holds a quote: its keys and values are known words and numbers).
 */
import type { Scenario } from '../model/scenario';
import { scenarioToQuery } from './scenario-query';

/**
 * @example simulateCommand({ ...defaultScenario(), fix: true }) // "npm run -s simulate -- 'v=1&fix=1'"
 */
export function simulateCommand(scenario: Scenario): string {
  return `npm run -s simulate -- '${scenarioToQuery(scenario, null)}'`;
}
