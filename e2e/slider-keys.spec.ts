import { expect, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

/**
 * Key repeat on a slider, faster than React renders: every key event is queued
 * at once through the DevTools protocol, so none waits for the previous frame.
 * This used to pile up renders until React stopped with error #185 and dropped
 * key presses.
 */
test('hammering a slider with 100 ArrowLeft presses: no page error and the exact final value', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  const slider = page.getByTestId('delay-migDelay');
  await expect(slider).toHaveValue('2000');
  await slider.focus();
  const cdp = await page.context().newCDPSession(page);
  const key = (type: 'rawKeyDown' | 'keyUp') =>
    cdp.send('Input.dispatchKeyEvent', { type, key: 'ArrowLeft', code: 'ArrowLeft', windowsVirtualKeyCode: 37, nativeVirtualKeyCode: 37 });
  const presses: Promise<unknown>[] = [];
  for (let i = 0; i < 100; i++) presses.push(key('rawKeyDown'), key('keyUp'));
  await Promise.all(presses);
  await waitIdle(page);
  // 100 presses of the 10 ms slider step.
  await expect(slider).toHaveValue('1000');
  await expect(page.getByTestId('delay-migDelay-value')).toHaveValue('1000');
  expect(await page.evaluate(() => window.racelab!.state().scenario.migDelay)).toBe(1000);
  await expect(page).toHaveURL(/migDelay=1000/);
  expect(errors).toEqual([]);
});

test('typing into a number field keeps what is typed until Enter, then shows the stored value', async ({ page }) => {
  await openApp(page);
  const field = page.getByTestId('delay-dropDelay-value');
  await field.fill('12.6');
  await expect(field).toHaveValue('12.6');
  await field.press('Enter');
  await waitIdle(page);
  await expect(field).toHaveValue('13');
  await field.fill('');
  await field.blur();
  await expect(field).toHaveValue('13');
});
