/**
 * How an export points back at its scenario: the app's link (every input and
 * the selected step in the query) and the equivalent headless command.
 */
import type { Scenario } from '../model/scenario';
import { scenarioToQuery } from '../url/scenario-query';

/** Where `npm start` serves the app: the CLI's default base for links. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:5173/';

/** What every export needs to name its scenario. */
export interface ExportContext {
  readonly scenario: Scenario;
  /** The selected step (for the host view and the link); `null` = the last step. */
  readonly cursor: number | null;
  /** The app's address without a query, e.g. `https://example.org/racelab/`. */
  readonly baseUrl: string;
}

/** The query without the cursor: what `npm run simulate` takes. */
export function scenarioQuery(scenario: Scenario): string {
  return scenarioToQuery(scenario, null);
}

/**
 * The app's link to this scenario (and step).
 *
 * @example scenarioLink({ scenario: defaultScenario(), cursor: null, baseUrl: 'http://127.0.0.1:5173/' }) // 'http://127.0.0.1:5173/?v=1'
 */
export function scenarioLink(ctx: ExportContext): string {
  const base = ctx.baseUrl.replace(/[?#].*$/s, '');
  return `${base}?${scenarioToQuery(ctx.scenario, ctx.cursor)}`;
}

/**
 * The shell command that prints the same trace headless. The query only
 * holds `[A-Za-z0-9=&.-]`, so single quotes are enough.
 */
export function simulateCommand(scenario: Scenario): string {
  return `npm run -s simulate -- '${scenarioQuery(scenario)}'`;
}
