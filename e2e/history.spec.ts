import { expect, type Page, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

async function domain(page: Page): Promise<[number, number]> {
  const timeline = page.getByTestId('timeline');
  return [Number(await timeline.getAttribute('data-domain-start')), Number(await timeline.getAttribute('data-domain-end'))];
}

/** Where the lanes are, right of their labels. */
async function overPlot(page: Page): Promise<{ x: number; y: number }> {
  const lane = (await page.getByTestId('timeline-lane').nth(1).boundingBox())!;
  return { x: lane.x + lane.width * 0.6, y: lane.y + lane.height / 2 };
}

test('the link keeps the zoom: the visible range is in the URL and a fresh page opens on it', async ({ page, browser }) => {
  await openApp(page);
  const { x, y } = await overPlot(page);
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -400);
  await expect(page).toHaveURL(/[?&]t0=\d+&t1=\d+$/);
  const zoomed = await domain(page);
  const url = new URL(page.url());
  const t0 = Number(url.searchParams.get('t0'));
  const t1 = Number(url.searchParams.get('t1'));
  // Whole ms that contain what is on screen.
  expect(t0).toBeLessThanOrEqual(zoomed[0]);
  expect(t1).toBeGreaterThanOrEqual(zoomed[1]);
  expect(t1 - t0).toBeLessThan(zoomed[1] - zoomed[0] + 2);

  const other = await browser.newPage();
  await other.goto(`/${url.search}`);
  await waitIdle(other);
  await expect.poll(() => domain(other)).toEqual([t0, t1]);
  await other.close();
});

test('a run of steps is one history entry: one Back undoes nine steps', async ({ page }) => {
  await openApp(page);
  const before = await page.evaluate(() => history.length);
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('cursor-step')).toContainText('step 17 / 26');
  await expect(page).toHaveURL(/[?&]step=17$/);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page).toHaveURL(/\?v=1$/);
  await expect(page.getByTestId('cursor-step')).toContainText('step 26 / 26');
});

test('after playing to the end, the first Back goes to the previous change, not to the same URL', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('fix-toggle').check();
  await waitIdle(page);
  await expect(page).toHaveURL(/\?v=1&fix=1$/);
  await page.getByTestId('step-first').click();
  await expect(page).toHaveURL(/\?v=1&fix=1&step=\d+$/);
  await page.getByTestId('playback-speed').selectOption('16');
  await page.getByTestId('step-play').click();
  await expect(page.getByTestId('step-play')).toHaveAttribute('aria-pressed', 'false', { timeout: 15_000 });
  await expect(page).toHaveURL(/\?v=1&fix=1$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?v=1$/);
  await waitIdle(page);
  await expect(page.getByTestId('fix-toggle')).not.toBeChecked();
});

test('a zoom gesture is one history entry, and Back returns to the view before it', async ({ page }) => {
  await openApp(page);
  const whole = await domain(page);
  const before = await page.evaluate(() => history.length);
  const { x, y } = await overPlot(page);
  await page.mouse.move(x, y);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
  await expect(page).toHaveURL(/t1=/);
  await expect.poll(() => page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page).toHaveURL(/\?v=1$/);
  await expect.poll(() => domain(page)).toEqual(whole);
});
