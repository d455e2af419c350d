/**
 * How fast the app starts, as a first visit feels it (production build, a
 * fresh browser context each time, so nothing is cached): the time from
 * navigation to the first frame that shows a verdict (median of several
 * navigations), and the gzip size of the JavaScript loaded until then (the
 * page's modules and the simulation worker; each body gzipped here with
 * node's zlib, as a server would send it). Asserts nothing.
 * Run: npm run bench:ui
 */
import { gzipSync } from 'node:zlib';
import { test } from '@playwright/test';
import { percentile, recordResult } from './bench-results';

const NAVIGATIONS = 7;

declare global {
  interface Window {
    __firstVerdictMs?: number;
  }
}

/** Runs before the page's own scripts: note the first frame after a verdict (lost/kept/incomplete) is in the DOM. */
function watchFirstVerdict(): void {
  const seen = (): boolean => {
    const el = document.querySelector('[data-testid="verdict"]');
    const verdict = el?.getAttribute('data-verdict');
    return verdict !== null && verdict !== undefined && verdict !== 'pending';
  };
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__firstVerdictMs = performance.now();
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
}

test('start: first verdict and JavaScript loaded at start', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const times: number[] = [];
  let files: { url: string; bytes: number; gzip: number }[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(watchFirstVerdict);
    const scripts: Promise<{ url: string; startedAt: number; bytes: number; gzip: number } | null>[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (!/\.m?js(\?|$)/.test(new URL(url).pathname)) return;
      // When the request started (ms since the epoch), to keep only those asked for before the verdict.
      const startedAt = response.request().timing().startTime;
      scripts.push(
        response.body().then(
          (body) => ({ url: new URL(url).pathname, startedAt, bytes: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength }),
          () => null,
        ),
      );
    });
    await page.goto('/?v=1');
    await page.waitForFunction(() => window.__firstVerdictMs !== undefined, undefined, { timeout: 30_000 });
    const [verdictMs, verdictAt] = await page.evaluate(() => [window.__firstVerdictMs!, performance.timeOrigin + window.__firstVerdictMs!]);
    times.push(verdictMs);
    // A file fetched twice (one script per sweep worker) is counted once: a browser reuses it.
    if (i === 0) {
      const before = (await Promise.all(scripts)).filter((f) => f !== null && f.startedAt < verdictAt) as { url: string; bytes: number; gzip: number }[];
      files = [...new Map(before.map((f) => [f.url, f])).values()];
    }
    await context.close();
  }
  const gzipKb = files.reduce((sum, f) => sum + f.gzip, 0) / 1024;
  const rawKb = files.reduce((sum, f) => sum + f.bytes, 0) / 1024;
  const median = percentile(times, 0.5);
  const verdictLine =
    `first verdict: median ${median.toFixed(0)} ms after navigation (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; ` +
    `${NAVIGATIONS} fresh contexts; target ≤ 300 ms)`;
  const jsLine =
    `start JavaScript: ${gzipKb.toFixed(1)} KB gzip (${rawKb.toFixed(1)} KB raw) in ${files.length} files before the first verdict (target ≤ 150 KB): ` +
    files.map((f) => `${f.url.replace(/^.*\//, '')} ${(f.gzip / 1024).toFixed(1)}`).join(', ');
  console.log(verdictLine);
  console.log(jsLine);
  testInfo.annotations.push({ type: 'start', description: `${verdictLine}\n${jsLine}` });
  recordResult('firstVerdictMs', { median, min: Math.min(...times), max: Math.max(...times), samples: times.map((t) => Math.round(t)) });
  recordResult('startJsGzipKB', { total: gzipKb, raw: rawKb, files: files.map((f) => ({ file: f.url, gzipKB: Math.round((f.gzip / 1024) * 10) / 10 })) });
});
