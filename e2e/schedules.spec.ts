/**
 * Every schedule: the explorer in the app. It runs in its own worker for the
 * buggy and the fixed code, finds losing schedules only for the buggy one,
 * and a loaded schedule is drawn in step order and shared by its link.
 */
import { expect, type Page, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

async function explore(page: Page): Promise<void> {
  const panel = page.getByTestId('schedules');
  await page.getByTestId('schedules-run').click();
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
}

test('the panel explores: losing schedules for the buggy code, none for the fix', async ({ page }) => {
  await openApp(page);
  const panel = page.getByTestId('schedules');
  await expect(panel).toHaveAttribute('data-state', 'idle');
  await explore(page);
  expect(Number(await panel.getAttribute('data-schedules'))).toBeGreaterThan(10);
  expect(Number(await panel.getAttribute('data-losing'))).toBeGreaterThan(0);
  await expect(page.getByTestId('schedules-buggy')).not.toHaveAttribute('data-losing', '0');
  await expect(page.getByTestId('schedules-fixed')).toHaveAttribute('data-losing', '0');
  await expect(panel).toContainText('lost (bug #1896463)');
  // With the fix on screen, the panel speaks for the fixed code: no losing schedule.
  await openApp(page, '?v=1&fix=1');
  await explore(page);
  await expect(panel).toHaveAttribute('data-losing', '0');
});

test('the shortest losing schedule loads into the timeline in step order, and its link opens it again', async ({ page, browser }) => {
  await openApp(page);
  await explore(page);
  await page.getByTestId('schedule-load-shortest').click();
  await waitIdle(page);
  await expect(page).toHaveURL(/[?&]schedule=1\.[a-z0-9]+/);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-mode', 'schedule');
  await expect(page.getByTestId('timeline-axis-caption')).toContainText('step order');
  await expect(page.getByTestId('schedule-banner')).toContainText('decides which thread goes next');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  await expect(page.getByTestId('verdict-reason')).toContainText('at step');
  // Every panel works on it as on a timed trace: step to the free and see the VF red.
  const freed = await page.evaluate(() => window.racelab!.state().trace!.steps.findIndex((s) => s.kind === 'pci-freed'));
  await page.keyboard.press('Home');
  for (let i = 0; i < freed; i++) await page.keyboard.press('ArrowRight');
  await waitIdle(page);
  await expect(page.getByTestId('cursor-step')).toContainText('free device');
  await expect(page.getByTestId('host-host2').locator('[data-address="0000:02:00.1"]')).toHaveAttribute('data-look', 'lost');
  await expect(page.getByTestId('step-time')).toContainText('time replaced by step order');
  const url = page.url();
  const hash = await page.getByTestId('trace-hash').textContent();
  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh, new URL(url).search);
  await expect(fresh.getByTestId('timeline')).toHaveAttribute('data-mode', 'schedule');
  await expect(fresh.getByTestId('trace-hash')).toHaveText(hash!);
  await expect(fresh.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  // And back to the timed run.
  await page.getByTestId('schedule-clear').click();
  await waitIdle(page);
  await expect(timeline).toHaveAttribute('data-mode', 'timed');
  await expect(page).not.toHaveURL(/schedule=/);
});

test('a schedule that does not fit the scenario falls back to the timed run, with a notice', async ({ page }) => {
  await openApp(page, '?v=1&fix=1&schedule=1.a5b9a3b4');
  await expect(page.getByTestId('notice')).toContainText('does not fit this scenario');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-mode', 'timed');
  await expect(page).not.toHaveURL(/schedule=/);
  await openApp(page, '?v=1&schedule=zzz');
  await expect(page.getByTestId('notice')).toContainText('schedule="zzz" is not a schedule');
});

test('every race explores: #1879878 confirm loses by a periodic before the drop, and its losing schedule loads with host1 at -1', async ({ page }) => {
  await openApp(page, '?v=1&race=1879878-confirm');
  const panel = page.getByTestId('schedules');
  await explore(page);
  await expect(page.getByTestId('schedules-buggy')).not.toHaveAttribute('data-losing', '0');
  await expect(page.getByTestId('schedules-fixed')).toHaveAttribute('data-losing', '0');
  await expect(panel).toContainText('lost (periodic before the drop), vcpus_used host1: -1');
  await page.getByTestId('schedule-load-shortest').click();
  await waitIdle(page);
  await expect(page).toHaveURL(/race=1879878-confirm/);
  await expect(page).toHaveURL(/[?&]schedule=1\.[a-z0-9]+/);
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-mode', 'schedule');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
});

test('a scenario too big for the budget is cut short, says so, and shows what it covered', async ({ page }) => {
  test.setTimeout(150_000);
  // Issue 11's bigger scenario: two evacuations, three periodic runs and a boot (millions of schedules).
  await openApp(page, '?v=1&preset=production&periodicRuns=3&bootAt=3000&evacuees=2');
  const panel = page.getByTestId('schedules');
  await page.getByTestId('schedules-run').click();
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  for (const variant of ['buggy', 'fixed']) {
    const column = page.getByTestId(`schedules-${variant}`);
    await expect(column).toContainText('cut short by the budget');
    await expect(column.locator('.sched-outcomes li').first()).toContainText('× kept');
  }
  // What it covered: the buggy code's losing schedules, ready to load.
  await expect(page.getByTestId('schedules-buggy')).not.toHaveAttribute('data-losing', '0');
  await expect(page.getByTestId('schedule-load-shortest')).toBeVisible();
});
