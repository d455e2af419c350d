import { expect, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

test('Copy link copies the full URL; a fresh browser opening it sees the same trace and step', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openApp(page, '?v=1&migDelay=1500&bootAt=6000');
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  // The sixth step (index 5): the URL counts like the screen, from 1.
  await expect(page).toHaveURL(/step=6/);
  const share = page.getByTestId('share-link');
  await share.click();
  await expect(share).toContainText('copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toMatch(/\?v=1&migDelay=1500&bootAt=6000&step=6$/);
  const verdict = await page.getByTestId('verdict').getAttribute('data-verdict');
  const hash = await page.getByTestId('trace-hash').textContent();
  const cursor = await page.getByTestId('cursor-step').textContent();
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied.replace(/^https?:\/\/[^/]+/, ''));
  await waitIdle(other);
  await expect(other.getByTestId('verdict')).toHaveAttribute('data-verdict', verdict!);
  await expect(other.getByTestId('trace-hash')).toHaveText(hash!);
  await expect(other.getByTestId('cursor-step')).toHaveText(cursor!);
  await expect(other.getByTestId('cursor-step')).toHaveAttribute('data-step-index', '5');
  await fresh.close();
});

test('the Nova test link is short: defaults stay out of the URL', async ({ page }) => {
  await openApp(page, '');
  await expect(page).toHaveURL(/\/\?v=1$/);
});

test('Back and Forward move through discrete changes', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('fix-toggle').check();
  await waitIdle(page);
  await expect(page).toHaveURL(/fix=1/);
  await page.getByTestId('preset').selectOption('production');
  await waitIdle(page);
  await expect(page).toHaveURL(/fix=1&preset=production|preset=production&fix=1/);

  await page.goBack();
  await waitIdle(page);
  await expect(page.getByTestId('preset')).toHaveValue('nova-test');
  await expect(page.getByTestId('fix-toggle')).toBeChecked();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');

  await page.goBack();
  await waitIdle(page);
  await expect(page.getByTestId('fix-toggle')).not.toBeChecked();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');

  await page.goForward();
  await waitIdle(page);
  await expect(page.getByTestId('fix-toggle')).toBeChecked();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
});

test('Back after stepping returns to the previous step', async ({ page }) => {
  await openApp(page, '?v=1&step=3');
  await page.getByTestId('step-next').click();
  await expect(page).toHaveURL(/step=4/);
  await page.goBack();
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', '2');
  await expect(page.getByTestId('cursor-step')).toContainText('step 3 /');
});

test('the trace hash on screen is the one `npm run simulate` prints for the same link', async ({ page }) => {
  const { execFileSync } = await import('node:child_process');
  const query = 'v=1&migDelay=1500&bootAt=6000&jitter=40&seed=9';
  await openApp(page, `?${query}`);
  const onScreen = (await page.getByTestId('trace-hash').textContent())?.replace(/^#/, '');
  const cli = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/simulate.ts', query], { encoding: 'utf8' })) as { traceHash: string; bugReproduced: boolean };
  expect(onScreen).toBe(cli.traceHash);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', cli.bugReproduced ? 'lost' : 'kept');
});
