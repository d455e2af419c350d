/**
 * A 20,007-step trace (BIG_TRACE_QUERY, the size the issue asks for):
 * the timeline draws it on a canvas, and everything a user does with a
 * small trace still works: stepping with the keys and the slider, the host
 * view and the details at the stepped-to step, a click on a step, zooming.
 */
import { expect, type Page, test } from '@playwright/test';
import { BIG_TRACE_QUERY, BIG_TRACE_STEPS, openApp, stepIndex } from './fixtures';

const VF = '0000:02:00.1';

async function domain(page: Page): Promise<[number, number]> {
  const timeline = page.getByTestId('timeline');
  return [Number(await timeline.getAttribute('data-domain-start')), Number(await timeline.getAttribute('data-domain-end'))];
}

const span = (d: [number, number]): number => d[1] - d[0];

/**
 * Where time `t` is on screen, read from the axis the user sees (two of its
 * ticks give the scale), and the vertical middle of `lane`'s row.
 */
async function pointAt(page: Page, lane: string, t: number): Promise<{ x: number; y: number }> {
  const x = await page.evaluate((time) => {
    const ticks = [...document.querySelectorAll<SVGGElement>('[data-testid="timeline"] .tl-axis .tick')].map((tick) => ({
      value: (tick as unknown as { __data__: number }).__data__,
      x: tick.getBoundingClientRect().left + tick.getBoundingClientRect().width / 2,
    }));
    const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
    return a.x + ((time - a.value) / (b.value - a.value)) * (b.x - a.x);
  }, t);
  const row = (await page.locator(`[data-testid="timeline-lane"][data-lane="${lane}"]`).boundingBox())!;
  return { x, y: row.y + row.height / 2 };
}

test('a 20,000-step trace draws its steps on a canvas, the default scenario stays SVG', async ({ page }) => {
  await openApp(page, BIG_TRACE_QUERY);
  expect(await page.evaluate(() => window.racelab!.state().trace!.steps.length)).toBe(BIG_TRACE_STEPS);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-renderer', 'canvas');
  // The whole trace: thousands of steps, a few hundred elements.
  await page.getByTestId('timeline-zoom-fit').click();
  const canvas = timeline.locator('canvas');
  await expect(canvas).toBeVisible();
  const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) opaque++;
    return opaque / (c.width * c.height);
  });
  expect(painted).toBeGreaterThan(0.2);
  expect(await timeline.locator('svg *').count()).toBeLessThan(1500);
  await expect(timeline.getByTestId('timeline-cluster').first()).toBeVisible();

  await openApp(page);
  await expect(timeline).toHaveAttribute('data-renderer', 'svg');
  await expect(timeline.locator('canvas')).toHaveCount(0);
});

test('the keys and the step slider step through 20,000 steps, and the readout follows', async ({ page }) => {
  await openApp(page, BIG_TRACE_QUERY);
  const count = await page.evaluate(() => window.racelab!.state().trace!.steps.length);
  const cursor = page.getByTestId('cursor-step');
  await page.keyboard.press('Home');
  await expect(cursor).toHaveAttribute('data-step-index', '0');
  await expect(cursor).toContainText(`step 1 / ${count}`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-step-index', '3');
  await expect(cursor).toContainText(`step 4 / ${count}`);
  await page.keyboard.press('End');
  await expect(cursor).toHaveAttribute('data-step-index', String(count - 1));
  await expect(cursor).toContainText(`step ${count} / ${count}`);
  await page.getByTestId('step-scrubber').fill('7000');
  await expect(cursor).toHaveAttribute('data-step-index', '7000');
  await expect(cursor).toContainText(`step 7001 / ${count}`);
  await page.keyboard.press('ArrowLeft');
  await expect(cursor).toHaveAttribute('data-step-index', '6999');
  await page.getByTestId('step-scrubber').fill('19999');
  await expect(cursor).toContainText(`step 20000 / ${count}`);
  await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-step-index', '20000');
});

test('the host view and the details show the step the cursor is on', async ({ page }) => {
  await openApp(page, BIG_TRACE_QUERY);
  const freed = await stepIndex(page, { kind: 'pci-freed', host: 'host2' });
  expect(freed).toBeGreaterThan(0);
  const cursor = page.getByTestId('cursor-step');
  const vf = page.getByTestId('host-host2').locator(`[data-address="${VF}"]`);
  const details = page.getByTestId('step-details');

  await page.getByTestId('step-scrubber').fill(String(freed - 1));
  await expect(cursor).toHaveAttribute('data-step-index', String(freed - 1));
  await expect(vf).toHaveAttribute('data-status', 'allocated');
  await expect(vf).toHaveAttribute('data-owner', 'inst-A');

  await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-step-index', String(freed));
  await expect(vf).toHaveAttribute('data-status', 'available');
  await expect(vf).toHaveAttribute('data-look', 'lost');
  await expect(vf.getByTestId('freed-reason')).toContainText("freed by host2 periodic's clean_usage");
  await expect(details.getByTestId('step-name')).toContainText('free device');
  await expect(details.getByTestId('nova-ref')).toContainText('PciDevTracker.clean_usage');

  // Thousands of steps later the VF is still lost, and the details name the last step.
  await page.keyboard.press('End');
  const last = await page.evaluate(() => {
    const { trace } = window.racelab!.state();
    return trace!.steps[trace!.steps.length - 1]!.name;
  });
  await expect(details.getByTestId('step-name')).toContainText(last);
  await expect(vf).toHaveAttribute('data-look', 'lost');
});

test('a click on the canvas selects the step under it; hovering names it', async ({ page }) => {
  await openApp(page, BIG_TRACE_QUERY);
  // It opens framed on the race, where the evacuation's injected sleep is a long bar.
  const sleep = await page.evaluate(() => window.racelab!.state().trace!.steps.find((s) => s.thread === 'evacuation' && s.sleep)!);
  const [d0, d1] = await domain(page);
  expect(sleep.start).toBeGreaterThanOrEqual(d0);
  expect(sleep.end).toBeLessThanOrEqual(d1);
  const { x, y } = await pointAt(page, 'evacuation', (sleep.start + sleep.end) / 2);
  await page.mouse.move(x, y);
  await expect(page.getByTestId('timeline-tooltip')).toContainText(`step ${sleep.index + 1}`);
  await page.mouse.click(x, y);
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', String(sleep.index));
  await expect(page.getByTestId('timeline-cursor')).toHaveAttribute('data-step-index', String(sleep.index));
  await expect(page.getByTestId('step-details').getByTestId('step-name')).toContainText(sleep.name);
});

test('the wheel zooms the canvas and a drag pans it; neither moves the cursor', async ({ page }) => {
  await openApp(page, BIG_TRACE_QUERY);
  await page.getByTestId('timeline-zoom-fit').click();
  const cursor = await page.getByTestId('cursor-step').getAttribute('data-step-index');
  const whole = await domain(page);
  const { x, y } = await pointAt(page, 'periodic-host2', (whole[0] + whole[1]) / 2);
  await page.mouse.move(x, y);
  // Ctrl + wheel: the timeline's body scrolls here (five lanes and the strip), so a plain wheel scrolls it.
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -60);
  await page.keyboard.up('Control');
  // The domain is stored when the gesture ends (the wheel rests).
  await expect.poll(async () => span(await domain(page))).toBeLessThan(span(whole) * 0.8);
  const zoomed = await domain(page);
  expect(zoomed[0]).toBeLessThan((whole[0] + whole[1]) / 2);
  expect(zoomed[1]).toBeGreaterThan((whole[0] + whole[1]) / 2);
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-renderer', 'canvas');

  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 150, y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await domain(page))[0]).toBeGreaterThan(zoomed[0]);
  expect(span(await domain(page))).toBeCloseTo(span(zoomed), 0);
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', cursor!);
});
