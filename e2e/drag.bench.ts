/**
 * How closely the screen follows a slider drag, in a real browser. Reports
 * numbers (latency from an input event to the next painted frame with the new
 * trace); asserts nothing, since shared machines are noisy.
 * Run: npm run bench:ui
 */
import { test } from '@playwright/test';
import { openApp } from './fixtures';

const SCENARIOS = [
  ['nova-test default (25 steps)', '?v=1'],
  ['production, 100 periodic runs (709 steps)', '?v=1&preset=production&periodicRuns=100'],
  ['production, 1000 periodic runs (7009 steps)', '?v=1&preset=production&periodicRuns=1000&period=1000'],
] as const;

for (const [name, query] of SCENARIOS) {
  test(`drag latency: ${name}`, async ({ page }, testInfo) => {
    await openApp(page, query);
    const result = await page.evaluate(async () => {
      const slider = document.querySelector<HTMLInputElement>('[data-testid="delay-migDelay"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const latencies: number[] = [];
      for (let i = 0; i < 40; i++) {
        const before = window.racelab!.state().trace;
        const started = performance.now();
        setValue.call(slider, String(1000 + i * 25));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await window.racelab!.whenIdle();
        if (window.racelab!.state().trace === before) continue;
        latencies.push((await frame()) - started);
      }
      latencies.sort((a, b) => a - b);
      const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
      return { samples: latencies.length, mean, p50: latencies[Math.floor(latencies.length / 2)]!, p95: latencies[Math.floor(latencies.length * 0.95)]! };
    });
    const line = `${name}: mean ${result.mean.toFixed(1)} ms, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${result.samples} updates (a 60 Hz frame is 16.7 ms)`;
    console.log(line);
    testInfo.annotations.push({ type: 'latency', description: line });
  });
}
