import { expect, type Page, test } from '@playwright/test';
import { clippedText, openApp, waitIdle } from './fixtures';

async function timelineTop(page: Page): Promise<number> {
  return (await page.getByTestId('timeline').boundingBox())!.y;
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 1440, height: 900 }]) {
  test(`${viewport.width}x${viewport.height}: scrolling a panel to its end never scrolls the page`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    const panel = page.locator('.area-controls');
    const box = (await panel.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 400);
    await expect.poll(() => panel.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    expect((await page.locator('.app-header').boundingBox())!.y).toBe(0);
  });
}

test('1280x800: the page does not move when the verdict text changes or arrives', async ({ page, context }) => {
  // Hold the worker back, to see the screen while it says "Simulating…".
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(/sim\.worker[^/]*\.js/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?v=1');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'pending');
  const pending = await timelineTop(page);
  release();
  await waitIdle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  const lost = await timelineTop(page);
  await page.getByTestId('fix-toggle').check();
  await waitIdle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
  const kept = await timelineTop(page);
  expect([pending, lost, kept]).toEqual([lost, lost, lost]);
  const playbackTop = async () => (await page.locator('.area-playback').boundingBox())!.y;
  const before = await playbackTop();
  await page.getByTestId('step-first').click();
  expect(await playbackTop()).toBe(before);
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 1440, height: 900 }, { width: 1920, height: 1080 }]) {
  test(`${viewport.width}x${viewport.height}: no text is cut off (example, slider descriptions, current step, legend)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const query of ['?v=1', '?v=1&preset=production&periodicRuns=500']) {
      await openApp(page, query);
      for (const example of ['nova-test', 'host1-mid-evacuation', 'production-jitter']) {
        await page.getByTestId('example').selectOption(example);
        await waitIdle(page);
        expect(await clippedText(page), `${query} / ${example}`).toEqual([]);
      }
    }
  });
}
