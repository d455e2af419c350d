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

/**
 * Text that does not fit its box: cut off or ellipsised sideways, the step
 * readout's two lines spilling out of their fixed height, the verdict's
 * counts running out of the verdict box, a select's chosen option wider
 * than the select.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const boxes = document.querySelectorAll<HTMLElement>(
      '.param-doc, .field-doc, .cursor-step, .cursor-line, .dev-legend, .dev-legend > span, .verdict-badge, .verdict-counts, .usage-line',
    );
    for (const el of boxes) if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className}: ${el.textContent?.slice(0, 40)}`);
    for (const el of document.querySelectorAll<HTMLElement>('.cursor-step')) {
      if (el.scrollHeight > el.clientHeight + 1) out.push(`${el.className} (taller than its box): ${el.textContent?.slice(0, 40)}`);
    }
    // A host card's service badge stays inside its card.
    for (const card of document.querySelectorAll<HTMLElement>('.host-card')) {
      const badge = card.querySelector('.svc');
      if (badge && badge.getBoundingClientRect().right > card.getBoundingClientRect().right + 1) out.push(`svc (out of its host card): ${badge.textContent}`);
    }
    const verdict = document.querySelector('[data-testid="verdict"]')?.getBoundingClientRect();
    for (const el of document.querySelectorAll<HTMLElement>('.verdict-counts')) {
      if (verdict && el.getBoundingClientRect().right > verdict.right + 1) out.push(`${el.className} (out of the verdict box): ${el.textContent?.slice(0, 40)}`);
    }
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const select of document.querySelectorAll<HTMLSelectElement>('select')) {
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? '';
      if (canvas.measureText(text).width > select.clientWidth - 24) out.push(`select ${select.dataset.testid}: ${text}`);
    }
    return out;
  });
}
