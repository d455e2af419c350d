/**
 * Export and import: every download happens and is what it says, the SVG
 * and the Nova test (there for every race) are what `npm run export`
 * prints, the summary lands on the clipboard, and an exported trace loads
 * its scenario back (a file that does not fit changes nothing).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { openApp, waitIdle } from './fixtures';

const root = join(import.meta.dirname, '..');

async function download(page: Page, item: 'chrome' | 'svg' | 'png' | 'nova-test'): Promise<{ name: string; body: Buffer }> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${item}`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

test('export code loads only when used', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await openApp(page, '?v=1');
  expect(scripts.some((u) => /\/export-[^/]*\.js$/.test(u))).toBe(false);
  await download(page, 'svg');
  expect(scripts.some((u) => /\/export-[^/]*\.js$/.test(u))).toBe(true);
});

test('each download happens, is non-empty, and says what the screen says', async ({ page }) => {
  await openApp(page, '?v=1');
  const hash = (await page.getByTestId('trace-hash').textContent())!.replace('#', '');

  const trace = await download(page, 'chrome');
  expect(trace.name).toBe(`racelab-${hash}.trace.json`);
  const json = JSON.parse(trace.body.toString('utf8')) as { traceEvents: unknown[]; otherData: Record<string, string> };
  expect(json.traceEvents.length).toBeGreaterThan(25);
  expect(json.otherData).toMatchObject({ query: 'v=1', traceHash: hash, verdict: 'PCI allocation LOST on host2' });

  const svg = await download(page, 'svg');
  const text = svg.body.toString('utf8');
  expect(svg.name).toBe(`racelab-${hash}.svg`);
  expect(text).toContain('PCI allocation LOST on host2');
  for (const name of ['rebuild_claim', 'InstanceList.get_by_host_and_node', 'MigrationList.get_in_progress_and_error', 'clean_usage', 'drop_migration_context']) {
    expect(text).toContain(name);
  }
  // Headless gives the same picture (links on the same base).
  const base = new URL(page.url()).origin + '/';
  const cli = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/export.ts', '--format', 'svg', '--base-url', base, 'v=1'], { cwd: root, encoding: 'utf8' });
  expect(text).toBe(cli);

  const png = await download(page, 'png');
  expect(png.name).toBe(`racelab-${hash}.png`);
  expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.body.readUInt32BE(16)).toBe(1200); // IHDR width

  const py = await download(page, 'nova-test');
  expect(py.name).toBe('test_bug_1896463_racelab.py');
  expect(py.body.toString('utf8')).toContain('EXPECTED_ON_HOST2 = 0');
});

test('the Nova test is there for every race, with its own file and the counts the model predicts', async ({ page }) => {
  const races = [
    { query: '?v=1&race=1879878-confirm', file: 'test_bug_1879878_confirm_racelab.py', expected: "EXPECTED_WHEN_FINISHED = {'host1': -1, 'host2': 1}" },
    { query: '?v=1&race=1879878-revert&fix=1', file: 'test_bug_1879878_revert_racelab.py', expected: "EXPECTED_WHEN_FINISHED = {'host1': 0, 'host2': 0}" },
    { query: '?v=1&race=2025480', file: 'test_bug_2025480_racelab.py', expected: "EXPECTED_WHEN_FINISHED = {'compute1': 0}" },
  ];
  for (const race of races) {
    await openApp(page, race.query);
    await expect(page.getByTestId('export-nova-test')).toBeEnabled();
    const py = await download(page, 'nova-test');
    expect(py.name).toBe(race.file);
    const text = py.body.toString('utf8');
    expect(text).toContain(race.expected);
    // Headless gives the same file (links on the same base).
    const base = new URL(page.url()).origin + '/';
    const cli = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/export.ts', '--format', 'nova-test', '--base-url', base, race.query], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(text).toBe(cli);
  }
});

test('Copy summary puts the Markdown summary on the clipboard', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openApp(page, '?v=1&fix=1');
  const button = page.getByTestId('copy-summary');
  await button.click();
  await expect(button).toContainText('copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('**Racelab: PCI allocation kept on host2**');
  expect(copied).toContain(`Scenario: ${new URL(page.url()).origin}/?v=1&fix=1`);
  expect(copied).toContain("Headless: `npm run -s simulate -- 'v=1&fix=1'`");
  await context.close();
});

test('importing an exported trace restores its scenario', async ({ page }) => {
  await openApp(page, '?v=1&fix=1&migDelay=1500');
  const hash = await page.getByTestId('trace-hash').textContent();
  const trace = await download(page, 'chrome');

  await openApp(page, '?v=1');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'lost');
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('import-trace-input').setInputFiles({ name: trace.name, mimeType: 'application/json', buffer: trace.body });
  await expect(page).toHaveURL(/\?v=1&fix=1&migDelay=1500$/);
  await waitIdle(page);
  await expect(page.getByTestId('trace-hash')).toHaveText(hash!);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'kept');
  await expect(page.getByTestId('notice-item').filter({ hasText: 'Loaded the scenario of' })).toBeVisible();
});

test('a file that does not fit gets a message and changes nothing', async ({ page }) => {
  await openApp(page, '?v=1&migDelay=1500');
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.getByTestId('export-menu').locator('summary').click();
  const input = page.getByTestId('import-trace-input');
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"traceEvents": [') });
  await expect(page.getByTestId('notice-item').filter({ hasText: 'notes.json: This file is not a Racelab trace export: it is not JSON.' })).toBeVisible();
  await input.setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"__proto__": {"x": 1}, "traceEvents": []}') });
  await expect(page.getByTestId('notice-item').filter({ hasText: 'the key "__proto__"' })).toBeVisible();
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(17 * 1024 * 1024, 0x20) });
  await expect(page.getByTestId('notice-item').filter({ hasText: 'huge.json: This file is 17.0 MB; a Racelab trace export is at most 16.0 MB.' })).toBeVisible();
  await expect(page).toHaveURL(/\?v=1&migDelay=1500$/);
  await expect(page.getByTestId('trace-hash')).toHaveText(hash!);
});
