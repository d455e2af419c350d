/**
 * Cutting a sweep into tasks that each take about the same time, whatever a
 * simulation costs: a new input can then cancel the work within one short
 * task (a default cell takes a tenth of a ms; a 7,000-step production run
 * 30 ms). The first tasks are small; later ones are sized from what the
 * finished ones took.
 */
export interface Chunker {
  /** The next range `[start, end)` of items, or `null` when all are handed out. */
  next(): readonly [number, number] | null;
  /** A finished task: how many items it had and how long it took. */
  observe(items: number, elapsedMs: number): void;
  /** The time a task of `items` is expected to take, `null` before any task finished. */
  expectedMs(items: number): number | null;
}

export interface ChunkerOptions {
  /** The size of the first tasks, before any has been timed. */
  readonly first: number;
  /** What a task should take. */
  readonly targetMs: number;
  /** The largest task, whatever the timing says. */
  readonly max: number;
}

export function createChunker(total: number, options: ChunkerOptions): Chunker {
  let handedOut = 0;
  let timedItems = 0;
  let timedMs = 0;
  const msPerItem = (): number | null => (timedItems > 0 ? timedMs / timedItems : null);
  return {
    next() {
      if (handedOut >= total) return null;
      const perItem = msPerItem();
      const ideal = perItem === null ? options.first : Math.round(options.targetMs / Math.max(perItem, 1e-6));
      const size = Math.max(1, Math.min(options.max, ideal, total - handedOut));
      const range = [handedOut, handedOut + size] as const;
      handedOut += size;
      return range;
    },
    observe(items, elapsedMs) {
      timedItems += items;
      timedMs += Math.max(0, elapsedMs);
    },
    expectedMs(items) {
      const perItem = msPerItem();
      return perItem === null ? null : perItem * items;
    },
  };
}
