/**
 * Run something once the next frame has been painted: a requestAnimationFrame
 * callback runs before that frame's paint, so the work goes in a task queued
 * from it. Used to put the first verdict on screen before anything else.
 * Where there are no frames (Node, tests) it runs at once.
 */

/** Run `f` after the next paint; returns a function that cancels it. */
export function afterNextPaint(f: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    f();
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(f, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
