import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('a run that stops before the claim gets a neutral "not reached" verdict, not a green "kept"', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&claimAt=3600000&periodicRuns=10000&period=1000');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'incomplete');
  await expect(verdict).toContainText('Race not reached');
  await expect(verdict).not.toContainText('kept');
  await expect(page.getByTestId('verdict-reason')).toContainText('Not reached: the evacuation never reached its claim on host2');
  await expect(page.getByTestId('verdict-reason')).toContainText('stopped after 1500 periodic runs');
  // Neutral: the badge is neither the lost red nor the kept green.
  const colour = await verdict.locator('.verdict-badge').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(colour).toBe('rgb(102, 112, 122)');
});

test('a run whose evacuation finished before a model limit keeps its verdict, and the stop is said', async ({ page }) => {
  // The race was decided when the evacuation finished; the periodic runs the limit cut off cannot change it.
  await openApp(page, '?v=1&preset=production&fix=1&periodicRuns=5000&period=1000');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
  await expect(page.getByTestId('notice')).toContainText('stopped after 1500 periodic runs');
});
