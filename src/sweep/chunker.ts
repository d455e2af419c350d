/**
 * Cutting a sweep into tasks that each take about the same time, whatever a
 * simulation costs: a new input can then cancel the work within one short
 * task (a default cell takes a tenth of a ms; a 7,000-step production run
 * 30 ms). Tasks are sized from what the finished ones took; before any has
 * finished, from what a run of the same kind took in an earlier sweep (the
 * `prior`), else they are small. Near the end, a task is at most a share of
 * what is left, so the workers finish together instead of one of them
 * running the last big task alone.
 */
export interface Chunker {
  /** The next range `[start, end)` of items, or `null` when all are handed out. */
  next(): readonly [number, number] | null;
  /** A finished task: how many items it had and how long it took. */
  observe(items: number, elapsedMs: number): void;
  /** The time a task of `items` is expected to take, `null` before any task finished and without a prior. */
  expectedMs(items: number): number | null;
  /** ms per item so far (the prior until a task has finished), `null` when unknown. */
  msPerItem(): number | null;
}

export interface ChunkerOptions {
  /** The size of the first tasks, when nothing tells what an item costs. */
  readonly first: number;
  /** What a task should take. */
  readonly targetMs: number;
  /** The largest task, whatever the timing says. */
  readonly max: number;
  /** ms an item took in an earlier sweep of the same kind of run, if known. */
  readonly prior?: number | null;
  /** Workers sharing the tasks: near the end a task is at most 1/(2 × workers) of what is left. */
  readonly workers?: number;
}

export function createChunker(total: number, options: ChunkerOptions): Chunker {
  let handedOut = 0;
  let timedItems = 0;
  let timedMs = 0;
  const prior = options.prior !== undefined && options.prior !== null && options.prior > 0 ? options.prior : null;
  const share = options.workers !== undefined && options.workers > 0 ? 2 * options.workers : null;
  const msPerItem = (): number | null => (timedItems > 0 ? timedMs / timedItems : prior);
  return {
    next() {
      if (handedOut >= total) return null;
      const perItem = msPerItem();
      const ideal = perItem === null ? options.first : Math.round(options.targetMs / Math.max(perItem, 1e-6));
      const left = total - handedOut;
      // Not below a quarter of the target: a tiny task costs a round trip more than it computes.
      const floor = perItem === null ? options.first : Math.max(1, Math.round(options.targetMs / 4 / Math.max(perItem, 1e-6)));
      const tail = share === null ? left : Math.max(floor, Math.ceil(left / share));
      const size = Math.max(1, Math.min(options.max, ideal, tail, left));
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
    msPerItem,
  };
}
