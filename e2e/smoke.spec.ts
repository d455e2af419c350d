import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('the app opens with its title and simulates the Nova test', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle(/Racelab/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
});
