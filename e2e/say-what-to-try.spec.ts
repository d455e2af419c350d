import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

test('first visit: two sentences under the verdict, what S1/S2 and the counts mean; dismissed, it stays away', async ({ page }) => {
  await openApp(page);
  const hint = page.getByTestId('first-visit-hint');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('What happened: host2\'s periodic read the instance list (S1) before the evacuation saved host=host2');
  await expect(hint).toContainText('Try: To make it go away, drag migDelay below dropDelay (1000 ms) or tick fix.');
  const terms = page.getByTestId('hint-definitions');
  await expect(terms).toContainText("S1, S2: the two snapshots host2's periodic takes");
  await expect(terms).toContainText('“host1: 1 · host2: 0”: pci_devices rows allocated to inst-A per host, which the Nova test asserts');
  // Below the verdict, above the timeline.
  const verdict = (await page.getByTestId('verdict').boundingBox())!;
  expect((await hint.boundingBox())!.y).toBeGreaterThan(verdict.y);
  // The counts keep their definition at hand after the hint is gone.
  await expect(page.locator('.verdict-counts')).toHaveAttribute('title', /which the Nova test asserts/);
  await page.getByTestId('hint-dismiss').click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await waitIdle(page);
  await expect(page.getByTestId('first-visit-hint')).toHaveCount(0);
});

test('the hint follows the verdict: with the fix it says how to see the bug', async ({ page }) => {
  await openApp(page, '?v=1&fix=1');
  await expect(page.getByTestId('first-visit-hint')).toContainText('To see the bug, untick fix');
});

test('production says it keeps the test\'s sleeps, and offers the race from jitter alone, which loses', async ({ page }) => {
  await openApp(page, '?v=1&preset=production');
  const note = page.getByTestId('production-note');
  await expect(note).toContainText("A real deployment has no injected sleeps: this scenario keeps the test's dropDelay (1000 ms) and migDelay (2000 ms)");
  await note.getByRole('button', { name: 'Try the race from jitter alone' }).click();
  await waitIdle(page);
  await expect(page).toHaveURL(/\?v=1&preset=production&dropDelay=0&migDelay=0&periodicRuns=5&jitter=100&seed=27$/);
  await expect(page.getByTestId('example')).toHaveValue('production-jitter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  await expect(note).toHaveCount(0);
});

test('the jitter-only link from the issue loses', async ({ page }) => {
  await openApp(page, '?preset=production&dropDelay=0&migDelay=0&jitter=100&seed=27&periodicRuns=5');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
});

test('"Copy as command" copies the npm run simulate command, which reruns the same trace', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openApp(page, '?v=1&migDelay=1500&jitter=40&seed=9&step=3&compare=1');
  const button = page.getByTestId('copy-simulate');
  await button.click();
  await expect(button).toContainText('Command copied');
  const command = await page.evaluate(() => navigator.clipboard.readText());
  // The scenario only: the step and the view belong to the app.
  expect(command).toBe("npm run -s simulate -- 'v=1&migDelay=1500&jitter=40&seed=9'");
  const out = JSON.parse(execFileSync('sh', ['-c', command], { encoding: 'utf8' })) as { traceHash: string };
  await expect(page.getByTestId('trace-hash')).toHaveText(`#${out.traceHash}`);
  await context.close();
});
