/**
 * Which way the allocation was lost, and where an operator would see the
 * double use: the verdict names the mechanism, and the device view shows the
 * Neutron ports that both name one VF.
 */
import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('the verdict names bug #1896463 for the Nova test, and no mechanism when the fix keeps the device', async ({ page }) => {
  await openApp(page, '?v=1');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'lost');
  await expect(verdict).toHaveAttribute('data-mechanism', 'stale-snapshots');
  await expect(page.getByTestId('verdict-mechanism')).toHaveText('bug #1896463');
  await openApp(page, '?v=1&fix=1');
  await expect(verdict).toHaveAttribute('data-verdict', 'kept');
  await expect(page.getByTestId('verdict-mechanism')).toHaveCount(0);
});

test('host1 back mid-evacuation: lost with the fix too, by the other mechanism, and the screen says the fix does not close it', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&fix=1&spawn=3000&periodicAt=1000&host1UpAt=500');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'lost');
  await expect(verdict).toHaveAttribute('data-mechanism', 'migration-completed-by-source');
  await expect(page.getByTestId('verdict-mechanism')).toHaveText('host1 back mid-evacuation');
  await expect(page.getByTestId('verdict-mechanism')).toHaveAttribute('title', /which the fix does not close/);
  await expect(page.getByTestId('verdict-reason')).toContainText('marked the migration completed');
  await expect(page.getByTestId('verdict-reason')).toContainText('The fix does not close this window.');
});

test('a run that never reaches the claim is "not reached", not a green kept', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&claimAt=3600000&periodicRuns=10000&period=1000');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'incomplete');
  await expect(verdict).toContainText('Race not reached');
  await expect(verdict).not.toContainText('kept');
});

test('after the loss, a new server gets the same VF: the device shows both ports naming it', async ({ page }) => {
  await openApp(page, '?v=1&bootAt=6000');
  const vf = page.getByTestId('host-host2').locator('[data-address="0000:02:00.1"]');
  await expect(vf).toHaveAttribute('data-owner', 'inst-B');
  const ports = vf.getByTestId('device-ports');
  await expect(ports).toContainText('2 ports say pci_slot 0000:02:00.1');
  await expect(ports).toContainText('port-A (inst-A)');
  await expect(ports).toContainText('port-B (inst-B)');
  // With the fix each port names its own VF.
  await openApp(page, '?v=1&bootAt=6000&fix=1');
  await expect(vf.getByTestId('device-ports')).toHaveText('port: port-A (inst-A)');
  await expect(page.getByTestId('host-host2').locator('[data-address="0000:03:00.1"]').getByTestId('device-ports')).toHaveText('port: port-B (inst-B)');
});
