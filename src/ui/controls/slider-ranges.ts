/**
 * How far each slider reaches. The number field beside it accepts the key's
 * whole range (see `NUMERIC_PARAMS`); the slider covers the useful part.
 */
import type { NumericKey } from '../../model';

export const SLIDER: Readonly<Record<NumericKey, { readonly max: number; readonly step: number }>> = {
  dropDelay: { max: 5000, step: 10 },
  migDelay: { max: 5000, step: 10 },
  winDelay: { max: 5000, step: 10 },
  spawn: { max: 5000, step: 10 },
  dbLatency: { max: 200, step: 1 },
  claimAt: { max: 5000, step: 10 },
  periodicAt: { max: 10_000, step: 10 },
  period: { max: 120_000, step: 1000 },
  periodicRuns: { max: 10, step: 1 },
  jitter: { max: 1000, step: 5 },
  seed: { max: 100, step: 1 },
  bootAt: { max: 15_000, step: 50 },
  host1UpAt: { max: 15_000, step: 50 },
  evacuees: { max: 2, step: 1 },
};
