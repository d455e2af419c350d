import { expect, type Page, test } from '@playwright/test';
import { openApp, stepIndex } from './fixtures';

const VF = '0000:02:00.1';
const BUGGY_SHA = '3f348602ae';
const FIXED_SHA = '7675964af8';

/** Go to the first step with the Home key, then press the Right arrow `count` times. */
async function stepWithKeys(page: Page, count: number): Promise<void> {
  const cursor = page.getByTestId('cursor-step');
  await page.keyboard.press('Home');
  await expect(cursor).toHaveAttribute('data-step-index', '0');
  for (let i = 0; i < count; i++) await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-step-index', String(count));
}

/** Click the "next step" button until the cursor is at `target`. */
async function clickNextUntil(page: Page, target: number): Promise<void> {
  const cursor = page.getByTestId('cursor-step');
  const now = Number(await cursor.getAttribute('data-step-index'));
  for (let i = now; i < target; i++) await page.getByTestId('step-next').click();
  await expect(cursor).toHaveAttribute('data-step-index', String(target));
}

test("host2's periodic frees the VF inst-A still runs with, and the panels say who and why", async ({ page }) => {
  await openApp(page);
  const freed = await stepIndex(page, { kind: 'pci-freed', host: 'host2' });
  expect(freed).toBeGreaterThan(0);
  await stepWithKeys(page, freed);
  await expect(page.getByTestId('cursor-step')).toContainText('free device');

  const host2 = page.getByTestId('host-host2');
  const vf = host2.locator(`[data-address="${VF}"]`);
  await expect(vf).toHaveAttribute('data-status', 'available');
  await expect(vf).toHaveAttribute('data-owner', '');
  await expect(vf).toHaveAttribute('data-look', 'lost');
  // The tracker freed it in memory; the pci_devices row still says allocated until the save.
  await expect(vf).toHaveAttribute('data-db-status', 'allocated');
  await expect(vf.getByTestId('db-differs')).toContainText('allocated (inst-A)');
  await expect(host2.locator('[data-guest="inst-A"]')).toContainText(VF);
  const reason = vf.getByTestId('freed-reason');
  await expect(reason).toContainText("freed by host2 periodic's clean_usage at");
  await expect(reason).toContainText('inst-A was in neither snapshot');
  await expect(host2.getByTestId('host-service')).toHaveText(/up/);
  await expect(page.getByTestId('host-host1').getByTestId('host-service')).toHaveText(/down \(forced down\)/);

  const details = page.getByTestId('step-details');
  await expect(details.getByTestId('nova-ref')).toContainText('PciDevTracker.clean_usage');
  await expect(details.getByTestId('nova-link')).toHaveAttribute('href', new RegExp(`/blob/${BUGGY_SHA}[0-9a-f]*/nova/pci/manager\\.py#L\\d+$`));
  await expect(details.getByTestId('nova-commit')).toContainText(`buggy commit ${BUGGY_SHA}`);
  await expect(details.getByTestId('violations-here')).toContainText('available while inst-A uses it');

  // One more step: the save writes the freed VF to pci_devices, and the Nova test's count drops to 0.
  await page.keyboard.press('ArrowRight');
  await expect(vf).toHaveAttribute('data-db-status', 'available');
  await expect(host2.getByTestId('nova-count')).toHaveAttribute('data-count', '0');
  // The red device still says who freed it, and leads back there.
  await vf.getByRole('button', { name: `go to step ${freed + 1}` }).click();
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', String(freed));
});

test('the state view shows the instance host and the migration status changing', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('step-first').click();
  const state = page.getByTestId('state-view');
  const host = state.getByTestId('state-instance-inst-A').locator('[data-field="host"]');
  const status = state.getByTestId('state-migration-1').locator('[data-field="status"]');

  await expect(status).toHaveAttribute('data-value', 'accepted');
  await expect(status).toHaveAttribute('data-changed', 'true');

  await clickNextUntil(page, await stepIndex(page, { kind: 'claim' }));
  await expect(status).toHaveAttribute('data-value', 'pre-migrating');
  await expect(status).toContainText('was accepted');
  await expect(host).toHaveAttribute('data-value', 'host1');
  await expect(host).toHaveAttribute('data-changed', 'false');

  await clickNextUntil(page, await stepIndex(page, { kind: 'host-saved' }));
  await expect(host).toHaveAttribute('data-value', 'host2');
  await expect(host).toHaveAttribute('data-changed', 'true');
  await expect(host).toContainText('was host1');

  await clickNextUntil(page, await stepIndex(page, { kind: 'migration-done' }));
  await expect(status).toHaveAttribute('data-value', 'done');
  await expect(status).toContainText('was pre-migrating');
  await expect(host).toHaveAttribute('data-changed', 'false');
  // What host2's periodic read before the save: no instance.
  await expect(state.getByTestId('state-periodic-host2').locator('[data-field="instance list"]')).toHaveAttribute(
    'data-value',
    /^\[\] at \d+ ms$/,
  );
});

test('with the fix, host2 keeps the VF allocated and finish_evacuation links to the fix', async ({ page }) => {
  await openApp(page, '?v=1&fix=1');
  await page.keyboard.press('End');
  const vf = page.getByTestId('host-host2').locator(`[data-address="${VF}"]`);
  await expect(vf).toHaveAttribute('data-status', 'allocated');
  await expect(vf).toHaveAttribute('data-owner', 'inst-A');
  await expect(vf).toHaveAttribute('data-db-status', 'allocated');
  await expect(page.getByTestId('host-host2').getByTestId('nova-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('all-violations')).toContainText('no invariant broke');

  await stepWithKeys(page, await stepIndex(page, { kind: 'host-saved' }));
  const details = page.getByTestId('step-details');
  await expect(details.getByTestId('nova-ref')).toContainText('ResourceTracker.finish_evacuation');
  await expect(details.getByTestId('nova-link')).toHaveAttribute('href', new RegExp(`/blob/${FIXED_SHA}[0-9a-f]*/nova/compute/resource_tracker\\.py#L\\d+$`));
  await expect(details.getByTestId('nova-commit')).toContainText(`fixed commit ${FIXED_SHA}`);
  await expect(details.getByTestId('step-lock')).toHaveAttribute('data-lock', 'held');
});

test('the violation list moves the cursor to where an invariant broke', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('step-first').click();
  const jump = page.getByTestId('violation-jump').first();
  const target = await jump.getAttribute('data-step');
  expect(target).not.toBeNull();
  await jump.click();
  await expect(page.getByTestId('cursor-step')).toHaveAttribute('data-step-index', target!);
  await expect(jump).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('step-details').getByTestId('violations-here')).toBeVisible();
});
