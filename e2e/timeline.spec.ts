import { expect, type Page, test } from '@playwright/test';
import { openApp, stepIndex } from './fixtures';

const LANE_ORDER = ['api', 'evacuation', 'periodic-host1', 'periodic-host2', 'boot', 'host1-restart'];

async function domain(page: Page): Promise<[number, number]> {
  const timeline = page.getByTestId('timeline');
  return [Number(await timeline.getAttribute('data-domain-start')), Number(await timeline.getAttribute('data-domain-end'))];
}

const span = (d: [number, number]): number => d[1] - d[0];

/** A point over the lanes, in the middle of the plot (right of the lane labels). */
async function plotCentre(page: Page): Promise<{ x: number; y: number }> {
  const lanes = page.getByTestId('timeline-lane');
  const first = (await lanes.first().boundingBox())!;
  const label = (await lanes.first().locator('.tl-lane-label').boundingBox())!;
  const plotLeft = label.x + label.width + 20;
  return { x: plotLeft + (first.x + first.width - plotLeft) / 2, y: first.y + first.height * 2 };
}

const stepBar = (page: Page, index: number) => page.locator(`[data-testid="timeline-step"][data-step-index="${index}"]`);

test('one lane per thread of the trace, in the fixed order', async ({ page }) => {
  await openApp(page, '?v=1&bootAt=6000&host1UpAt=8000');
  const threads = await page.evaluate(() => [...new Set(window.racelab!.state().trace!.steps.map((s) => s.thread))]);
  const expected = LANE_ORDER.filter((lane) => threads.includes(lane as never));
  const lanes = page.getByTestId('timeline-lane');
  await expect(lanes).toHaveCount(expected.length);
  expect(await lanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')))).toEqual(expected);
  await expect(lanes.filter({ hasText: 'host2 periodic' })).toHaveCount(1);
});

test('clicking a step bar moves the cursor there', async ({ page }) => {
  await openApp(page);
  const wait = await stepIndex(page, { thread: 'evacuation', name: 'wait for lock' });
  expect(wait).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('cursor-step')).not.toHaveAttribute('data-step-index', String(wait));
  await stepBar(page, wait).click();
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', String(wait));
  await expect(page.getByTestId('timeline-cursor')).toHaveAttribute('data-step-index', String(wait));
});

test('the wheel zooms, a drag pans, and neither moves the cursor', async ({ page }) => {
  await openApp(page);
  const cursor = await page.getByTestId('cursor-step').getAttribute('data-step-index');
  const whole = await domain(page);
  const { x, y } = await plotCentre(page);
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -600);
  await expect.poll(async () => span(await domain(page))).toBeLessThan(span(whole) * 0.8);
  const zoomed = await domain(page);
  // The time under the pointer stays put: it was inside before and after.
  const anchor = (whole[0] + whole[1]) / 2;
  expect(zoomed[0]).toBeLessThan(anchor);
  expect(zoomed[1]).toBeGreaterThan(anchor);

  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 120, y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await domain(page))[0]).toBeGreaterThan(zoomed[0]);
  const panned = await domain(page);
  expect(span(panned)).toBeCloseTo(span(zoomed), 0);
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', cursor!);
});

test('the zoom buttons zoom in, out and back to the whole trace, from the keyboard too', async ({ page }) => {
  await openApp(page);
  const whole = await domain(page);
  await expect(page.getByRole('button', { name: 'Show the whole trace' })).toBeDisabled();
  await page.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => span(await domain(page))).toBeCloseTo(span(whole) / 2, 0);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(async () => span(await domain(page))).toBeCloseTo(span(whole), 0);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Show the whole trace' }).click();
  await expect.poll(() => domain(page)).toEqual(whole);
});

test('hovering a step shows its tooltip and marks it hovered', async ({ page }) => {
  await openApp(page);
  const wait = await stepIndex(page, { thread: 'evacuation', name: 'wait for lock' });
  await stepBar(page, wait).hover();
  const tooltip = page.getByTestId('timeline-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('wait for lock');
  await expect(tooltip).toContainText('waits for compute_resources');
  await expect(tooltip).toContainText('400–2333 ms');
  expect(await page.evaluate(() => window.racelab!.state().hoveredStep)).toBe(wait);
  await page.getByTestId('cursor-step').hover();
  await expect(tooltip).toBeHidden();
  expect(await page.evaluate(() => window.racelab!.state().hoveredStep)).toBeNull();
});

test('the buggy default: both snapshots missed, both reads stale, the broken invariant flagged', async ({ page }) => {
  await openApp(page);
  const snapshot = (which: number) => page.locator(`[data-testid="timeline-snapshot"][data-snapshot="${which}"]`);
  await expect(snapshot(1)).toHaveAttribute('data-status', 'missed');
  await expect(snapshot(2)).toHaveAttribute('data-status', 'missed');
  await expect(page.getByTestId('timeline-strip')).toContainText('snapshot 1 missed');
  await expect(page.getByTestId('timeline-strip')).toContainText('snapshot 2 missed');
  await expect(page.locator('[data-testid="timeline-link"][data-stale="true"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="timeline-link"][data-harmless="true"]')).toHaveCount(0);
  const freed = await stepIndex(page, { kind: 'pci-freed', host: 'host2' });
  await expect(stepBar(page, freed)).toHaveAttribute('data-violation', 'true');
  await expect(stepBar(page, freed).getByTestId('timeline-violation-badge')).toBeVisible();

  // Clicking a snapshot mark selects that read.
  const s2 = await stepIndex(page, { kind: 'migration-list', host: 'host2' });
  await expect(snapshot(2)).toHaveAttribute('data-step-index', String(s2));
  await snapshot(2).click();
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', String(s2));
});

test('with the fix, snapshot 2 lands while the migration is in progress', async ({ page }) => {
  await openApp(page, '?v=1&fix=1');
  await expect(page.locator('[data-testid="timeline-snapshot"][data-snapshot="2"]')).toHaveAttribute('data-status', 'seen');
  await expect(page.locator('[data-testid="timeline-snapshot"][data-status="missed"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="timeline-link"][data-which="2"]')).toHaveAttribute('data-stale', 'false');
  // Snapshot 1 still came before the host save, but snapshot 2 saw the migration: harmless.
  await expect(page.locator('[data-testid="timeline-link"][data-which="1"]')).toHaveAttribute('data-harmless', 'true');
  await expect(page.locator('[data-testid="timeline-step"][data-violation]')).toHaveCount(0);
});

test('a production day of periodic runs draws merged groups, not thousands of steps', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&periodicRuns=1000');
  const steps = await page.evaluate(() => window.racelab!.state().trace!.steps.length);
  expect(steps).toBeGreaterThan(5000);
  // A trace this long opens framed on the race; the whole day is one click away.
  await page.getByTestId('timeline-zoom-fit').click();
  await expect(page.getByTestId('timeline-cluster').first()).toBeVisible();
  expect(await page.getByTestId('timeline-step').count()).toBeLessThan(200);
  expect(await page.locator('[data-testid="timeline"] svg *').count()).toBeLessThan(1500);
  // The run that lost the claim stays a mark of its own.
  await expect(page.locator('[data-testid="timeline-snapshot"][data-status="missed"]')).toHaveCount(2);
});
