/**
 * The three sweeps as jobs for the worker pool: how each is cut into tasks
 * and how its results add up. Each job reports through plain callbacks, so
 * it is tested without a store or a Worker.
 */
import type { Scenario } from '../model';
import { type Chunker, createChunker } from '../sweep/chunker';
import { type FlipKey, flipKeysFor, type FlipReport, type FlipSearch, flipReport } from '../sweep/flips';
import type { MapSpec } from '../sweep/map-spec';
import { EMPTY_TALLY, mergeTallies, type OddsTally } from '../sweep/odds';
import type { JobSource } from '../worker/sweep-pool';

/** What a task should take: short enough that a new input is answered within about one of them. */
const TASK_TARGET_MS = 25;

/**
 * What earlier sweeps learnt: what one run cost, by the kind of run
 * (`runCostKey`), so a new map or odds job sizes its first tasks from it
 * instead of sending small probes first and waiting for them; and how many
 * runs each flip key's last search took, so a flip task has an expected
 * time (the pool lets a task about to end finish instead of killing its
 * worker on a new input).
 */
export interface RunCosts {
  readonly msPerRun: Map<string, number>;
  /** By race and key: `${race}|${key}`. */
  readonly flipProbes: Map<string, number>;
}

export function createRunCosts(): RunCosts {
  return { msPerRun: new Map(), flipProbes: new Map() };
}

/**
 * What decides how long one run takes: the race, the harness, the threads
 * and how many periodic runs; not the timings a sweep varies (a delay moves
 * steps in time, it does not add any).
 */
export function runCostKey(s: Scenario): string {
  return [s.race, s.preset, s.fix, s.periodicRuns, s.period, s.evacuees, s.bootAt !== null, s.host1UpAt !== null, s.jitter > 0].join('|');
}

/** How a job learns from and teaches what a run costs, and how many workers share its tasks. */
export interface JobCosts {
  readonly costs: RunCosts;
  readonly workers: number;
}

export interface MapJobEvents {
  cells(start: number, cells: Uint8Array): void;
  done(): void;
  error(message: string): void;
}

export interface FlipJobEvents {
  done(report: FlipReport): void;
  error(message: string): void;
}

export interface OddsJobEvents {
  progress(tally: OddsTally): void;
  done(tally: OddsTally): void;
  error(message: string): void;
}

/** A race map: cells in row-major runs from the bottom row, sized to about `TASK_TARGET_MS` each. */
export function mapJob(scenario: Scenario, spec: MapSpec, events: MapJobEvents, learn?: JobCosts): JobSource {
  const total = spec.res * spec.res;
  const costKey = runCostKey(scenario);
  // Without a prior the first tasks are small: a cell of a 7,000-step production run takes 30 ms.
  const chunker = createChunker(total, {
    first: 8, targetMs: TASK_TARGET_MS, max: 8 * spec.res, prior: learn?.costs.msPerRun.get(costKey) ?? null, workers: learn?.workers ?? 1,
  });
  return {
    next() {
      const range = chunker.next();
      if (!range) return null;
      const [start, end] = range;
      return { task: { type: 'map-cells', scenario, spec, start, end }, expectedMs: chunker.expectedMs(end - start) };
    },
    onResult(result, _task, elapsedMs) {
      if (result.type !== 'map-cells') return;
      chunker.observe(result.cells.length, elapsedMs);
      learn?.costs.msPerRun.set(costKey, chunker.msPerItem()!);
      events.cells(result.start, result.cells);
    },
    onDone: () => events.done(),
    onError: (message) => events.error(message),
  };
}

/** The nearest flip: one task per timing key, reported once all are in (a partial answer could name a flip that is not the nearest). */
export function flipJob(scenario: Scenario, events: FlipJobEvents, learn?: JobCosts): JobSource {
  const keys = flipKeysFor(scenario.race);
  const searches: FlipSearch[] = [];
  const report = (): FlipReport => flipReport(searches[0]?.from ?? 'kept', searches);
  const costKey = runCostKey(scenario);
  /** A key's search takes about as many runs as its last one did (a slider moves the current value a little). */
  const expectedMs = (key: FlipKey): number | null => {
    const perRun = learn?.costs.msPerRun.get(costKey);
    const probes = learn?.costs.flipProbes.get(`${scenario.race}|${key}`);
    return perRun === undefined || probes === undefined ? null : perRun * probes;
  };
  return {
    next() {
      const key = keys.shift();
      return key ? { task: { type: 'flip', scenario, key }, expectedMs: expectedMs(key) } : null;
    },
    onResult(result, _task, elapsedMs) {
      if (result.type !== 'flip') return;
      searches.push(result.search);
      learn?.costs.flipProbes.set(`${scenario.race}|${result.search.key}`, result.search.probes);
      if (result.search.probes > 0) learn?.costs.msPerRun.set(costKey, elapsedMs / result.search.probes);
    },
    onDone: () => events.done(report()),
    onError: (message) => events.error(message),
  };
}

/** Odds: seeds 1..runs in tasks of about `TASK_TARGET_MS`, tallied as they come. */
export function oddsJob(scenario: Scenario, runs: number, events: OddsJobEvents, learn?: JobCosts): JobSource {
  const costKey = runCostKey(scenario);
  const chunker = createChunker(runs, {
    first: 8, targetMs: TASK_TARGET_MS, max: 2000, prior: learn?.costs.msPerRun.get(costKey) ?? null, workers: learn?.workers ?? 1,
  });
  let tally = EMPTY_TALLY;
  return {
    next() {
      const range = chunker.next();
      if (!range) return null;
      // Seeds are 1-based: seed 0 is a valid seed, but "seeds 1..N" is what the README promises.
      const [start, end] = range;
      return { task: { type: 'odds', scenario, seedStart: start + 1, seedEnd: end + 1 }, expectedMs: chunker.expectedMs(end - start) };
    },
    onResult(result, _task, elapsedMs) {
      if (result.type !== 'odds') return;
      chunker.observe(result.tally.runs, elapsedMs);
      if (scenario.jitter > 0) learn?.costs.msPerRun.set(costKey, chunker.msPerItem()!);
      tally = mergeTallies(tally, result.tally);
      events.progress(tally);
    },
    onDone: () => events.done(tally),
    onError: (message) => events.error(message),
  };
}

/** Runs each sweep worker is warmed up with: a fresh worker in Chromium kept compiling for about this many (`warm-up.ts`). */
export const WARM_UP_RUNS_PER_WORKER = 20_000;
/** What a warm-up may cost each worker at most, whatever a run costs (a production run with many periodics is slow, and warms fast). */
const WARM_UP_MS_PER_WORKER = 600;
/** Warm-up tasks are short: a real input waits for the one running. */
const WARM_UP_TASK_MS = 8;

export interface WarmUpBudget {
  readonly workers: number;
  readonly runsPerWorker: number;
}

/**
 * The warm-up (`warm-up.ts`) as a background job: `runsPerWorker` runs for
 * each worker, or `WARM_UP_MS_PER_WORKER` of their time, whichever ends
 * first, in tasks of about `WARM_UP_TASK_MS`. `done` hears how many runs
 * were made.
 */
export function warmUpJob(scenario: Scenario, budget: WarmUpBudget, events: { done(runs: number): void }, learn?: JobCosts): JobSource {
  const { workers } = budget;
  const total = budget.runsPerWorker * workers;
  // Made at the first task, not now: by then the page's first sweeps have learnt what a run costs.
  let chunker: Chunker | null = null;
  const chunks = (): Chunker =>
    (chunker ??= createChunker(total, {
      first: 4, targetMs: WARM_UP_TASK_MS, max: 2000, prior: learn?.costs.msPerRun.get(runCostKey(scenario)) ?? null, workers,
    }));
  let seed = 0;
  let runs = 0;
  let spentMs = 0;
  return {
    next() {
      if (spentMs >= WARM_UP_MS_PER_WORKER * workers) return null;
      const range = chunks().next();
      if (!range) return null;
      const count = range[1] - range[0];
      return { task: { type: 'warm-up', scenario, seed: seed++, runs: count }, expectedMs: chunks().expectedMs(count) };
    },
    onResult(result, _task, elapsedMs) {
      if (result.type !== 'warm-up') return;
      chunks().observe(result.runs, elapsedMs);
      runs += result.runs;
      spentMs += elapsedMs;
    },
    onDone: () => events.done(runs),
    // A warm-up that fails costs speed, not answers: the real sweeps report their own errors.
    onError: () => events.done(runs),
  };
}
