import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

const VF_C = '0000:03:00.1';

test('two evacuations: both lanes, and at the end inst-C running on a VF host2 freed', async ({ page }) => {
  await openApp(page, '?v=1&evacuees=2');
  const lanes = page.getByTestId('timeline-lane');
  const names = await lanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')));
  expect(names.slice(0, 3)).toEqual(['api', 'evacuation', 'evacuation-2']);
  await expect(lanes.filter({ hasText: 'evacuation of inst-C' })).toHaveCount(1);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  await expect(page.getByTestId('verdict-reason')).toContainText('inst-A and inst-C lost their allocations');

  // The cursor is on the last step: inst-C still runs with host2's 0000:03:00.1, which the periodic freed.
  const host2 = page.getByTestId('host-host2');
  const vf = host2.locator(`[data-address="${VF_C}"]`);
  await expect(vf).toHaveAttribute('data-status', 'available');
  await expect(vf).toHaveAttribute('data-look', 'lost');
  await expect(host2.locator('[data-guest="inst-C"]')).toContainText(VF_C);
  const count = host2.getByTestId('nova-count-other');
  await expect(count).toHaveAttribute('data-instance', 'inst-C');
  await expect(count).toHaveAttribute('data-count', '0');
});

test('two evacuations, fixed: inst-C keeps its VF on host2', async ({ page }) => {
  await openApp(page, '?v=1&evacuees=2&fix=1');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
  const host2 = page.getByTestId('host-host2');
  const vf = host2.locator(`[data-address="${VF_C}"]`);
  await expect(vf).toHaveAttribute('data-status', 'allocated');
  await expect(vf).toHaveAttribute('data-owner', 'inst-C');
  await expect(host2.getByTestId('nova-count-other')).toHaveAttribute('data-count', '1');
});
