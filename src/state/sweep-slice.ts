/**
 * The timing-space views: the race map (its spec, which is part of the URL,
 * and the map being computed), the nearest flip and the odds under jitter.
 * The sweeps themselves run in the worker pool (`connect-sweeps.ts`); this
 * slice only holds what they produced.
 */
import type { Scenario } from '../model';
import type { FlipReport } from '../sweep/flips';
import { defaultMapSpec, type MapSpec, sameMapSpec, withDefaultRanges } from '../sweep/map-spec';
import { DEFAULT_ODDS_RUNS, type OddsTally } from '../sweep/odds';
import type { SliceCreator } from './store';

export type SweepStatus = 'running' | 'done' | 'error';

export interface RaceMapRun {
  /** What the map depends on (`mapInputsKey`): a new key is a new map. */
  readonly inputs: string;
  readonly spec: MapSpec;
  /** The scenario whose other keys the cells keep. */
  readonly scenario: Scenario;
  /**
   * One `CELL` code per cell, row-major from the bottom row. Filled in place
   * as tasks arrive (with `computed` bumped each time, so readers re-render):
   * copying 160,000 bytes per task would cost more than drawing them.
   */
  readonly cells: Uint8Array;
  readonly computed: number;
  readonly lost: number;
  readonly incomplete: number;
  readonly status: SweepStatus;
  readonly error: string | null;
  /** From the input to the last cell, once done. */
  readonly elapsedMs: number | null;
}

export interface FlipRun {
  readonly scenario: Scenario;
  readonly status: SweepStatus;
  /** Set once every key has been searched. */
  readonly report: FlipReport | null;
  readonly error: string | null;
}

export interface OddsRun {
  readonly scenario: Scenario;
  readonly runs: number;
  readonly status: SweepStatus;
  /** The runs so far (all `runs` once done). */
  readonly tally: OddsTally;
  readonly error: string | null;
}

export interface SweepSlice {
  readonly mapSpec: MapSpec;
  readonly raceMap: RaceMapRun | null;
  readonly flips: FlipRun | null;
  readonly odds: OddsRun | null;
  /** Seeded runs per odds estimate. */
  readonly oddsRuns: number;
  /** The sweep workers' warm-up (`warm-up.ts`) has ended: their next sweeps run compiled code. */
  readonly sweepsWarm: boolean;
  /** A new map spec from the map's controls (a history entry of its own). */
  setMapSpec(spec: MapSpec): void;
  /** Back to the keys' default ranges. */
  resetMapRanges(): void;
  /** The map spec a URL asks for. */
  loadMapSpec(spec: MapSpec): void;
  setOddsRuns(runs: number): void;
}

export const createSweepSlice: SliceCreator<SweepSlice> = (set, get, { history }) => ({
  mapSpec: defaultMapSpec(),
  raceMap: null,
  flips: null,
  odds: null,
  oddsRuns: DEFAULT_ODDS_RUNS,
  sweepsWarm: false,
  setMapSpec(spec) {
    if (sameMapSpec(spec, get().mapSpec)) return;
    history.note('push');
    set({ mapSpec: spec });
  },
  resetMapRanges() {
    get().setMapSpec(withDefaultRanges(get().mapSpec));
  },
  loadMapSpec(spec) {
    if (!sameMapSpec(spec, get().mapSpec)) set({ mapSpec: spec });
  },
  setOddsRuns(runs) {
    if (runs !== get().oddsRuns) set({ oddsRuns: runs });
  },
});
