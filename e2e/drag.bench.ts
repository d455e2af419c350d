/**
 * How closely the screen follows a slider drag, in a real browser. A drag is
 * replayed as 60 input events at 60 Hz; every animation frame notes which
 * input the painted trace belongs to. Reports latency (input -> first frame
 * showing its trace) and how many of the inputs got painted (the worker
 * coalesces, so a slow scenario skips some). Asserts nothing: shared machines
 * are noisy. Run: npm run bench:ui
 */
import { test } from '@playwright/test';
import { recordResult } from './bench-results';
import { openApp } from './fixtures';

const SCENARIOS = [
  ['nova-test default (25 steps)', '?v=1', 'drag25'],
  ['production, 100 periodic runs (709 steps)', '?v=1&preset=production&periodicRuns=100', 'drag709'],
  ['production, 1000 periodic runs (7009 steps)', '?v=1&preset=production&periodicRuns=1000&period=1000', 'drag7009'],
] as const;

for (const [name, query, key] of SCENARIOS) {
  test(`drag: ${name}`, async ({ page }, testInfo) => {
    await openApp(page, query);
    const result = await page.evaluate(async () => {
      const slider = document.querySelector<HTMLInputElement>('[data-testid="delay-migDelay"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const EVENTS = 60;
      const value = (i: number) => 1000 + i * 20;
      const sentAt = new Map<number, number>();
      const latencies: number[] = [];
      let partial = 0;
      let last = -1;
      let done = false;
      const watch = () => {
        const s = window.racelab!.state();
        const shown = s.tracedScenario?.migDelay;
        if (shown !== undefined && shown !== last && sentAt.has(shown)) {
          latencies.push(performance.now() - sentAt.get(shown)!);
          if (s.tracePartial) partial++;
          last = shown;
        }
        if (!done) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      for (let i = 0; i < EVENTS; i++) {
        sentAt.set(value(i), performance.now());
        setValue.call(slider, String(value(i)));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 1000 / 60));
      }
      await window.racelab!.whenIdle();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      done = true;
      latencies.sort((a, b) => a - b);
      const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
      // Nearest rank, as bench-results' percentile (this runs in the page).
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))]!;
      return { events: EVENTS, painted: latencies.length, partial, mean, p50: at(0.5), p95: at(0.95) };
    });
    const line =
      `${name}: ${result.painted}/${result.events} inputs painted (${result.partial} of them as the part on screen of a partial trace); latency mean ${result.mean.toFixed(1)} ms, ` +
      `p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (a 60 Hz frame is 16.7 ms)`;
    console.log(line);
    testInfo.annotations.push({ type: 'drag', description: line });
    recordResult(key, { steps: await page.evaluate(() => window.racelab!.state().trace!.steps.length), ...result });
  });
}
