/**
 * Nearest flip, the vocabulary: which timing keys are searched, what a
 * search finds, and how the per-key searches add up to one answer.
 * Model-free; the search itself is in `flip-search.ts`.
 */
import { type NumericKey, PARAM_BY_KEY, type RaceId, type VerdictValue } from '../model';

/** Every timing key a search may try, in the order they are shown on a tie. */
export const TIMING_KEYS = ['dropDelay', 'migDelay', 'winDelay', 'spawn', 'dbLatency', 'claimAt', 'periodicAt'] as const satisfies readonly NumericKey[];
export type FlipKey = (typeof TIMING_KEYS)[number];

/** The timing keys of a race (the ones it reads), in tie order. */
export function flipKeysFor(race: RaceId): FlipKey[] {
  return TIMING_KEYS.filter((key) => PARAM_BY_KEY[key].races.includes(race));
}

/** #1896463's timing keys (the default race's). */
export const FLIP_KEYS: readonly FlipKey[] = flipKeysFor('1896463');

export interface Flip {
  readonly key: FlipKey;
  /** The value that flips the verdict. */
  readonly value: number;
  /** `value` minus the current value. */
  readonly delta: number;
  /** The verdict at `value`. */
  readonly to: VerdictValue;
}

export interface FlipSearch {
  readonly key: FlipKey;
  /** The verdict at the current value. */
  readonly from: VerdictValue;
  /** The nearest flip, or `null` when no value in the key's range flips the verdict. */
  readonly flip: Flip | null;
  /** How many simulations the search ran. */
  readonly probes: number;
}

export interface FlipReport {
  readonly verdict: VerdictValue;
  /** Found flips, nearest first (by |delta|, then in `FLIP_KEYS` order). */
  readonly flips: readonly Flip[];
  /** Keys where no value in range flips the verdict. */
  readonly unflippable: readonly FlipKey[];
}

/** Put per-key searches together, nearest first. */
export function flipReport(verdict: VerdictValue, searches: readonly FlipSearch[]): FlipReport {
  const order = (key: FlipKey): number => TIMING_KEYS.indexOf(key);
  const flips = searches
    .flatMap((s) => (s.flip ? [s.flip] : []))
    .sort((a, b) => Math.abs(a.delta) - Math.abs(b.delta) || order(a.key) - order(b.key));
  const unflippable = searches.filter((s) => !s.flip).map((s) => s.key).sort((a, b) => order(a) - order(b));
  return { verdict, flips, unflippable };
}
