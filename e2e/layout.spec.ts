import { expect, type Page, test } from '@playwright/test';
import { openApp } from './fixtures';

const AREAS = ['.area-controls', '.area-timeline', '.area-playback', '.area-hosts', '.area-state', '.area-details'];

async function boxes(page: Page) {
  return Promise.all(AREAS.map(async (selector) => ({ selector, box: (await page.locator(selector).boundingBox())! })));
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  for (const [verdict, query] of [['lost', '?v=1'], ['kept', '?v=1&fix=1']] as const) {
    test(`${viewport.width}x${viewport.height}, allocation ${verdict}: panels do not overlap and fit the window`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      await openApp(page, query);
      await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', verdict);
      const all = await boxes(page);
      for (const { selector, box } of all) {
        expect(box.width, `${selector} is visible`).toBeGreaterThan(100);
        expect(box.height, `${selector} is visible`).toBeGreaterThan(30);
        expect(box.x + box.width, `${selector} fits horizontally`).toBeLessThanOrEqual(viewport.width + 1);
        expect(box.y + box.height, `${selector} fits vertically`).toBeLessThanOrEqual(viewport.height + 1);
      }
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++) {
          expect(overlap(all[i]!.box, all[j]!.box), `${all[i]!.selector} overlaps ${all[j]!.selector}`).toBe(false);
        }
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const shot = testInfo.outputPath(`main-${verdict}-${viewport.width}x${viewport.height}.png`);
      await page.screenshot({ path: shot });
      await testInfo.attach(`main screen, allocation ${verdict}, ${viewport.width}x${viewport.height}`, { path: shot, contentType: 'image/png' });
    });
  }
}

test('controls are labelled for screen readers', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('checkbox', { name: /fix: finish_evacuation under the lock/ })).toBeVisible();
  await expect(page.getByRole('slider', { name: /^migDelay \(ms\)/ })).toBeVisible();
  await expect(page.getByRole('slider', { name: /^dropDelay \(ms\)/ })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'migDelay value in ms' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Harness' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Next step/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Copy link/ })).toBeVisible();
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, button')].filter((el) => {
      const e = el as HTMLInputElement;
      const label = e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.tagName === 'BUTTON' && e.textContent?.trim());
      return !label;
    }).map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unlabelled).toEqual([]);
});
