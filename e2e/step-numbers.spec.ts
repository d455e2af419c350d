import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

const notice = (page: import('@playwright/test').Page) => page.getByTestId('notice');

test('step=N in the URL is the screen\'s step N, and stepping writes the number on screen', async ({ page }) => {
  await openApp(page, '?v=1&step=23');
  const cursor = page.getByTestId('cursor-step');
  await expect(cursor).toContainText('step 23 / 26');
  await expect(cursor).toHaveAttribute('data-step', '23');
  await expect(notice(page)).toHaveCount(0);
  await page.getByTestId('step-next').click();
  await expect(cursor).toContainText('step 24 / 26');
  await expect(page).toHaveURL(/[?&]step=24$/);
  // The details and the tooltip count the same way.
  await expect(page.getByTestId('step-details')).toContainText('#24');
});

test('step=999 shows the last step and says so in the same numbers', async ({ page }) => {
  await openApp(page, '?v=1&step=999');
  await expect(page.getByTestId('cursor-step')).toContainText('step 26 / 26');
  await expect(notice(page)).toContainText('step=999 is past the last step of this scenario; showing step 26, the last.');
});

for (const raw of ['0', '-1']) {
  test(`step=${raw} shows step 1 and says so`, async ({ page }) => {
    await openApp(page, `?v=1&step=${raw}`);
    await expect(page.getByTestId('cursor-step')).toContainText('step 1 / 26');
    await expect(notice(page)).toContainText(`step="${raw}" is not a step number (steps count from 1); showing step 1.`);
  });
}

test('a step that is not a number shows the last step and says so', async ({ page }) => {
  await openApp(page, '?v=1&step=abc');
  await expect(page.getByTestId('cursor-step')).toContainText('step 26 / 26');
  await expect(notice(page)).toContainText('step="abc" is not a step number; showing the last step.');
});
