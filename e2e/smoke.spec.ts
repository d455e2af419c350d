import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('the app opens with its title and simulates the Nova test', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle(/Racelab/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
});

test("the page's first scripts: the worker's starter first, and none carries the simulation (it runs in the workers)", async ({ page, request }) => {
  test.skip(process.env.E2E_DEV === '1', 'the dev server serves modules one by one, not the production bundle');
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  // The entry, the early worker starter and the chunks the entry imports.
  expect(scripts.length).toBeGreaterThanOrEqual(3);
  // The tiny script that starts the simulation worker is asked for first (a browser fetches six at a time),
  // and after the Content-Security-Policy, which covers only what follows it.
  expect(scripts[0]).toMatch(/\/boot-[^/]+\.js$/);
  expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(0);
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf(scripts[0]!));
  for (const script of scripts) {
    const body = await (await request.get(script)).text();
    // A message of the engine's (src/model/engine/engine.ts) that minification keeps.
    expect(body, `${script} carries the simulation engine`).not.toContain('handed to the engine twice');
  }
  // The same message is in the simulation worker, so the search would find it there.
  await openApp(page);
  const worker = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => /sim\.worker/.test(n)));
  expect(worker).toBeDefined();
  expect(await (await request.get(new URL(worker!).pathname)).text()).toContain('handed to the engine twice');
});
