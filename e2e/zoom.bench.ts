/**
 * Frame times while zooming and panning a 20,007-step trace (BIG_TRACE_QUERY): one wheel event (zoom) or one mouse move (pan) per
 * animation frame, dispatched in the page so the cadence is the screen's
 * own, and the time between consecutive frames measured with
 * requestAnimationFrame's timestamps. At 60 Hz a frame is 16.7 ms; a frame
 * that took longer shows as a longer interval. Asserts nothing.
 * Run: npm run bench:ui
 */
import { test } from '@playwright/test';
import { percentile, recordResult } from './bench-results';
import { BIG_TRACE_QUERY, openApp } from './fixtures';

const FRAMES = 60;

interface Gesture {
  readonly zoom: number[];
  readonly pan: number[];
  readonly renderer: string | null;
  readonly steps: number;
  readonly zoomedSpan: number;
  readonly wholeSpan: number;
}

test('zoom and pan: the biggest trace', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openApp(page, BIG_TRACE_QUERY);
  await page.evaluate(() => window.racelab!.state().setTimeDomain(null));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const result: Gesture = await page.evaluate(async (frames) => {
    const timeline = document.querySelector<HTMLElement>('[data-testid="timeline"]')!;
    const lane = document.querySelector('[data-testid="timeline-lane"]')!.getBoundingClientRect();
    const body = timeline.querySelector('.tl-body')!.getBoundingClientRect();
    // The middle of the plot, on the lanes (right of the labels).
    const x = body.left + 160 + (body.width - 160) / 2;
    const y = lane.top + lane.height * 2;
    const target = document.elementFromPoint(x, y)!;
    const spanNow = () => Number(timeline.dataset.domainEnd) - Number(timeline.dataset.domainStart);
    const wholeSpan = spanNow();
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    /** Run `each(i)` at the start of `count` frames; the intervals between those frames. */
    const timed = async (count: number, each: (i: number) => void): Promise<number[]> => {
      const intervals: number[] = [];
      let previous = await frame();
      for (let i = 0; i < count; i++) {
        each(i);
        const now = await frame();
        intervals.push(now - previous);
        previous = now;
      }
      return intervals;
    };
    // Ctrl + wheel zooms wherever the page scrolls too (and is what a trackpad pinch sends); d3 counts it 10 × a plain wheel.
    const wheel = (deltaY: number) =>
      target.dispatchEvent(new WheelEvent('wheel', { deltaY, deltaMode: 0, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true, view: window }));
    const mouse = (type: string, clientX: number, on: EventTarget) =>
      on.dispatchEvent(new MouseEvent(type, { clientX, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true, view: window }));
    // Zoom in around the middle (about 150 × over 60 frames), pan, zoom back out.
    const zoomIn = await timed(frames, () => wheel(-6));
    // A big trace stores its domain when the gesture ends (the wheel rests for 150 ms).
    await new Promise((r) => setTimeout(r, 300));
    await frame();
    const zoomedSpan = spanNow();
    mouse('mousedown', x, target);
    const pan = await timed(frames * 2, (i) => mouse('mousemove', x + 200 * Math.sin((i / frames) * Math.PI), window));
    mouse('mouseup', x, window);
    const zoomOut = await timed(frames, () => wheel(6));
    return {
      zoom: [...zoomIn, ...zoomOut],
      pan,
      renderer: timeline.getAttribute('data-renderer'),
      steps: window.racelab!.state().trace!.steps.length,
      zoomedSpan,
      wholeSpan,
    };
  }, FRAMES);
  const stats = (xs: number[]) => ({ p50: percentile(xs, 0.5), p95: percentile(xs, 0.95), max: Math.max(...xs), frames: xs.length });
  const zoom = stats(result.zoom);
  const pan = stats(result.pan);
  const line =
    `zoom/pan ${result.steps} steps (renderer ${result.renderer ?? 'svg'}): zoom frames p50 ${zoom.p50.toFixed(1)} ms, p95 ${zoom.p95.toFixed(1)} ms (max ${zoom.max.toFixed(0)}); ` +
    `pan frames p50 ${pan.p50.toFixed(1)} ms, p95 ${pan.p95.toFixed(1)} ms (max ${pan.max.toFixed(0)}); ` +
    `zoomed to ${(result.wholeSpan / result.zoomedSpan).toFixed(0)}× (target p95 ≤ 20 ms)`;
  console.log(line);
  testInfo.annotations.push({ type: 'zoom', description: line });
  recordResult('zoomFramesBigTrace', { steps: result.steps, renderer: result.renderer ?? 'svg', ...zoom, zoomFactor: result.wholeSpan / result.zoomedSpan });
  recordResult('panFramesBigTrace', { steps: result.steps, renderer: result.renderer ?? 'svg', ...pan });
});
