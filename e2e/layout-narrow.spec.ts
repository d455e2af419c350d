import { expect, type Page, test } from '@playwright/test';
import { openApp } from './fixtures';

async function domain(page: Page): Promise<[number, number]> {
  const timeline = page.getByTestId('timeline');
  return [Number(await timeline.getAttribute('data-domain-start')), Number(await timeline.getAttribute('data-domain-end'))];
}

for (const viewport of [{ width: 900, height: 700 }, { width: 600, height: 800 }]) {
  for (const query of ['?v=1', '?v=1&fix=1', '?v=1&preset=production&periodicRuns=500']) {
    test(`${viewport.width}x${viewport.height} ${query}: the verdict and the timeline are on the first screen, no sideways scroll`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      await openApp(page, query);
      for (const id of ['verdict', 'timeline']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.y, `${id} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, `${id} ends on the first screen`).toBeLessThanOrEqual(viewport.height);
        expect(box.x + box.width, `${id} fits the width`).toBeLessThanOrEqual(viewport.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // The lanes are drawn inside the box, not past it.
      const svg = (await page.locator('[data-testid="timeline"] svg').first().boundingBox())!;
      expect(svg.x + svg.width).toBeLessThanOrEqual(viewport.width);
      const shot = testInfo.outputPath(`first-screen-${viewport.width}x${viewport.height}.png`);
      await page.screenshot({ path: shot });
      await testInfo.attach(`first screen ${viewport.width}x${viewport.height} ${query}`, { path: shot, contentType: 'image/png' });
    });
  }
}

test('900x700: the wheel over the timeline scrolls the page; Ctrl+wheel or a click into it zooms', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await openApp(page);
  const whole = await domain(page);
  await page.evaluate(() => window.scrollTo(0, 200));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(200);
  const lane = page.getByTestId('timeline-lane').nth(2);
  const box = (await lane.boundingBox())!;
  const x = box.x + box.width * 0.6;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -200);
  // The page scrolled back up, and the timeline kept its zoom.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  expect(await domain(page)).toEqual(whole);
  await expect(page.getByTestId('timeline-wheel-hint')).toBeVisible();

  await page.evaluate(() => window.scrollTo(0, 0));
  const top = (await lane.boundingBox())!;
  await page.mouse.move(top.x + top.width * 0.6, top.y + top.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await domain(page))[1] - (await domain(page))[0]).toBeLessThan(whole[1] - whole[0]);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Back to the whole trace, then: a click into the timeline lets the plain wheel zoom.
  await page.getByTestId('timeline-zoom-fit').click();
  await expect.poll(() => domain(page)).toEqual(whole);
  await page.mouse.click(top.x + 4, top.y + 4);
  await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await domain(page))[1] - (await domain(page))[0]).toBeLessThan(whole[1] - whole[0]);
});
