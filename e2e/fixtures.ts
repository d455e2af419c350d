/**
 * Shared helpers for the end-to-end tests: open a deep link and wait for the
 * app's idle signal (the trace on screen belongs to the scenario on screen).
 */
import { expect, type Page } from '@playwright/test';

/** Wait until the simulation has caught up with the inputs. */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.racelab !== undefined);
  await page.evaluate(() => window.racelab!.whenIdle());
  await expect(page.locator('.app[data-sim-status="ready"]')).toBeVisible();
}

/** Open the app at `query` (e.g. `?v=1&fix=1`) and wait until it is idle. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await waitIdle(page);
}

/** Index of the first step (in trace order) matching a predicate, read from the app's state. */
export async function stepIndex(page: Page, match: { kind?: string; host?: string; thread?: string; name?: string }): Promise<number> {
  return page.evaluate((m) => {
    const steps = window.racelab!.state().trace?.steps ?? [];
    const found = steps.find(
      (s) =>
        (m.kind === undefined || s.kind === m.kind) &&
        (m.host === undefined || s.host === m.host) &&
        (m.thread === undefined || s.thread === m.thread) &&
        (m.name === undefined || s.name === m.name),
    );
    return found ? found.index : -1;
  }, match);
}

/**
 * A trace of 20,007 steps, the size the issue asks for: both hosts'
 * periodics run every second, 1,428 times each (the model allows 1,500 per
 * thread and 25,000 steps), and host1 comes back at 0.5 s, so its periodic
 * runs too.
 */
export const BIG_TRACE_QUERY = '?v=1&preset=production&periodicRuns=1428&period=1000&host1UpAt=500';
/** How many steps BIG_TRACE_QUERY's trace has. */
export const BIG_TRACE_STEPS = 20_007;
