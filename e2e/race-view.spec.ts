import { expect, type Page, test } from '@playwright/test';
import { openApp, stepIndex } from './fixtures';

async function domain(page: Page): Promise<[number, number]> {
  const timeline = page.getByTestId('timeline');
  return [Number(await timeline.getAttribute('data-domain-start')), Number(await timeline.getAttribute('data-domain-end'))];
}

const span = (d: [number, number]): number => d[1] - d[0];

/** The race in the trace on screen: host2's first snapshot of inst-A to the free (or the host save). */
async function race(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const steps = window.racelab!.state().trace!.steps;
    const s1 = steps.find((s) => s.host === 'host2' && s.kind === 'instance-list' && s.end > steps.find((c) => c.kind === 'claim')!.start)!;
    const end = steps.find((s) => s.host === 'host2' && s.kind === 'pci-freed') ?? steps.find((s) => s.kind === 'host-saved')!;
    return [s1.start, end.end] as [number, number];
  });
}

test('a long production trace opens framed on the race, not on an 8-hour axis', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&periodicRuns=500');
  const shown = await domain(page);
  const [start, end] = await race(page);
  expect(shown[0]).toBeLessThanOrEqual(start);
  expect(shown[1]).toBeGreaterThanOrEqual(end);
  // The race fills most of the width.
  expect(end - start).toBeGreaterThan(span(shown) * 0.7);
  // The framing is the default view: the link stays short.
  await expect(page).toHaveURL(/periodicRuns=500$/);
  // Both snapshots that lost the VF are on screen.
  await expect(page.locator('[data-testid="timeline-snapshot"][data-status="missed"]')).toHaveCount(2);
});

test('the Nova test opens on the whole trace: the race fills half of it', async ({ page }) => {
  await openApp(page);
  const endTime = await page.evaluate(() => window.racelab!.state().trace!.endTime);
  expect(await domain(page)).toEqual([0, endTime]);
});

test('"Race" zooms to the race (with the fix: to the host save), z does too, and Fit shows everything', async ({ page }) => {
  await openApp(page, '?v=1&fix=1');
  const whole = await domain(page);
  await page.getByTestId('timeline-zoom-race').click();
  const [start, end] = await race(page);
  const framed = await domain(page);
  expect(framed[0]).toBeLessThanOrEqual(start);
  expect(framed[1]).toBeGreaterThanOrEqual(end);
  expect(span(framed)).toBeLessThan(span(whole));
  await expect(page.getByTestId('timeline-zoom-race')).toBeDisabled();
  await expect(page).toHaveURL(/t0=\d+&t1=\d+$/);
  await page.getByTestId('timeline-zoom-fit').click();
  await expect.poll(() => domain(page)).toEqual(whole);
  await page.keyboard.press('z');
  await expect.poll(() => domain(page)).toEqual(framed);
});

test('a merged group says "click to zoom in", and a click zooms in', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&periodicRuns=500');
  // The whole day (it opens framed on the race), where thousands of steps merge.
  const fit = page.getByTestId('timeline-zoom-fit');
  if (await fit.isEnabled()) await fit.click();
  const before = await domain(page);
  const group = page.getByTestId('timeline-cluster').filter({ hasText: /steps/ }).first();
  await expect(group).toBeVisible();
  await group.hover();
  await expect(page.getByTestId('timeline-tooltip')).toContainText('click to zoom in');
  await group.click();
  await expect.poll(async () => span(await domain(page))).toBeLessThan(span(before) / 2);
});

test('the end of the race reads at the default zoom: one label in order, one ⚠ badge, words beside host2\'s snapshots', async ({ page }) => {
  await openApp(page);
  const host2Labels = page.locator('.tl-kind-labels g[data-lane="periodic-host2"] text');
  await expect(host2Labels.filter({ hasText: 'snapshot 2 → clean_usage → PCI freed' })).toHaveCount(1);
  // One badge for the freed VF and the save that follows it a pixel later.
  await expect(page.getByTestId('timeline-violation-badge')).toHaveCount(1);
  const freed = await stepIndex(page, { kind: 'pci-freed', host: 'host2' });
  await expect(page.locator(`[data-testid="timeline-step"][data-step-index="${freed}"]`).getByTestId('timeline-violation-badge')).toBeVisible();
  // What the race links mean is said on host2's strip, not in host1's lane.
  await expect(page.locator('.tl-kind-labels g[data-lane="periodic-host1"] text').filter({ hasText: /S1|S2|before|after|late/ })).toHaveCount(0);
  const strip = page.getByTestId('timeline-strip');
  await expect(strip).toContainText("snapshot 1 missed ✗ (read 50 ms before host=host2)");
  await expect(strip).toContainText("snapshot 2 missed ✗ (read 941 ms after 'done')");
});

for (const width of [1280, 1440, 1920]) {
  test(`the race's words are the same at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    const texts = await page.locator('[data-testid="timeline-strip"] text.tl-snap-label').allTextContents();
    expect(texts.sort()).toEqual(["snapshot 1 missed ✗ (read 50 ms before host=host2)", "snapshot 2 missed ✗ (read 941 ms after 'done')"]);
  });
}
