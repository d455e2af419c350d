/**
 * The timing space in a real browser: the race map fills in from the sweep
 * workers, a click on a cell sets both keys, a map link shows the same map
 * elsewhere, and the nearest-flip button flips the verdict.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

const MAP_TIMEOUT = { timeout: 60_000 };

async function mapDone(page: Page): Promise<Locator> {
  const map = page.getByTestId('race-map');
  await expect(map).toHaveAttribute('data-state', 'done', MAP_TIMEOUT);
  return map;
}

/** A cell of the finished map with this verdict code whose neighbours all share it, nearest the middle. */
async function interiorCell(page: Page, code: number): Promise<{ fx: number; fy: number }> {
  return page.evaluate((wanted) => {
    const run = window.racelab!.state().raceMap!;
    const { res } = run.spec;
    const at = (i: number, j: number) => run.cells[j * res + i];
    let best: { i: number; j: number; d: number } | null = null;
    for (let j = 1; j < res - 1; j++) {
      for (let i = 1; i < res - 1; i++) {
        let same = true;
        for (let dj = -1; dj <= 1 && same; dj++) for (let di = -1; di <= 1 && same; di++) same = at(i + di, j + dj) === wanted;
        const d = Math.abs(i - res / 2) + Math.abs(j - res / 2);
        if (same && (!best || d < best.d)) best = { i, j, d };
      }
    }
    if (!best) throw new Error(`no interior cell with code ${wanted}`);
    return { fx: (best.i + 0.5) / res, fy: 1 - (best.j + 0.5) / res };
  }, code);
}

async function clickAtFraction(page: Page, fx: number, fy: number): Promise<void> {
  const plot = page.getByTestId('race-map-plot');
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: fx * box.width, y: fy * box.height } });
}

test('the default map finishes with lost cells; with the fix none is lost', async ({ page }) => {
  await openApp(page, '?v=1');
  const map = await mapDone(page);
  await expect(map).toHaveAttribute('data-cells', '10000');
  expect(Number(await map.getAttribute('data-lost'))).toBeGreaterThan(1000);
  await expect(page.getByTestId('race-map-progress')).toHaveAttribute('value', '10000');
  // The count of lost cells and the map's time, whole at 1280 × 800 (not cut by an ellipsis).
  const status = map.locator('.race-map-status-text');
  const lostCount = Number(await map.getAttribute('data-lost')).toLocaleString('en-US');
  await expect(status).toHaveText(new RegExp(`^${lostCount} lost · \\d+ ms$`));
  await expect(status).toHaveAttribute('title', new RegExp(`^${lostCount} of 10,000 cells lost, computed in \\d+ ms$`));
  expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(page.getByTestId('race-map-current')).toHaveAttribute('data-x', '1000');

  // A slider of one of the map's keys moves the marker, not the map.
  const lost = await map.getAttribute('data-lost');
  await page.getByTestId('delay-dropDelay-value').fill('2500');
  await page.getByTestId('delay-dropDelay-value').press('Enter');
  await waitIdle(page);
  await expect(page.getByTestId('race-map-current')).toHaveAttribute('data-x', '2500');
  await expect(map).toHaveAttribute('data-state', 'done');
  await expect(map).toHaveAttribute('data-lost', lost!);

  // Hover names the values under the pointer and the cell's verdict.
  const box = (await page.getByTestId('race-map-plot').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
  await expect(page.getByTestId('race-map-readout')).toHaveText(/^dropDelay \d+ ms · migDelay \d+ ms: lost$/);
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.9);
  await expect(page.getByTestId('race-map-readout')).toHaveText(/^dropDelay \d+ ms · migDelay \d+ ms: kept$/);

  await openApp(page, '?v=1&fix=1');
  const fixed = await mapDone(page);
  await expect(fixed).toHaveAttribute('data-cells', '10000');
  await expect(fixed).toHaveAttribute('data-lost', '0');
});

test('a click on a kept cell turns the verdict kept, on a lost cell lost, each a history entry', async ({ page }) => {
  await openApp(page, '?v=1');
  await mapDone(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');

  const kept = await interiorCell(page, 0);
  await clickAtFraction(page, kept.fx, kept.fy);
  await waitIdle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
  const keptUrl = page.url();
  expect(keptUrl).toMatch(/dropDelay=\d+&migDelay=\d+/);
  // The marker follows: it sits where the click was.
  const { dropDelay, migDelay } = await page.evaluate(() => window.racelab!.state().scenario);
  await expect(page.getByTestId('race-map-current')).toHaveAttribute('data-x', String(dropDelay));
  await expect(page.getByTestId('race-map-current')).toHaveAttribute('data-y', String(migDelay));
  expect(Math.abs(dropDelay - kept.fx * 3000)).toBeLessThanOrEqual(15);
  expect(Math.abs(migDelay - (1 - kept.fy) * 3000)).toBeLessThanOrEqual(15);

  const lost = await interiorCell(page, 1);
  await clickAtFraction(page, lost.fx, lost.fy);
  await waitIdle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');

  await page.goBack();
  await waitIdle(page);
  expect(page.url()).toBe(keptUrl);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
});

test('a map link opened in a fresh browser shows the same map', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page, '?v=1');
  await mapDone(page);
  const map = page.getByTestId('race-map');
  await page.getByTestId('race-map-x').selectOption('spawn');
  await page.getByTestId('race-map-res').selectOption('50');
  await expect(map).toHaveAttribute('data-x-key', 'spawn');
  await expect(map).toHaveAttribute('data-res', '50');
  await mapDone(page);
  // Zoom with the brush: a drag over the lower-left quarter of the plot.
  const box = (await page.getByTestId('race-map-plot').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.95, { steps: 5 });
  await page.mouse.up();
  await expect(map).not.toHaveAttribute('data-x-max', '3000');
  await mapDone(page);
  const attributes = async (m: Locator) =>
    Object.fromEntries(await Promise.all(['x-key', 'y-key', 'x-min', 'x-max', 'y-min', 'y-max', 'res', 'cells', 'lost'].map(async (k) => [k, await m.getAttribute(`data-${k}`)])));
  const seen = await attributes(map);
  expect(Number(seen['x-max'])).toBeLessThan(3000);
  expect(Number(seen['y-max'])).toBeLessThan(3000);
  const cells = await page.evaluate(() => Array.from(window.racelab!.state().raceMap!.cells).join(''));
  await expect(page).toHaveURL(/mapX=spawn.*mapXMax=\d+.*mapRes=50/);
  const url = page.url().replace(/^https?:\/\/[^/]+/, '');
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  const again = await mapDone(other);
  expect(await attributes(again)).toEqual(seen);
  expect(await other.evaluate(() => Array.from(window.racelab!.state().raceMap!.cells).join(''))).toBe(cells);
  await expect(other.getByTestId('race-map-x')).toHaveValue('spawn');
  await expect(other.getByTestId('race-map-y')).toHaveValue('migDelay');

  await other.getByTestId('race-map-reset').click();
  await expect(again).toHaveAttribute('data-x-max', '3000');
  await expect(again).toHaveAttribute('data-y-min', '0');
  await fresh.close();
});

test('the nearest-flip button flips the verdict, both ways', async ({ page }) => {
  await openApp(page, '?v=1');
  for (const [from, to] of [['lost', 'kept'], ['kept', 'lost']] as const) {
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', from);
    const flip = page.getByTestId('nearest-flip');
    await expect(flip).toHaveAttribute('data-state', 'done', MAP_TIMEOUT);
    const key = (await flip.getAttribute('data-key'))!;
    const value = Number(await flip.getAttribute('data-value'));
    expect(key).not.toBe('');
    await page.getByTestId('nearest-flip-apply').click();
    await waitIdle(page);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', to);
    expect(await page.evaluate((k) => window.racelab!.state().scenario[k as 'spawn'], key)).toBe(value);
  }
});

test('odds under jitter: 1000 seeded runs, some lost near the edge', async ({ page }) => {
  await openApp(page, '?v=1&dropDelay=1900&jitter=100');
  const odds = page.getByTestId('odds');
  await expect(odds).toHaveAttribute('data-state', 'done', MAP_TIMEOUT);
  await expect(odds).toHaveAttribute('data-runs', '1000');
  const lost = Number(await odds.getAttribute('data-lost'));
  expect(lost).toBeGreaterThan(0);
  expect(lost).toBeLessThan(1000);
});
