import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Which Chromium to drive: $CHROMIUM_PATH, else Debian's real binary (the
 * /usr/bin/chromium wrapper adds flags and noise), else the wrapper, else
 * Playwright's own managed browser (what `npx playwright install` gives).
 */
function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  return candidates.find((p): p is string => typeof p === 'string' && p.length > 0 && existsSync(p));
}

const executablePath = systemChromium();
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** E2E_PORT / E2E_DEV let several people run the suite at once (dev server, own port). */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DEV = process.env.E2E_DEV === '1';

const launchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  ...(process.env.CI ? { workers: 2 } : {}),
  // One retry in CI keeps a trace of a flaky test, but a test that passes only
  // on its retry still fails the run.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: !!process.env.CI,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'chromium',
      testMatch: '**/*.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions,
      },
    },
    {
      // Speed numbers, not pass/fail: npm run bench:ui
      name: 'bench',
      testMatch: '**/*.bench.ts',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions },
    },
  ],
  webServer: {
    command: DEV
      ? `npx vite --host 127.0.0.1 --port ${PORT} --strictPort`
      : `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
