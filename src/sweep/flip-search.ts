/**
 * Nearest flip: the smallest change of one timing key that turns the verdict
 * over, found by running the model, not by a formula (the model is the only
 * authority on where its boundaries are).
 *
 * From the current value the search probes outwards in both directions:
 * every ms for the first 128 ms, then in steps of 1/64 of the distance
 * (about 500 probes to cover 0–60,000 ms). The first probe whose verdict
 * differs brackets a flip; the bracket is scanned again from its near end
 * with finer steps down to 1 ms, so the value returned flips the verdict and
 * the value 1 ms closer keeps it. A window of the other verdict narrower than
 * the step at its distance (1.6 % of it) could be stepped over: that is the
 * price of answering within a fraction of a second.
 */
import { interned, type Outcome, PARAM_BY_KEY, type Scenario, type VerdictValue } from '../model';
import { simulateOutcome } from '../model/simulate';
import { FLIP_KEYS, type Flip, type FlipKey, flipKeysFor, type FlipReport, flipReport, type FlipSearch, TIMING_KEYS } from './flips';

export { FLIP_KEYS, type Flip, type FlipKey, flipKeysFor, type FlipReport, type FlipSearch };

/** Probes every ms up to this distance. */
const EXHAUSTIVE_MS = 128;
/** Beyond it, the step is the distance divided by this. */
const GROWTH_DIVISOR = 64;
/** Samples per pass when a bracket is narrowed. */
const REFINE_SAMPLES = 32;

const nextDistance = (d: number): number => (d < EXHAUSTIVE_MS ? d + 1 : d + Math.floor(d / GROWTH_DIVISOR));

/**
 * The nearest value of `key` whose verdict differs from the current one.
 *
 * @example nearestFlip(defaultScenario(), 'migDelay').flip // { key: 'migDelay', value: 1058, delta: -942, to: 'kept' }
 */
export function nearestFlip(scenario: Scenario, given: FlipKey, outcomeOf: (s: Scenario) => Outcome = simulateOutcome): FlipSearch {
  // The model's own string for the key: one copied by a worker message deoptimizes the keyed spread below.
  const key = interned(TIMING_KEYS, given);
  const param = PARAM_BY_KEY[key];
  const current = scenario[key];
  const verdicts = new Map<number, VerdictValue>();
  const verdictAt = (value: number): VerdictValue => {
    let verdict = verdicts.get(value);
    if (verdict === undefined) {
      verdict = outcomeOf({ ...scenario, [key]: value }).verdict;
      verdicts.set(value, verdict);
    }
    return verdict;
  };
  const from = verdictAt(current);
  const differs = (value: number): boolean => verdictAt(value) !== from;

  /** The nearest flip in (near, far] along `sign`, given that `far` flips and `near` does not. */
  const narrow = (sign: number, near: number, far: number): number => {
    while (far - near > 1) {
      const step = Math.max(1, Math.ceil((far - near) / REFINE_SAMPLES));
      let firstFlip = far;
      for (let d = near + step; d < far; d += step) {
        if (differs(current + sign * d)) {
          firstFlip = d;
          break;
        }
        near = d;
      }
      far = firstFlip;
    }
    return far;
  };

  // Down first, so that on a tie the shorter sleep wins.
  const directions = [
    { sign: -1, reach: current - param.min, checked: 0 },
    { sign: 1, reach: param.max - current, checked: 0 },
  ];
  for (let d = 1; directions.some((dir) => dir.checked < dir.reach); d = nextDistance(d)) {
    let best: Flip | null = null;
    for (const dir of directions) {
      if (dir.checked >= dir.reach) continue;
      const distance = Math.min(d, dir.reach);
      if (!differs(current + dir.sign * distance)) {
        dir.checked = distance;
        continue;
      }
      const value = current + dir.sign * narrow(dir.sign, dir.checked, distance);
      const flip: Flip = { key, value, delta: value - current, to: verdictAt(value) };
      if (best === null || Math.abs(flip.delta) < Math.abs(best.delta)) best = flip;
    }
    if (best) return { key, from, flip: best, probes: verdicts.size };
  }
  return { key, from, flip: null, probes: verdicts.size };
}

/** Every key's search on this thread (the CLI and tests). */
export function nearestFlips(scenario: Scenario, outcomeOf: (s: Scenario) => Outcome = simulateOutcome): FlipReport {
  const searches = flipKeysFor(scenario.race).map((key) => nearestFlip(scenario, key, outcomeOf));
  return flipReport(searches[0]?.from ?? outcomeOf(scenario).verdict, searches);
}
