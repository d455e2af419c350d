/**
 * Wires the store to the sweep workers: whenever the inputs of the race map,
 * the nearest flip or the odds change, the old job is cancelled at once and
 * a new one started; results land in the store as they arrive. While a
 * slider is dragged the new jobs wait until it has been still for
 * `settleMs`, so a drag does not keep both cores busy with sweeps the next
 * input makes moot (the timeline's own simulation needs one). Finished
 * results are kept in small caches, so going back to an earlier input shows
 * its map at once. The screen follows the sliders first: while a slider is
 * dragged, or a big trace's timeline zoomed or panned, the pool pauses
 * (the running tasks finish, each a few tens of ms), and while the
 * timeline's own simulation is pending it leaves one core to it. Once,
 * when the page opens, the workers are warmed up (`warm-up.ts`) with work
 * that yields to every sweep.
 */
import type { Scenario } from '../model';
import { countCells, pendingCells } from '../sweep/cells';
import { type MapSpec, mapInputsKey } from '../sweep/map-spec';
import { EMPTY_TALLY } from '../sweep/odds';
import { scenarioToQuery } from '../url/scenario-query';
import { createSweepPool, type SweepJob, type SweepWorkerLike } from '../worker/sweep-pool';
import type { AppStore } from './store';
import { createRunCosts, flipJob, mapJob, oddsJob, WARM_UP_RUNS_PER_WORKER, warmUpJob } from './sweep-jobs';
import type { FlipRun, OddsRun, RaceMapRun } from './sweep-slice';

export interface SweepConnectionOptions {
  readonly createWorker: () => SweepWorkerLike;
  /** Workers in the pool (one per core). */
  readonly size: number;
  /** How long a dragged input must be still before sweeps start again. */
  readonly settleMs?: number;
  /**
   * How often a running sweep's progress reaches the screen, at most. Each
   * update is a render and a frame, and a map's tasks end every few ms: on
   * two cores, drawing each of them slowed the map itself. The last cells
   * are shown at once.
   */
  readonly progressMs?: number;
  /** Runs each worker is warmed up with while it has nothing else to do (`warm-up.ts`); 0: none. */
  readonly warmUpRuns?: number;
  readonly now?: () => number;
}

/** A map-sized LRU: the newest `limit` entries. */
function lru<T>(limit: number) {
  const entries = new Map<string, T>();
  return {
    get(key: string): T | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: T): void {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
  };
}

/**
 * `publish` at most once every `everyMs`: at once when the last one is that
 * old, else when it will be. `cancel` drops a publish that is waiting.
 */
export function throttled(everyMs: number, now: () => number, publish: () => void) {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = (): void => {
    timer = null;
    last = now();
    publish();
  };
  return {
    request(): void {
      if (timer !== null) return;
      const wait = last + everyMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * A job whose cancel also drops its progress waiting to be shown: the same
 * inputs may come back before the throttle fires, and their new sweep must
 * not show the old one's counts.
 */
function withProgress(progress: { cancel(): void }, job: SweepJob): SweepJob {
  return {
    cancel() {
      progress.cancel();
      job.cancel();
    },
  };
}

/**
 * Sweeps vary timings, so they always work on the timed run: a loaded
 * schedule ignores timing (the panels say so).
 */
function timedScenario(state: { readonly scenario: Scenario }): Scenario {
  return state.scenario.schedule === null ? state.scenario : { ...state.scenario, schedule: null };
}

/** The odds ignore the scenario's own seed (they run seeds 1..N). */
const oddsKey = (scenario: Scenario, runs: number): string => `${scenarioToQuery({ ...scenario, seed: 1 }, null)}#${runs}`;

export function connectSweeps(store: AppStore, options: SweepConnectionOptions): { disconnect(): void } {
  const now = options.now ?? (() => performance.now());
  const settleMs = options.settleMs ?? 150;
  const progressMs = options.progressMs ?? 100;
  const notice = (text: string): void => store.getState().addNotice({ source: 'sweep', level: 'error', text });
  const pool = createSweepPool({
    createWorker: options.createWorker,
    size: options.size,
    now,
    onWorkerLost(message, willRetry) {
      if (willRetry) notice(`${message} A new one was started and its part of the sweep runs again.`);
    },
  });
  const learn = { costs: createRunCosts(), workers: pool.size };
  const maps = lru<RaceMapRun>(8);
  const flips = lru<FlipRun>(32);
  const odds = lru<OddsRun>(16);
  let mapJobNow: { inputs: string; job: SweepJob | null } | null = null;
  let flipJobNow: { key: string; job: SweepJob | null } | null = null;
  let oddsJobNow: { key: string; job: SweepJob | null } | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;

  const setMap = (run: RaceMapRun): void => store.setState({ raceMap: run });
  const currentMap = (inputs: string): RaceMapRun | null => {
    const run = store.getState().raceMap;
    return run?.inputs === inputs ? run : null;
  };

  function startMap(scenario: Scenario, spec: MapSpec, inputs: string, inputAt: number): SweepJob {
    const counted = { computed: 0, lost: 0, incomplete: 0 };
    const progress = throttled(progressMs, now, () => {
      const run = currentMap(inputs);
      if (run) setMap({ ...run, ...counted });
    });
    return withProgress(progress, pool.start(
      mapJob(scenario, spec, {
        cells(start, cells) {
          const run = currentMap(inputs);
          if (!run) return;
          // The cells go into the run's buffer at once; the screen hears of them at most every `progressMs`.
          run.cells.set(cells, start);
          const added = countCells(cells);
          counted.computed += added.computed;
          counted.lost += added.lost;
          counted.incomplete += added.incomplete;
          progress.request();
        },
        done() {
          progress.cancel();
          const run = currentMap(inputs);
          if (!run) return;
          const finished: RaceMapRun = { ...run, ...counted, status: 'done', elapsedMs: now() - inputAt };
          maps.set(inputs, finished);
          setMap(finished);
        },
        error(message) {
          progress.cancel();
          const run = currentMap(inputs);
          if (run) setMap({ ...run, ...counted, status: 'error', error: message });
          notice(`The race map stopped: ${message}`);
        },
      }, learn),
    ));
  }

  /** Point the map at the current inputs; `start` false leaves the job for after the drag. */
  function syncMap(start: boolean, inputAt: number): void {
    const { mapSpec } = store.getState();
    const scenario = timedScenario(store.getState());
    const inputs = mapInputsKey(scenario, mapSpec);
    if (mapJobNow?.inputs === inputs) {
      if (start && !mapJobNow.job && store.getState().raceMap?.status === 'running') mapJobNow.job = startMap(scenario, mapSpec, inputs, inputAt);
      return;
    }
    mapJobNow?.job?.cancel();
    const cached = maps.get(inputs);
    if (cached) {
      mapJobNow = { inputs, job: null };
      setMap(cached);
      return;
    }
    setMap({
      inputs, spec: mapSpec, scenario, cells: pendingCells(mapSpec.res),
      computed: 0, lost: 0, incomplete: 0, status: 'running', error: null, elapsedMs: null,
    });
    mapJobNow = { inputs, job: start ? startMap(scenario, mapSpec, inputs, inputAt) : null };
  }

  function syncFlips(start: boolean): void {
    const scenario = timedScenario(store.getState());
    const key = scenarioToQuery(scenario, null);
    if (flipJobNow?.key === key && (flipJobNow.job || !start || store.getState().flips?.status !== 'running')) return;
    if (flipJobNow?.key !== key) flipJobNow?.job?.cancel();
    const cached = flips.get(key);
    if (cached) {
      flipJobNow = { key, job: null };
      store.setState({ flips: cached });
      return;
    }
    store.setState({ flips: { scenario, status: 'running', report: null, error: null } });
    const job = !start
      ? null
      : pool.start(
          flipJob(scenario, {
            done(report) {
              if (flipJobNow?.key !== key) return;
              const run: FlipRun = { scenario, status: 'done', report, error: null };
              flips.set(key, run);
              store.setState({ flips: run });
            },
            error(message) {
              if (flipJobNow?.key === key) store.setState({ flips: { scenario, status: 'error', report: null, error: message } });
              notice(`The nearest-flip search stopped: ${message}`);
            },
          }, learn),
        );
    flipJobNow = { key, job };
  }

  function syncOdds(start: boolean): void {
    const { oddsRuns } = store.getState();
    const scenario = timedScenario(store.getState());
    const key = oddsKey(scenario, oddsRuns);
    if (oddsJobNow?.key === key && (oddsJobNow.job || !start || store.getState().odds?.status !== 'running')) return;
    if (oddsJobNow?.key !== key) oddsJobNow?.job?.cancel();
    const cached = odds.get(key);
    if (cached) {
      oddsJobNow = { key, job: null };
      store.setState({ odds: cached });
      return;
    }
    const base: OddsRun = { scenario, runs: oddsRuns, status: 'running', tally: EMPTY_TALLY, error: null };
    store.setState({ odds: base });
    const mine = (): boolean => oddsJobNow?.key === key;
    let latest = EMPTY_TALLY;
    const progress = throttled(progressMs, now, () => mine() && store.setState({ odds: { ...base, tally: latest } }));
    const job = !start
      ? null
      : withProgress(progress, pool.start(
          oddsJob(scenario, oddsRuns, {
            progress(tally) {
              latest = tally;
              progress.request();
            },
            done(tally) {
              progress.cancel();
              if (!mine()) return;
              const run: OddsRun = { ...base, status: 'done', tally };
              odds.set(key, run);
              store.setState({ odds: run });
            },
            error(message) {
              progress.cancel();
              if (mine()) store.setState({ odds: { ...base, status: 'error', error: message } });
              notice(`The odds under jitter stopped: ${message}`);
            },
          }, learn),
        ));
    oddsJobNow = { key, job };
  }

  const sync = (start: boolean, inputAt: number): void => {
    syncMap(start, inputAt);
    syncFlips(start);
    syncOdds(start);
  };

  const share = (): void => {
    if (settleTimer !== null || store.getState().timelineGesture) pool.setConcurrency(0);
    else pool.setConcurrency(store.getState().runStatus === 'running' ? pool.size - 1 : pool.size);
  };
  share();
  sync(true, now());
  const warmUpRuns = options.warmUpRuns ?? WARM_UP_RUNS_PER_WORKER;
  if (warmUpRuns > 0) {
    const warm = { done: () => store.setState({ sweepsWarm: true }) };
    pool.start(warmUpJob(timedScenario(store.getState()), { workers: pool.size, runsPerWorker: warmUpRuns }, warm, learn), { background: true });
  } else {
    store.setState({ sweepsWarm: true });
  }
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.runStatus !== previous.runStatus || state.timelineGesture !== previous.timelineGesture) share();
    if (state.scenario === previous.scenario && state.mapSpec === previous.mapSpec && state.oddsRuns === previous.oddsRuns) return;
    const inputAt = now();
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = null;
    // A slider being dragged notes 'replace' for the URL writer, which takes it only when the drag settles.
    const dragging = store.history.peek() === 'replace' && state.scenario !== previous.scenario;
    // Stale work is cancelled at once either way; during a drag the new work waits for the input to settle.
    sync(!dragging, inputAt);
    if (dragging) {
      settleTimer = setTimeout(() => {
        settleTimer = null;
        share();
        sync(true, inputAt);
      }, settleMs);
    }
    share();
  });

  return {
    disconnect() {
      unsubscribe();
      if (settleTimer !== null) clearTimeout(settleTimer);
      pool.dispose();
    },
  };
}
