/**
 * The library of races on screen: the picker switches races (their
 * examples, lanes, verdict and host view), a shared link to each race opens
 * the same trace in a fresh browser, and the usage view shows the counter
 * going wrong at the step where it does.
 */
import { expect, test } from '@playwright/test';
import { clippedText, openApp, stepIndex, waitIdle } from './fixtures';

test('switching races from the picker loads each race’s Nova test, its lanes and its host view', async ({ page }) => {
  await openApp(page);
  const race = page.getByTestId('race');
  await expect(race).toHaveValue('1896463');
  await expect(page.getByTestId('bug-link')).toHaveText('Nova bug #1896463');

  await race.selectOption('1879878-confirm');
  await waitIdle(page);
  await expect(page).toHaveURL(/\?v=1&race=1879878-confirm$/);
  await expect(page.getByTestId('bug-link')).toHaveText('Nova bug #1879878');
  await expect(page.getByTestId('example')).toHaveValue('confirm-nova-test');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-mechanism', 'periodic-before-drop');
  await expect(page.getByTestId('verdict-usage')).toHaveText('vcpus_used host1: -1 (expected 0) · host2: 1');
  await expect(page.locator('[data-testid="timeline-lane"]')).toHaveCount(4);
  await expect(page.locator('[data-lane="confirm-resize"] .tl-lane-label')).toHaveText('confirm_resize (host1)');
  await expect(page.getByTestId('timeline-axis-caption')).toHaveText('0 = POST confirmResize');
  await expect(page.getByTestId('host-host1').getByTestId('usage-db')).toHaveAttribute('data-value', '-1');
  await expect(page.getByTestId('delay-winDelay')).toBeVisible();
  await expect(page.getByTestId('delay-dropDelay')).toHaveCount(0);
  await expect(page.getByTestId('ignored-keys')).toContainText('dropDelay');

  // The race's own examples, and one of them.
  await page.getByTestId('example').selectOption('confirm-second-periodic');
  await waitIdle(page);
  await expect(page).toHaveURL(/race=1879878-confirm&periodicRuns=2$/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  await expect(page.getByTestId('verdict-reason')).toContainText('A later periodic restored host1 0, host2 1');
  await expect(page.getByTestId('host-host1').getByTestId('usage-db')).toHaveAttribute('data-value', '0');

  await race.selectOption('2025480');
  await waitIdle(page);
  await expect(page).toHaveURL(/\?v=1&race=2025480$/);
  await expect(page.getByTestId('host-compute1')).toBeVisible();
  await expect(page.getByTestId('host-host1')).toHaveCount(0);
  await expect(page.getByTestId('verdict-usage')).toContainText('compute1: 0');

  // Back to #1896463: its PCI view as it was.
  await race.selectOption('1896463');
  await waitIdle(page);
  await expect(page).toHaveURL(/\?v=1$/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-mechanism', 'stale-snapshots');
  await expect(page.getByTestId('host-host2').getByTestId('nova-count')).toHaveAttribute('data-count', '0');
  // Back in history returns to the unshelve.
  await page.goBack();
  await waitIdle(page);
  await expect(race).toHaveValue('2025480');
});

const LINKS = [
  { query: '?v=1&race=1879878-confirm&fix=1', verdict: 'kept', usage: 'host1: 0 · host2: 1' },
  { query: '?v=1&race=1879878-revert', verdict: 'lost', usage: 'host1: 0 (expected 1) · host2: 1 (expected 0)' },
  { query: '?v=1&race=1879878-revert&fix=1', verdict: 'lost', usage: 'host1: 0 (expected 1) · host2: 0' },
  { query: '?v=1&race=2025480&fix=1', verdict: 'kept', usage: 'compute1: 1' },
] as const;

for (const link of LINKS) {
  test(`a shared link opens the same race in a fresh browser: ${link.query}`, async ({ browser }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await openApp(page, `${link.query}&step=5`);
    const hash = await page.getByTestId('trace-hash').textContent();
    const url = page.url();
    await first.close();

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(url.replace(/^https?:\/\/[^/]+/, ''));
    await waitIdle(other);
    await expect(other.getByTestId('race')).toHaveValue(new URLSearchParams(link.query.slice(1)).get('race')!);
    await expect(other.getByTestId('trace-hash')).toHaveText(hash!);
    await expect(other.getByTestId('verdict')).toHaveAttribute('data-verdict', link.verdict);
    await expect(other.getByTestId('verdict-usage')).toContainText(link.usage);
    await expect(other.getByTestId('cursor-step')).toHaveAttribute('data-step-index', '4');
    await fresh.close();
  });
}

test('the usage view at the step where it goes wrong: the drop takes host1 from 0 to -1', async ({ page }) => {
  await openApp(page, '?v=1&race=1879878-confirm');
  const drop = await stepIndex(page, { kind: 'claim-dropped' });
  expect(drop).toBeGreaterThan(0);
  await openApp(page, `?v=1&race=1879878-confirm&step=${drop}`);
  const host1 = page.getByTestId('host-host1');
  // Just before the drop the periodic has already rebuilt host1 without the confirmed migration: 0, as expected.
  await expect(host1.getByTestId('usage-db')).toHaveAttribute('data-value', '0');
  await expect(host1.getByTestId('usage-tracked')).toContainText('tracked_migrations {}');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`step=${drop + 1}$`));
  await expect(host1.getByTestId('usage-db')).toHaveAttribute('data-value', '-1');
  await expect(host1.getByTestId('usage-db')).toContainText('was 0');
  await expect(page.getByTestId('state-view')).toContainText('compute_nodes host1');
  // At the end, the operation has finished: the card says the counter is wrong, the strip marks it red.
  await page.keyboard.press('End');
  await expect(host1).toHaveAttribute('data-usage', 'wrong');
  await expect(page.getByTestId('usage-row-host1').locator('[data-state="wrong"]')).toHaveAttribute('data-value', '-1');
  await expect(page.getByTestId('usage-row-host2').locator('[data-state="right"]')).toHaveAttribute('data-value', '1');
});

test('1280x800: no text is cut off on any race (the picker, the examples, the usage badge)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The drop (step 17) has the longest step name of the confirm.
  for (const query of ['?v=1&race=1879878-confirm&step=17', '?v=1&race=1879878-revert&fix=1', '?v=1&race=2025480&periodicRuns=2']) {
    await openApp(page, query);
    const clipped = await clippedText(page);
    expect(clipped, query).toEqual([]);
  }
});
