import { expect, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

interface Case {
  readonly name: string;
  readonly query: string;
  /** Text the notice must contain (it names the key). */
  readonly notice: string | RegExp;
}

// 2000 keys without values: about 10 kB, under the servers' 16 kB header limit.
const manyKeys = Array.from({ length: 2000 }, (_, i) => `j${i}`).join('&');

const CASES: readonly Case[] = [
  { name: 'a word for a number', query: '?v=1&migDelay=abc', notice: 'migDelay="abc" is not a plain decimal number; using 2000 instead' },
  { name: 'an exponent form', query: '?migDelay=1e3', notice: 'migDelay="1e3"' },
  { name: 'a negative number', query: '?dropDelay=-50', notice: 'dropDelay="-50" is outside 0..60000; using 0' },
  { name: 'a huge number', query: '?migDelay=99999999999999999999', notice: 'using 60000' },
  { name: 'NaN', query: '?spawn=NaN', notice: 'spawn="NaN"' },
  { name: 'Infinity', query: '?claimAt=Infinity', notice: 'claimAt="Infinity"' },
  { name: 'a script tag', query: `?preset=${encodeURIComponent('<script>window.__pwned=1</script>')}`, notice: 'preset="<script>window.__pwned=1</script>"' },
  { name: 'an HTML image with an onerror handler', query: `?fix=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`, notice: /fix="<img src=x onerror/ },
  { name: 'broken percent-encoding', query: '?migDelay=%E0%A4%A&dropDelay=%zz', notice: /dropDelay=|migDelay=/ },
  { name: 'non-UTF-8 bytes in a key', query: '?%ff%fe=1&fix=%C0%AF', notice: /fix=/ },
  { name: 'thousands of keys', query: `?${manyKeys}`, notice: 'Unknown keys "j0", "j1", "j2" and 1997 more; ignored' },
  { name: 'a very long value', query: `?seed=${'9'.repeat(5000)}`, notice: /seed="9{40}…" is too long/ },
  { name: 'a step that is not a step', query: '?step=-1', notice: 'step="-1" is not a step number' },
  { name: 'an unknown format version', query: '?v=99&fix=1', notice: 'Link format v="99" is unknown' },
  { name: 'a javascript: key', query: '?javascript:alert(1)=1', notice: 'Unknown key "javascript:alert(1)"' },
];

for (const c of CASES) {
  test(`bad URL – ${c.name}: a notice and a working page`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await openApp(page, c.query);
    const notice = page.getByTestId('notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(c.notice);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', /^(lost|kept)$/);
    // Text from the URL is text: nothing was injected or run.
    await expect(page.locator('.notices img, .notices script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The page still works: a discrete change re-simulates and the notice can be dismissed.
    await page.getByTestId('fix-toggle').setChecked(true);
    await waitIdle(page);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
    await page.getByRole('button', { name: 'Dismiss message' }).first().click();
    expect(errors).toEqual([]);
  });
}

test('valid keys of a partly bad link still apply', async ({ page }) => {
  await openApp(page, '?v=1&fix=1&migDelay=oops&dropDelay=300');
  await expect(page.getByTestId('fix-toggle')).toBeChecked();
  await expect(page.getByTestId('delay-dropDelay-value')).toHaveValue('300');
  await expect(page.getByTestId('delay-migDelay-value')).toHaveValue('2000');
  await expect(page.getByTestId('notice')).toContainText('migDelay="oops"');
  // The address bar is cleaned to what is shown.
  await expect(page).toHaveURL(/\?v=1&fix=1&dropDelay=300$/);
});

test('a scenario past the model limits stops with a message instead of freezing', async ({ page }) => {
  await openApp(page, '?v=1&preset=production&periodicRuns=5000&period=1000');
  await expect(page.getByTestId('notice')).toContainText('stopped after 1500 periodic runs');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  await page.getByTestId('delay-periodicRuns-value').fill('3');
  await page.getByTestId('delay-periodicRuns-value').press('Enter');
  await waitIdle(page);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('a killed worker is replaced, the scenario re-run and the inputs kept', async ({ page }) => {
  await openApp(page, '?v=1&fix=1&migDelay=1800');
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.evaluate(() => window.racelab!.crashWorker());
  await expect(page.getByTestId('notice')).toContainText('The simulation worker stopped');
  await expect(page.getByTestId('notice')).toContainText('your inputs are kept');
  await waitIdle(page);
  await expect(page.getByTestId('fix-toggle')).toBeChecked();
  await expect(page.getByTestId('delay-migDelay-value')).toHaveValue('1800');
  await expect(page.getByTestId('trace-hash')).toHaveText(hash!);
  // The new worker serves new requests.
  await page.getByTestId('fix-toggle').uncheck();
  await waitIdle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
});

test('a simulation worker whose script never loads: the page says so, and stops asking', async ({ page, context }) => {
  // Every start fails, the one the page's first script makes (src/boot.ts) and the client's.
  await context.route(/sim\.worker[^/]*\.js/, (route) => route.abort());
  await page.goto('/?v=1');
  await expect(page.locator('.app[data-sim-status="error"]')).toBeVisible();
  await expect(page.getByTestId('notice').last()).toContainText('The simulation worker stopped');
  await expect(page.getByTestId('notice').last()).toContainText('It failed again, so the simulation is paused');
});

test('a simulation worker that fails to start once is replaced: the verdict comes', async ({ page, context }) => {
  // The first start (the early worker the page's first script makes) fails; later ones load.
  let failed = 0;
  await context.route(/sim\.worker[^/]*\.js/, async (route) => {
    if (failed++ === 0) await route.abort();
    else await route.continue();
  });
  await page.goto('/?v=1');
  await waitIdle(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  expect(failed).toBeGreaterThanOrEqual(2);
});

test('the page forbids inline script (Content-Security-Policy)', async ({ page }) => {
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    return (window as unknown as { __inline?: number }).__inline;
  });
  expect(ran).toBeUndefined();
});

test('an out-of-range number typed into a field is clamped with a notice', async ({ page }) => {
  await openApp(page);
  const field = page.getByTestId('delay-migDelay-value');
  await field.fill('999999');
  await field.press('Enter');
  await waitIdle(page);
  await expect(field).toHaveValue('60000');
  await expect(page.getByTestId('notice')).toContainText('migDelay takes whole numbers from 0 to 60000 ms; using 60000.');
  await field.fill('-3');
  await field.press('Enter');
  await waitIdle(page);
  await expect(field).toHaveValue('0');
  await expect(page.getByTestId('notice')).toContainText('using 0.');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
});
