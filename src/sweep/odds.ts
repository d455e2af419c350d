/**
 * Odds under jitter, the arithmetic: tallies of seeded runs, their share of
 * losses with a 95 % Wilson score interval, and the race's margin per run.
 * Model-free, so the page can merge the workers' tallies itself.
 */
import { isUsageOutcome, type Outcome } from '../model';

/** Seeded runs per odds estimate unless asked otherwise. */
export const DEFAULT_ODDS_RUNS = 1000;
export const ODDS_RUNS_CHOICES: readonly number[] = [100, 1000, 10_000];

export interface OddsTally {
  readonly runs: number;
  readonly lost: number;
  /** Runs that stopped before the evacuation finished. */
  readonly incomplete: number;
  /** Each run's margin in ms (see `raceMargin`), `null` where the race never came close. */
  readonly margins: readonly (number | null)[];
}

export const EMPTY_TALLY: OddsTally = { runs: 0, lost: 0, incomplete: 0, margins: [] };

export function mergeTallies(a: OddsTally, b: OddsTally): OddsTally {
  return { runs: a.runs + b.runs, lost: a.lost + b.lost, incomplete: a.incomplete + b.incomplete, margins: [...a.margins, ...b.margins] };
}

/**
 * By how many ms host2's migration-list snapshot missed the migration's end
 * (positive: read after it was done, so the instance was in neither snapshot
 * and the VF was freed) or caught it in progress (negative), in the run whose
 * instance-list snapshot was stale. `null` when no host2 run read the
 * instance list before the host save (nothing for the race to miss) or the
 * migration never finished.
 *
 * @example raceMargin(simulateOutcome(defaultScenario())) // 941
 */
export function raceMargin(outcome: Outcome): number | null {
  // A usage race's model measures its own margin: its nearest periodic read to a racing write, signed by the verdict.
  if (isUsageOutcome(outcome)) return outcome.times.margin;
  const finished = outcome.times.migrationFinished;
  const read = outcome.times.freed?.migrationRead ?? outcome.times.nearMiss?.migrationRead ?? null;
  if (!finished || !read) return null;
  return read.time - finished.time;
}

/** 1.96: the standard normal quantile for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for `successes` out of `n`: unlike the normal
 * approximation it stays inside [0, 1] and is sensible at 0 and n, which is
 * where odds of a race usually sit.
 *
 * @example wilsonInterval(0, 1000) // [0, 0.00383...]
 */
export function wilsonInterval(successes: number, n: number, z = Z95): readonly [number, number] {
  if (n <= 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n the exact bound is 0 or 1; the float formula may miss it by an ulp.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === n ? 1 : Math.min(1, centre + half)];
}

export interface OddsSummary {
  readonly runs: number;
  readonly lost: number;
  readonly share: number;
  readonly ci95: readonly [number, number];
}

export function oddsSummary(tally: OddsTally): OddsSummary {
  return { runs: tally.runs, lost: tally.lost, share: tally.runs > 0 ? tally.lost / tally.runs : 0, ci95: wilsonInterval(tally.lost, tally.runs) };
}
