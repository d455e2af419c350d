/**
 * How fast the race map fills in the browser: the default 100 × 100 map,
 * from the input that makes it stale to the first frame that shows its last
 * cell, and cells per second. Each round changes `spawn` (not an axis key,
 * so every round is a new map) as a discrete input; the nearest flip and
 * the odds restart on the same pool, as they do for a user. The main
 * number is for a user who acts once the page has settled (the sweep
 * workers' warm-up is over, about half a second after the first map); the
 * first input right after the page loads is reported on its own. Asserts
 * nothing: shared machines are noisy. Run: npm run bench:ui
 */
import { type Page, test } from '@playwright/test';
import { openApp } from './fixtures';

const ROUNDS = 6;

/** Inputs (`spawn` = 51, 52, ...) one after the other, each timed from the input to the frame that shows its last cell. */
async function timeInputs(page: Page, rounds: number) {
  return page.evaluate(
    async (rounds) => {
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const painted: number[] = [];
      const inStore: number[] = [];
      for (let k = 0; k < rounds; k++) {
        const spawn = 51 + k;
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
    },
    rounds,
  );
}

/** Open the app and wait for its first map; returns ms from then until the workers' warm-up was over, if asked to wait. */
async function openAndMap(page: Page, waitForWarmUp: boolean): Promise<number | null> {
  await openApp(page, '?v=1');
  await page.waitForSelector('[data-testid="race-map"][data-state="done"]', { timeout: 60_000 });
  if (!waitForWarmUp) return null;
  return page.evaluate(async () => {
    const started = performance.now();
    while (!window.racelab!.state().sweepsWarm) await new Promise((resolve) => setTimeout(resolve, 10));
    return performance.now() - started;
  });
}

test('race map: default 100 × 100, input to last cell', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const warmUpMs = await openAndMap(page, true);
  const result = await timeInputs(page, ROUNDS);
  const sorted = [...result.painted].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const line =
    `race map 100 × 100 on ${result.cores} workers: input to last cell painted median ${median.toFixed(0)} ms ` +
    `(min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}), ${Math.round(10_000 / (median / 1000))} cells/s; ` +
    `target < 300 ms. Per round: ${result.painted.map((t) => t.toFixed(0)).join(', ')} ms ` +
    `(of which the sweeps took, input to the last cell in the store: ${result.inStore.map((t) => t.toFixed(0)).join(', ')} ms); ` +
    `the workers' warm-up ended ${warmUpMs!.toFixed(0)} ms after the first map`;
  console.log(line);
  testInfo.annotations.push({ type: 'race-map', description: line });
});

test('race map: the first input right after the page loads, before the warm-up', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const firsts: number[] = [];
  for (let load = 0; load < 3; load++) {
    const page = await browser.newPage();
    await openAndMap(page, false);
    firsts.push((await timeInputs(page, 1)).painted[0]!);
    await page.close();
  }
  const sorted = [...firsts].sort((a, b) => a - b);
  const line =
    `race map, first input as soon as the first map is done (3 page loads): median ${sorted[1]!.toFixed(0)} ms ` +
    `(${firsts.map((t) => t.toFixed(0)).join(', ')} ms)`;
  console.log(line);
  testInfo.annotations.push({ type: 'race-map-first', description: line });
});

test('race map: after a burst of inputs, last cell and workers replaced', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // Count the sweep workers the pool starts: a worker cancelled mid-task is replaced, and a fresh one is cold.
  await page.addInitScript(() => {
    const Native = window.Worker;
    const counted = window as unknown as { sweepWorkersMade: number };
    counted.sweepWorkersMade = 0;
    class Counted extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'racelab-sweep') counted.sweepWorkersMade++;
      }
    }
    window.Worker = Counted;
  });
  await openApp(page, '?v=1');
  await page.waitForSelector('[data-testid="race-map"][data-state="done"]', { timeout: 60_000 });
  const result = await page.evaluate(async () => {
    const counted = window as unknown as { sweepWorkersMade: number };
    const before = counted.sweepWorkersMade;
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const lastCell: number[] = [];
    for (let burst = 0; burst < 4; burst++) {
      // Eight inputs 60 ms apart (clicks on a slider's track, keys), each starting new sweeps.
      for (let k = 0; k < 8; k++) {
        window.racelab!.state().setParam('spawn', 100 + burst * 10 + k);
        await wait(60);
      }
      const started = performance.now();
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (window.racelab!.state().raceMap?.status === 'done') break;
      }
      lastCell.push(performance.now() - started);
      await wait(300);
    }
    return { replaced: counted.sweepWorkersMade - before, lastCell };
  });
  const line =
    `race map after bursts of 8 inputs 60 ms apart: from the last input to the last cell ${result.lastCell.map((t) => t.toFixed(0)).join(', ')} ms; ` +
    `sweep workers replaced during the 32 inputs: ${result.replaced}`;
  console.log(line);
  testInfo.annotations.push({ type: 'race-map-burst', description: line });
});
