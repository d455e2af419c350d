import { expect, type Page, test } from '@playwright/test';
import { openApp } from './fixtures';

/** Every time the screen shows as text: HTML and the timeline's SVG labels. */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const html = document.body.innerText;
    const svg = [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? '').join('\n');
    return `${html}\n${svg}`;
  });
}

/** The mixed formats the issue found: "0.5 min", "at 123231 ms", "29942443–29942453 ms", "0 ms – 1 min 2.453 s". */
function mixedFormats(text: string): string[] {
  const patterns = [/\d+\.\d+ (min|h)\b/g, /\b\d{5,} ms\b/g, /\d{5,}–\d+/g, /\d ms – \d[\d.]* (min|h|s)\b/g];
  return patterns.flatMap((re) => text.match(re) ?? []);
}

test('one time format on a long production trace: ranges, ticks, details, reasons', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&periodicRuns=500');
  // It opens on the race (in ms); the whole trace reaches past a minute: both ends in h/min/s.
  await expect(page.getByTestId('timeline-range')).toHaveText(/^\d+–\d+ ms$/);
  expect(mixedFormats(await screenText(page))).toEqual([]);
  await page.getByTestId('timeline-zoom-fit').click();
  await expect(page.getByTestId('timeline-range')).toHaveText(/^0 s – 8 h 19 min [\d.]+ s$/);
  await expect(page.getByTestId('step-details')).toContainText(/8 h 19 min [\d.]+ s – 8 h 19 min [\d.]+ s \(10 ms\)/);
  await expect(page.getByTestId('cursor-step')).toContainText(/at 8 h 19 min [\d.]+ s/);
  expect(mixedFormats(await screenText(page))).toEqual([]);
  // Zoomed to a few minutes: ticks in min and s, never a fraction of a minute.
  await page.getByTestId('timeline-zoom-in').click();
  for (let i = 0; i < 6; i++) await page.getByTestId('timeline-zoom-in').click();
  const ticks = await page.locator('.tl-axis .tick text').allTextContents();
  expect(ticks.length).toBeGreaterThan(1);
  expect(ticks.filter((t) => /\d\.\d+ (min|h)/.test(t))).toEqual([]);
  expect(mixedFormats(await screenText(page))).toEqual([]);
});

test('the reason of a late verdict is in the same format (the model writes "100070 ms")', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&periodicAt=120000&claimAt=100000');
  expect(mixedFormats(await page.getByTestId('verdict-reason').innerText())).toEqual([]);
  await expect(page.getByTestId('verdict-reason')).toContainText(/\d+ min [\d.]+ s/);
});
