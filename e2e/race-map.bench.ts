/**
 * How fast the race map fills in the browser: the default 100 × 100 map,
 * from the input that makes it stale to the first frame that shows its last
 * cell, and cells per second. Each round changes `spawn` (not an axis key,
 * so every round is a new map) as a discrete input; the nearest flip and
 * the odds restart on the same pool, as they do for a user. Asserts
 * nothing: shared machines are noisy. Run: npm run bench:ui
 */
import { test } from '@playwright/test';
import { openApp } from './fixtures';

const ROUNDS = 6;

test('race map: default 100 × 100, input to last cell', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openApp(page, '?v=1');
  await page.waitForSelector('[data-testid="race-map"][data-state="done"]', { timeout: 60_000 });
  const result = await page.evaluate(async (rounds) => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const painted: number[] = [];
    const inStore: number[] = [];
    for (let k = 1; k <= rounds; k++) {
      const spawn = 50 + k;
      const started = performance.now();
      window.racelab!.state().setParam('spawn', spawn);
      let shown = started;
      for (;;) {
        shown = await frame();
        const map = window.racelab!.state().raceMap;
        if (map?.status === 'done' && map.scenario.spawn === spawn) {
          inStore.push(map.elapsedMs ?? Number.NaN);
          break;
        }
      }
      painted.push(shown - started);
    }
    return { painted, inStore, cores: navigator.hardwareConcurrency };
  }, ROUNDS);
  const sorted = [...result.painted].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const line =
    `race map 100 × 100 on ${result.cores} workers: input to last cell painted median ${median.toFixed(0)} ms ` +
    `(min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}), ${Math.round(10_000 / (median / 1000))} cells/s; ` +
    `target < 300 ms. Per round: ${result.painted.map((t) => t.toFixed(0)).join(', ')} ms ` +
    `(of which the sweeps took, input to the last cell in the store: ${result.inStore.map((t) => t.toFixed(0)).join(', ')} ms)`;
  console.log(line);
  testInfo.annotations.push({ type: 'race-map', description: line });
});
