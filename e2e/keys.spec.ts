import { expect, type Page, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

const cursor = (page: Page) => page.getByTestId('cursor-step');

/** Home, ArrowRight and End move the cursor to the first, second and last step. */
async function homeRightEnd(page: Page): Promise<void> {
  await page.keyboard.press('Home');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '0');
  await page.keyboard.press('ArrowRight');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '1');
  await page.keyboard.press('End');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '25');
}

test('with focus on the Example select, Home/End/arrows step and the example stays', async ({ page }) => {
  await openApp(page);
  const example = page.getByTestId('example');
  await example.focus();
  await homeRightEnd(page);
  await expect(example).toHaveValue('nova-test');
  await expect(example).toBeFocused();
  await expect(page).toHaveURL(/\?v=1$/);
});

test('with focus on the Harness select, the arrows step and the harness stays', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('step-first').click();
  await page.getByTestId('preset').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '1');
  await expect(page.getByTestId('preset')).toHaveValue('nova-test');
  await expect(page).not.toHaveURL(/preset=/);
});

test('with focus on the fix checkbox, keys step and Space plays; Enter toggles the fix', async ({ page }) => {
  await openApp(page);
  const fix = page.getByTestId('fix-toggle');
  await fix.focus();
  await homeRightEnd(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('step-play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('step-play')).toHaveAttribute('aria-pressed', 'false');
  await expect(fix).not.toBeChecked();
  await page.keyboard.press('Enter');
  await waitIdle(page);
  await expect(fix).toBeChecked();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
});

test('j/k and ]/[ step even on a focused slider, which keeps its arrows', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('step-first').click();
  const slider = page.getByTestId('delay-migDelay');
  await slider.focus();
  await page.keyboard.press('j');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '1');
  await page.keyboard.press(']');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '2');
  await page.keyboard.press('k');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '1');
  await page.keyboard.press('[');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '0');
  await expect(slider).toHaveValue('2000');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue('1990');
});

test('typing in a number field never steps', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('step-first').click();
  const field = page.getByTestId('delay-migDelay-value');
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowRight');
  await expect(cursor(page)).toHaveAttribute('data-step-index', '0');
});

test('? shows the keys on screen; Escape and the button close and open them', async ({ page }) => {
  await openApp(page);
  const help = page.getByTestId('key-help');
  const panel = page.getByTestId('key-help-panel');
  await expect(help).toBeVisible();
  await expect(panel).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(panel).toBeVisible();
  await expect(help).toHaveAttribute('data-open', 'true');
  for (const text of ['next step', 'previous step', 'first step', 'last step', 'play / pause']) await expect(panel).toContainText(text);
  await expect(panel.locator('kbd', { hasText: /^j$/ })).toBeVisible();
  await expect(panel.locator('kbd', { hasText: /^\[$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await help.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  await expect(panel).toBeVisible();
});
