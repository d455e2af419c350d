import { expect, type Page, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

const pane = (page: Page, side: 'buggy' | 'fixed') => page.locator(`[data-testid="compare-pane"][data-side="${side}"]`);

/** Where a tick label sits on screen, per pane: the two time axes must line up. */
async function tickX(page: Page, side: 'buggy' | 'fixed', label: string): Promise<number> {
  const box = await pane(page, side).locator('.tl-axis .tick', { hasText: new RegExp(`^${label}$`) }).boundingBox();
  return box!.x;
}

test('buggy and fixed side by side: a toggle in the URL, both verdicts, the difference marked, one time axis', async ({ page }) => {
  await openApp(page);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-compare', 'off');
  await page.getByTestId('compare-toggle').check();
  await waitIdle(page);
  await expect(timeline).toHaveAttribute('data-compare', 'on');
  await expect(page).toHaveURL(/\?v=1&compare=1$/);

  await expect(pane(page, 'buggy')).toHaveAttribute('data-verdict', 'lost');
  await expect(pane(page, 'fixed')).toHaveAttribute('data-verdict', 'kept');
  // Where finish_evacuation moves under the lock.
  await expect(pane(page, 'buggy').getByTestId('compare-diff-finish')).toHaveAttribute('data-locked', 'false');
  await expect(pane(page, 'fixed').getByTestId('compare-diff-finish')).toHaveAttribute('data-locked', 'true');
  await expect(pane(page, 'fixed').getByTestId('compare-diff-text')).toContainText('finish_evacuation waits for the lock from 2393 ms, then holds it');
  // Which read changes: snapshot 2 misses the migration in the buggy code and sees it with the fix.
  await expect(pane(page, 'buggy').locator('[data-testid="compare-diff-read"][data-which="2"]')).toHaveAttribute('data-status', 'missed');
  await expect(pane(page, 'fixed').locator('[data-testid="compare-diff-read"][data-which="2"]')).toHaveAttribute('data-status', 'seen');
  await expect(pane(page, 'fixed').getByTestId('compare-diff-text')).toContainText('snapshot 2 at 4364 ms sees the migration in progress ✓');
  // Aligned in time.
  expect(await tickX(page, 'buggy', '2000 ms')).toBeCloseTo(await tickX(page, 'fixed', '2000 ms'), 0);
  // The scenario on screen (buggy) owns the cursor; the other side shows none.
  await expect(pane(page, 'buggy').getByTestId('timeline-cursor')).toHaveCount(1);
  await expect(pane(page, 'fixed').getByTestId('timeline-cursor')).toHaveCount(0);

  // A deliberate change: Back turns it off again.
  await page.goBack();
  await waitIdle(page);
  await expect(timeline).toHaveAttribute('data-compare', 'off');
  await expect(page.getByTestId('compare-toggle')).not.toBeChecked();
});

test('a link with compare=1 opens side by side; with the fix on screen, buggy stays on top and the fixed side has the cursor', async ({ page }) => {
  await openApp(page, '?v=1&fix=1&compare=1');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-compare', 'on');
  await expect(page.getByTestId('compare-toggle')).toBeChecked();
  const panes = page.getByTestId('compare-pane');
  await expect(panes).toHaveCount(2);
  expect(await panes.evaluateAll((els) => els.map((e) => e.getAttribute('data-side')))).toEqual(['buggy', 'fixed']);
  await expect(pane(page, 'fixed').getByTestId('timeline-cursor')).toHaveCount(1);
  await expect(pane(page, 'buggy').getByTestId('timeline-cursor')).toHaveCount(0);
  // Zooming one side zooms both (one domain).
  await page.getByTestId('timeline-zoom-race').click();
  await expect(page).toHaveURL(/t0=\d+&t1=\d+&compare=1$/);
  // A slider re-simulates both sides.
  await page.getByTestId('delay-migDelay-value').fill('500');
  await page.getByTestId('delay-migDelay-value').press('Enter');
  await waitIdle(page);
  await expect(pane(page, 'buggy')).toHaveAttribute('data-verdict', 'kept');
});
