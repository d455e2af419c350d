import { expect, test } from '@playwright/test';

test('the app opens with its title and simulates the Nova test', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Racelab/);
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
});
